#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ocular {

/// The platform of an index entry (os/architecture/variant plus Windows os.version).
struct Platform
{
    QString os;
    QString architecture;
    QString variant;
    QString osVersion;
    QStringList osFeatures;

    static Result<Platform> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    /// `linux/arm64/v8`, `windows/amd64 10.0.20348.1249`.
    QString toString() const;
    /// BuildKit marks attestation manifests with unknown/unknown.
    bool isUnknown() const;

    friend bool operator==(const Platform &, const Platform &) = default;
};

} // namespace ocular
