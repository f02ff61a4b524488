#pragma once

#include "referrers/cosignverifier.h"
#include "referrers/referrergraph.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ocular {

/// One manifest in a supply-chain audit: a tag's manifest or a platform manifest of it.
struct AuditRow
{
    QString tag;
    Digest digest;
    QString platform; ///< empty for the tagged manifest itself
    QString mediaType;
    QStringList signatureKinds; ///< display labels: "cosign signature", "Notation signature", ...
    /// What the signatures are, for logic (which verifier applies); labels are for display.
    QList<ArtifactFormat> signatureFormats;
    /// The outcome of the signature check, for logic (icons, filters, exit codes).
    VerificationResult verificationResult;
    QString verification;    ///< verificationResult as words: "verified", "failed (...)", ...
    QStringList sbomFormats; ///< "SPDX", "CycloneDX" (stable words, not translated)
    QStringList attestationKinds;
    bool provenance = false; ///< SLSA provenance among the attestations
    int referrerCount = 0;
    QString newestSignature; ///< newest created date among the signatures, when known
    /// Listed referrers that do not name this manifest (never counted above), in words.
    QStringList subjectMismatches;

    bool isSigned() const { return !signatureKinds.isEmpty(); }
    bool hasSignatureFormat(ArtifactFormat format) const
    {
        return signatureFormats.contains(format);
    }
    /// Sets verificationResult and its words together.
    void setVerification(const VerificationResult &result)
    {
        verificationResult = result;
        verification = result.toString();
    }
};

/// Builds audit rows from referrer graphs and writes them as CSV or JSON.
namespace audittable {

/// The row of `subject` in `graph` (its referrers, recursively).
AuditRow rowFor(const ReferrerGraph &graph, const Digest &subject, const QString &tag,
                const QString &platform = {});
/// The root's row, then one row per platform manifest of an index root.
QList<AuditRow> rowsFor(const ReferrerGraph &graph, const QString &tag);

enum class Filter
{
    All,
    UnsignedOnly,
    WithoutSbom,
    WithoutProvenance,
};
QList<AuditRow> filtered(const QList<AuditRow> &rows, Filter filter);

QByteArray toCsv(const QList<AuditRow> &rows);
QByteArray toJson(const QList<AuditRow> &rows);
QStringList csvHeader();

} // namespace audittable
} // namespace ocular
