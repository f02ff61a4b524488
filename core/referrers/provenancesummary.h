#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ocular {

/// One input of a build: a source, a base image, a frontend image.
struct ProvenanceMaterial
{
    QString uri;
    QString digest; ///< "sha256:<hex>" (the first digest given), empty when none
};

/// What an in-toto SLSA provenance statement (v0.2 or v1) says about a build, in the terms a
/// reader looks for: who built it, how, from what, when. BuildKit attaches these to images.
struct ProvenanceSummary
{
    QString predicateType;
    QString slsaVersion;  ///< "0.2" or "1" (v0.1 reads as 0.2: same shape)
    QStringList subjects; ///< name@algorithm:hex of the statement's subjects
    QString builderId;
    QString buildType;
    QString configSource; ///< where the build definition came from (uri, with @digest if given)
    QString entryPoint;   ///< the file inside it (Dockerfile)
    /// Build parameters, "name = value", frontend first then the arguments, sorted.
    QStringList parameters;
    QString invocationId;
    QDateTime startedOn;  ///< invalid when not stated
    QDateTime finishedOn; ///< invalid when not stated
    /// v0.2 materials or v1 resolvedDependencies.
    QList<ProvenanceMaterial> materials;
    /// Whether the builder called the build reproducible (v0.2 metadata); unknown when empty.
    std::optional<bool> reproducible;

    /// Reads an in-toto statement, or a DSSE envelope around one. An error when the JSON is
    /// not a statement or its predicate is not SLSA provenance.
    static Result<ProvenanceSummary> parse(const QByteArray &json);
    /// Whether a predicate type names SLSA provenance (any version).
    static bool isProvenancePredicate(const QString &predicateType);
};

} // namespace ocular
