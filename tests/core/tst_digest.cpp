// Digest grammar, verification and the referrers fallback tag (PROTOCOL §1, §4).
// Table rows concatenate strings; plain QString operator+ keeps QTest's column types exact
// (a QStringBuilder temporary would not match a QString column).
#undef QT_USE_QSTRINGBUILDER

#include "reference/digest.h"

#include <QTest>

using namespace ocular;

namespace {

const QString kHex64 =
    QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

QString repeatHex(int n)
{
    QString out;
    const QString hex = QStringLiteral("0123456789abcdef");
    for (int i = 0; i < n; ++i)
        out += hex.at(i % 16);
    return out;
}

} // namespace

class TestDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errorMessageNamesProblem();
    void sha256OfKnownBytes();
    void sha512OfKnownBytes();
    void matches_data();
    void matches();
    void fallbackTag_data();
    void fallbackTag();
    void shortForm();
    void equalityAndHash();
};

void TestDigest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<bool>("verifiable");

    const QString h64 = kHex64;
    const QString h128 = repeatHex(128);

    QTest::addRow("sha256") << QStringLiteral("sha256:") + h64 << true << QStringLiteral("sha256")
                            << true;
    QTest::addRow("sha512") << QStringLiteral("sha512:") + h128 << true << QStringLiteral("sha512")
                            << true;
    QTest::addRow("sha256 all zero") << QStringLiteral("sha256:") + QString(64, QLatin1Char('0'))
                                     << true << QStringLiteral("sha256") << true;
    QTest::addRow("unknown alg fits grammar")
        << QStringLiteral("blake3:abcDEF123") << true << QStringLiteral("blake3") << false;
    QTest::addRow("alg with separators")
        << QStringLiteral("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8") << true
        << QStringLiteral("multihash+base58") << false;
    QTest::addRow("alg with dot and dash")
        << QStringLiteral("sha3.256-x_y:abc=_-") << true << QStringLiteral("sha3.256-x_y") << false;
    QTest::addRow("encoded with = _ -")
        << QStringLiteral("foo:a=b_c-d") << true << QStringLiteral("foo") << false;

    QTest::addRow("upper-case hex sha256")
        << QStringLiteral("sha256:") + h64.toUpper() << false << QStringLiteral("") << false;
    QTest::addRow("one upper-case char")
        << QStringLiteral("sha256:E") + h64.mid(1) << false << QStringLiteral("") << false;
    QTest::addRow("upper-case hex sha512")
        << QStringLiteral("sha512:") + h128.toUpper() << false << QStringLiteral("") << false;
    QTest::addRow("sha256 too short")
        << QStringLiteral("sha256:") + h64.left(63) << false << QString() << false;
    QTest::addRow("sha256 too long") << QStringLiteral("sha256:") + h64 + QLatin1Char('0') << false
                                     << QStringLiteral("") << false;
    QTest::addRow("sha256 with sha512 length")
        << QStringLiteral("sha256:") + h128 << false << QStringLiteral("") << false;
    QTest::addRow("sha512 with sha256 length")
        << QStringLiteral("sha512:") + h64 << false << QStringLiteral("") << false;
    QTest::addRow("sha256 non-hex") << QStringLiteral("sha256:") + h64.left(63) + QLatin1Char('g')
                                    << false << QStringLiteral("") << false;
    QTest::addRow("upper-case algorithm")
        << QStringLiteral("SHA256:") + h64 << false << QStringLiteral("") << false;
    QTest::addRow("empty") << QString() << false << QStringLiteral("") << false;
    QTest::addRow("only colon") << QStringLiteral(":") << false << QStringLiteral("") << false;
    QTest::addRow("no algorithm") << QStringLiteral(":") + h64 << false << QStringLiteral("")
                                  << false;
    QTest::addRow("no encoded") << QStringLiteral("sha256:") << false << QStringLiteral("")
                                << false;
    QTest::addRow("no colon") << h64 << false << QStringLiteral("") << false;
    QTest::addRow("two colons") << QStringLiteral("sha256:") + h64 + QStringLiteral(":x") << false
                                << QStringLiteral("") << false;
    QTest::addRow("leading space")
        << QStringLiteral(" sha256:") + h64 << false << QStringLiteral("") << false;
    QTest::addRow("trailing newline") << QStringLiteral("sha256:") + h64 + QLatin1Char('\n')
                                      << false << QStringLiteral("") << false;
    QTest::addRow("alg starts with separator")
        << QStringLiteral("+sha:abc") << false << QStringLiteral("") << false;
    QTest::addRow("alg double separator")
        << QStringLiteral("a..b:abc") << false << QStringLiteral("") << false;
    QTest::addRow("encoded with slash")
        << QStringLiteral("foo:ab/cd") << false << QStringLiteral("") << false;
    QTest::addRow("non-ascii") << QStringLiteral("sha256:\u00e9") << false << QStringLiteral("")
                               << false;
    QTest::addRow("garbage") << QStringLiteral("!!not a digest!!") << false << QStringLiteral("")
                             << false;
    QTest::addRow("huge") << QStringLiteral("foo:") + QString(5000, QLatin1Char('a')) << false
                          << QString() << false;
}

