#include "digest.h"

#include "reference/nametext.h"

#include <QRegularExpression>

namespace ocular {

namespace {

bool isLowerHex(QStringView s)
{
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f')))
            return false;
    }
    return true;
}

const QRegularExpression &digestGrammar()
{
    // algorithm-component ([+._-] algorithm-component)* ':' encoded, from the OCI image spec.
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$"));
    return re;
}

} // namespace

Digest::Digest(QString algorithm, QString encoded)
    : m_algorithm(std::move(algorithm))
    , m_encoded(std::move(encoded))
{}

Result<Digest> Digest::parse(QStringView text)
{
    if (text.size() > 1024)
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("Digest is too long."));
    if (!digestGrammar().match(text.toString()).hasMatch())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("\"%1\" is not a digest (expected algorithm:hex).")
                               .arg(nametext::printable(text, 80)));
    const auto colon = text.indexOf(QLatin1Char(':'));
    const QString alg = text.left(colon).toString();
    const QString enc = text.mid(colon + 1).toString();
    auto expectHex = [&](int length) -> Result<Digest> {
        if (enc.size() != length || !isLowerHex(enc))
            return Error::make(
                ErrorKind::InvalidInput,
                QStringLiteral("A %1 digest needs exactly %2 lower-case hex characters.")
                    .arg(alg)
                    .arg(length));
        return Digest(alg, enc);
    };
    if (alg == QLatin1String("sha256"))
        return expectHex(64);
    if (alg == QLatin1String("sha512"))
        return expectHex(128);
    return Digest(alg, enc);
}

Digest Digest::sha256(QByteArrayView bytes)
{
    return compute(bytes, QStringLiteral("sha256"));
}

Digest Digest::compute(QByteArrayView bytes, const QString &algorithm)
{
    const auto alg = algorithm == QLatin1String("sha512") ? QCryptographicHash::Sha512
                                                          : QCryptographicHash::Sha256;
    const QByteArray hex = QCryptographicHash::hash(bytes, alg).toHex();
    return Digest(alg == QCryptographicHash::Sha512 ? QStringLiteral("sha512")
                                                    : QStringLiteral("sha256"),
                  QString::fromLatin1(hex));
}

QString Digest::toString() const
{
    if (!isValid())
        return {};
    return m_algorithm + QLatin1Char(':') + m_encoded;
}

QString Digest::shortForm(int hexChars) const
{
    if (!isValid())
        return {};
    return m_algorithm + QLatin1Char(':') + m_encoded.left(hexChars);
}

bool Digest::isVerifiable() const
{
    return m_algorithm == QLatin1String("sha256") || m_algorithm == QLatin1String("sha512");
}

QCryptographicHash::Algorithm Digest::hashAlgorithm() const
{
    return m_algorithm == QLatin1String("sha512") ? QCryptographicHash::Sha512
                                                  : QCryptographicHash::Sha256;
}

bool Digest::matches(QByteArrayView bytes) const
{
    if (!isVerifiable())
        return false;
    return QCryptographicHash::hash(bytes, hashAlgorithm()).toHex() == m_encoded.toLatin1();
}

QString Digest::fallbackTag() const
{
    // Tags allow at most 128 characters; the spec truncates algorithm to 32 and encoded to 64,
    // and replaces characters the tag grammar does not allow (`+` in an algorithm, `=` in an
    // encoding) with `-`.
    QString tag = m_algorithm.left(32) + QLatin1Char('-') + m_encoded.left(64);
    for (QChar &c : tag) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                             (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                             (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                             c == QLatin1Char('_') || c == QLatin1Char('.') ||
                             c == QLatin1Char('-');
        if (!allowed)
            c = QLatin1Char('-');
    }
    return tag;
}

} // namespace ocular
