#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ocular {

/// One package row of an SBOM.
struct SbomPackage
{
    QString name;
    QString version;
    QString license; ///< concluded, else declared licence expression; empty when unknown
    QString purl;
    QString type; ///< purl type (npm, deb, golang, ...) or the component/package type
};

/// An SBOM reduced to what the packages table shows.
struct SbomDocument
{
    QString format;  ///< "SPDX 2.3", "CycloneDX 1.5"
    QString name;    ///< document / metadata component name
    QString wrapper; ///< "in-toto statement", "DSSE envelope + in-toto statement", or empty
    QList<SbomPackage> packages;
    int licensedCount() const;
};

/// Reads SPDX 2.x JSON and CycloneDX JSON, bare or wrapped in an in-toto statement (BuildKit,
/// cosign attest) or a DSSE envelope. Pure and thread-safe: run it off the GUI thread.
namespace sbomparser {

Result<SbomDocument> parse(const QByteArray &json);

} // namespace sbomparser
} // namespace ocular
