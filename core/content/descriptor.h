#pragma once

#include "base/result.h"
#include "content/platform.h"
#include "reference/digest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>
#include <optional>

namespace ocular {

/// An OCI content descriptor: what a manifest says about a blob or another manifest.
struct Descriptor
{
    QString mediaType;
    Digest digest;
    qint64 size = 0;
    QStringList urls;
    QMap<QString, QString> annotations;
    std::optional<Platform> platform;
    QString artifactType;
    QByteArray data; ///< decoded inline `data`, empty when absent

    /// Validates media type, digest and size (non-negative, at most 2^53).
    static Result<Descriptor> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    /// `org.opencontainers.image.title`, when present.
    QString title() const;
    /// BuildKit's attestation entries inside an index (platform unknown/unknown + annotation).
    bool isBuildKitAttestation() const;
    /// The image digest a BuildKit attestation entry refers to (invalid when not one).
    Digest attestationSubject() const;
};

/// Reads an `annotations` member: absent or null is empty; anything but string→string is an error.
Result<QMap<QString, QString>> parseAnnotations(const QJsonValue &value);

} // namespace ocular