void TestDigest::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, algorithm);
    QFETCH(bool, verifiable);

    const auto result = Digest::parse(text);
    QCOMPARE(result.ok(), valid);
    if (!valid) {
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!result.error().message.isEmpty());
        return;
    }
    const Digest &d = result.value();
    QVERIFY(d.isValid());
    QCOMPARE(d.algorithm(), algorithm);
    QCOMPARE(d.isVerifiable(), verifiable);
    QCOMPARE(d.toString(), text);
    QCOMPARE(d.encoded(), text.mid(text.indexOf(QLatin1Char(':')) + 1));
}

void TestDigest::errorMessageNamesProblem()
{
    const auto upper = Digest::parse(QStringLiteral("sha256:") + kHex64.toUpper());
    QVERIFY(!upper.ok());
    QVERIFY2(upper.error().message.contains(QLatin1String("lower-case")),
             qPrintable(upper.error().message));
    QVERIFY(upper.error().message.contains(QLatin1String("64")));
    const auto garbage = Digest::parse(QStringLiteral("nonsense"));
    QVERIFY(garbage.error().message.contains(QLatin1String("nonsense")));
}

void TestDigest::sha256OfKnownBytes()
{
    QCOMPARE(Digest::sha256(QByteArray()).toString(), QStringLiteral("sha256:") + kHex64);
    QCOMPARE(
        Digest::sha256(QByteArrayLiteral("{}")).toString(),
        QStringLiteral("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
    QVERIFY(Digest::sha256(QByteArrayLiteral("a")).isVerifiable());
}

void TestDigest::sha512OfKnownBytes()
{
    const Digest d = Digest::compute(QByteArrayLiteral("abc"), QStringLiteral("sha512"));
    QCOMPARE(d.algorithm(), QStringLiteral("sha512"));
    QCOMPARE(d.encoded(),
             QStringLiteral("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
    QCOMPARE(d.hashAlgorithm(), QCryptographicHash::Sha512);
    QVERIFY(Digest::parse(d.toString()).ok());
}

void TestDigest::matches_data()
{
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("expected");

    QTest::addRow("empty sha256") << QStringLiteral("sha256:") + kHex64 << QByteArray() << true;
    QTest::addRow("empty sha256, other bytes")
        << QStringLiteral("sha256:") + kHex64 << QByteArrayLiteral(" ") << false;
    QTest::addRow("{} sha256")
        << QStringLiteral("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        << QByteArrayLiteral("{}") << true;
    QTest::addRow("{} with newline")
        << QStringLiteral("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        << QByteArrayLiteral("{}\n") << false;
    QTest::addRow("sha512 abc")
        << QStringLiteral("sha512:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        << QByteArrayLiteral("abc") << true;
    QTest::addRow("sha512 abd")
        << QStringLiteral("sha512:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        << QByteArrayLiteral("abd") << false;
    QTest::addRow("unverifiable never matches")
        << QStringLiteral("blake3:abc") << QByteArrayLiteral("abc") << false;
}

void TestDigest::matches()
{
    QFETCH(QString, digest);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, expected);
    const auto d = Digest::parse(digest);
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
    QCOMPARE(d->matches(bytes), expected);
}

void TestDigest::fallbackTag_data()
{
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("tag");

    QTest::addRow("sha256") << QStringLiteral("sha256:") + kHex64
                            << QStringLiteral("sha256-") + kHex64;
    QTest::addRow("sha512 truncated to 64")
        << QStringLiteral("sha512:") + repeatHex(128) << QStringLiteral("sha512-") + repeatHex(64);
    QTest::addRow("long algorithm truncated to 32")
        << QStringLiteral("a") + QString(40, QLatin1Char('b')) + QStringLiteral(":xyz")
        << QStringLiteral("a") + QString(31, QLatin1Char('b')) + QStringLiteral("-xyz");
    // Characters outside the tag grammar become '-' (distribution spec, referrers tag schema).
    QTest::addRow("plus in algorithm")
        << QStringLiteral("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8")
        << QStringLiteral("multihash-base58-QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8");
    QTest::addRow("equals in encoding") << QStringLiteral("b64:abc=") << QStringLiteral("b64-abc-");
}

void TestDigest::fallbackTag()
{
    QFETCH(QString, digest);
    QFETCH(QString, tag);
    const auto d = Digest::parse(digest);
    QVERIFY(d.ok());
    const QString t = d->fallbackTag();
    QCOMPARE(t, tag);
    QVERIFY(t.size() <= 128);
    QVERIFY(!t.contains(QLatin1Char(':')));
}

void TestDigest::shortForm()
{
    const Digest d = Digest::sha256(QByteArray());
    QCOMPARE(d.shortForm(), QStringLiteral("sha256:e3b0c44298fc"));
    QCOMPARE(d.shortForm(4), QStringLiteral("sha256:e3b0"));
    QCOMPARE(Digest().shortForm(), QString());
    QCOMPARE(Digest().toString(), QString());
    QVERIFY(!Digest().isValid());
    QVERIFY(!Digest().isVerifiable());
}

void TestDigest::equalityAndHash()
{
    const Digest a = Digest::sha256(QByteArrayLiteral("a"));
    const Digest a2 = Digest::parse(a.toString()).value();
    const Digest b = Digest::sha256(QByteArrayLiteral("b"));
    QCOMPARE(a, a2);
    QVERIFY(a != b);
    QCOMPARE(qHash(a), qHash(a2));
    QVERIFY((a < b) != (b < a));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
