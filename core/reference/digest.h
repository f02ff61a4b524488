#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace ocular {

/// A content digest `algorithm:encoded` (OCI image spec); sha256 and sha512 are verifiable.
class Digest
{
public:
    Digest() = default;

    /// Parses and validates; upper-case hex and wrong lengths are errors for known algorithms.
    static Result<Digest> parse(QStringView text);
    /// The sha256 digest of exactly these bytes.
    static Digest sha256(QByteArrayView bytes);
    /// Digest of bytes with the given (verifiable) algorithm.
    static Digest compute(QByteArrayView bytes, const QString &algorithm);

    bool isValid() const { return !m_algorithm.isEmpty(); }
    const QString &algorithm() const { return m_algorithm; }
    const QString &encoded() const { return m_encoded; }
    QString toString() const;
    /// `sha256:abcdef123456` style short form for display.
    QString shortForm(int hexChars = 12) const;

    /// Whether we know how to hash with this algorithm (sha256, sha512).
    bool isVerifiable() const;
    /// True when the bytes hash to this digest; false for unverifiable algorithms.
    bool matches(QByteArrayView bytes) const;
    /// The hash algorithm for a verifiable digest.
    QCryptographicHash::Algorithm hashAlgorithm() const;

    /// The referrers fallback tag name: `<alg>-<encoded>`, truncated per the distribution spec.
    QString fallbackTag() const;

    friend bool operator==(const Digest &a, const Digest &b) = default;
    friend bool operator<(const Digest &a, const Digest &b) { return a.toString() < b.toString(); }

private:
    Digest(QString algorithm, QString encoded);
    QString m_algorithm;
    QString m_encoded;
};

inline size_t qHash(const Digest &d, size_t seed = 0)
{
    return qHash(d.encoded(), seed);
}

} // namespace ocular
