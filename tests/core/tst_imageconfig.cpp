// Image config parsing: the fields a user looks at, from Docker and OCI configs.

// Table rows concatenate strings; plain QString operator+ keeps QTest's column types exact.
#undef QT_USE_QSTRINGBUILDER

#include "content/imageconfig.h"

#include <QFile>
#include <QTest>

#include "support/fixtures.h"
#include <QTimeZone>

using namespace ocular;

namespace {

using ocular::test::fixturesDir;
using ocular::test::readFile;

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

} // namespace

class TestImageConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void created_data();
    void created();
    void invalid_data();
    void invalid();
    void dockerHelloWorld();
    void ociBuildKitExport();
    void alpineAmd64();
    void handWrittenFullConfig();
    void minimalConfig();
};

void TestImageConfig::created_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::addRow("Z") << QStringLiteral("2021-09-23T23:47:57Z") << utc(2021, 9, 23, 23, 47, 57);
    QTest::addRow("nanoseconds Z")
        << QStringLiteral("2021-09-23T23:47:57.442225064Z") << utc(2021, 9, 23, 23, 47, 57, 442);
    QTest::addRow("one fraction digit")
        << QStringLiteral("2021-09-23T23:47:57.5Z") << utc(2021, 9, 23, 23, 47, 57, 500);
    QTest::addRow("two fraction digits")
        << QStringLiteral("2021-09-23T23:47:57.05Z") << utc(2021, 9, 23, 23, 47, 57, 50);
    QTest::addRow("positive offset")
        << QStringLiteral("2024-03-05T10:20:30+01:30") << utc(2024, 3, 5, 8, 50, 30);
    QTest::addRow("negative offset crossing midnight")
        << QStringLiteral("2024-03-05T22:00:00.25-05:00") << utc(2024, 3, 6, 3, 0, 0, 250);
    QTest::addRow("zero offset") << QStringLiteral("2024-01-01T00:00:00+00:00")
                                 << utc(2024, 1, 1, 0, 0, 0);
    QTest::addRow("lower-case t and z")
        << QStringLiteral("2024-01-01t01:02:03z") << utc(2024, 1, 1, 1, 2, 3);
    QTest::addRow("go zero time") << QStringLiteral("0001-01-01T00:00:00Z")
                                  << utc(1, 1, 1, 0, 0, 0);
    QTest::addRow("reproducible epoch")
        << QStringLiteral("1970-01-01T00:00:00Z") << utc(1970, 1, 1, 0, 0, 0);
    QTest::addRow("no zone") << QStringLiteral("2024-01-01T00:00:00") << QDateTime();
    QTest::addRow("date only") << QStringLiteral("2024-01-01") << QDateTime();
    QTest::addRow("month 13") << QStringLiteral("2024-13-01T00:00:00Z") << QDateTime();
    QTest::addRow("february 30") << QStringLiteral("2024-02-30T00:00:00Z") << QDateTime();
    QTest::addRow("hour 24") << QStringLiteral("2024-01-01T24:00:00Z") << QDateTime();
    QTest::addRow("offset hour 25") << QStringLiteral("2024-01-01T00:00:00+25:00") << QDateTime();
    QTest::addRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    QTest::addRow("empty") << QString() << QDateTime();
}

void TestImageConfig::created()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QByteArray raw = "{\"created\":\"" + text.toLatin1() + "\"}";
    const auto c = ImageConfig::parse(raw);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->created.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(c->created.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(c->created.toUTC(), expected);
    }
}

void TestImageConfig::invalid_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("mentions");

    QTest::addRow("empty") << QByteArray() << QStringLiteral("JSON");
    QTest::addRow("malformed") << QByteArray("{\"os\":") << QStringLiteral("JSON");
    QTest::addRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::addRow("deep nesting") << QByteArray(QByteArray(10000, '[') + QByteArray(10000, ']'))
                                  << QStringLiteral("JSON");
    QTest::addRow("os number") << QByteArray("{\"os\":1}") << QStringLiteral("os");
    QTest::addRow("created number") << QByteArray("{\"created\":1}") << QStringLiteral("created");
    QTest::addRow("config array") << QByteArray("{\"config\":[]}") << QStringLiteral("config");
    QTest::addRow("Env string") << QByteArray("{\"config\":{\"Env\":\"A=B\"}}")
                                << QStringLiteral("Env");
    QTest::addRow("Cmd numbers") << QByteArray("{\"config\":{\"Cmd\":[1,2]}}")
                                 << QStringLiteral("Cmd");
    QTest::addRow("Labels array") << QByteArray("{\"config\":{\"Labels\":[]}}")
                                  << QStringLiteral("Labels");
    QTest::addRow("label number") << QByteArray("{\"config\":{\"Labels\":{\"a\":1}}}")
                                  << QStringLiteral("label");
    QTest::addRow("history object") << QByteArray("{\"history\":{}}") << QStringLiteral("history");
    QTest::addRow("diff_ids string")
        << QByteArray("{\"rootfs\":{\"diff_ids\":\"x\"}}") << QStringLiteral("diff_ids");
    QTest::addRow("rootfs string") << QByteArray("{\"rootfs\":\"x\"}") << QStringLiteral("rootfs");
}

void TestImageConfig::invalid()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, mentions);
    const auto c = ImageConfig::parse(raw);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().kind, ErrorKind::InvalidContent);
    QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
}

void TestImageConfig::dockerHelloWorld()
{
    const QString path =
        fixturesDir() + QStringLiteral("/manifests/dockerhub-hello-world.linux-amd64.config.json");
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + path));
    const auto c = ImageConfig::parse(readFile(path));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->created, utc(2021, 9, 23, 23, 47, 57, 442));
    QCOMPARE(c->os, QStringLiteral("linux"));
    QCOMPARE(c->architecture, QStringLiteral("amd64"));
    QVERIFY(c->variant.isEmpty());
    QCOMPARE(c->cmd, QStringList{QStringLiteral("/hello")});
    QVERIFY(c->entrypoint.isEmpty()); // null in the document
    QCOMPARE(c->env.size(), 1);
    QVERIFY(c->env.at(0).startsWith(QLatin1String("PATH=")));
    QVERIFY(c->labels.isEmpty()); // null in the document
    QCOMPARE(c->historyCount, 2);
    QCOMPARE(c->emptyLayerCount, 1);
    QCOMPARE(c->diffIds.size(), 1);
    // Non-empty history entries match the layers.
    QCOMPARE(c->historyCount - c->emptyLayerCount, c->diffIds.size());
}

void TestImageConfig::ociBuildKitExport()
{
    const QString path =
        fixturesDir() + QStringLiteral("/manifests/alpine-buildkit-export.oci-config.json");
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + path));
    const auto c = ImageConfig::parse(readFile(path));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->created, utc(2023, 2, 11, 4, 46, 42, 558));
    QCOMPARE(c->cmd, QStringList{QStringLiteral("/bin/bash")});
    QCOMPARE(c->historyCount, 3);
    QCOMPARE(c->emptyLayerCount, 2);
    QCOMPARE(c->diffIds,
             QStringList{QStringLiteral(
                 "sha256:7cd52847ad775a5ddc4b58326cf884beee34544296402c6292ed76474c686d39")});
}

void TestImageConfig::alpineAmd64()
{
    const QString path =
        fixturesDir() + QStringLiteral("/manifests/dockerhub-alpine-3.23.2-attestations-"
                                       "reserialized/linux_amd64.config.json");
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + path));
    const auto c = ImageConfig::parse(readFile(path));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->created.date(), QDate(2025, 12, 18));
    QCOMPARE(c->workingDir, QStringLiteral("/"));
    QCOMPARE(c->cmd, QStringList{QStringLiteral("/bin/sh")});
    QCOMPARE(c->historyCount, 2);
    QCOMPARE(c->emptyLayerCount, 1);
}

void TestImageConfig::handWrittenFullConfig()
{
    const QString path = QStringLiteral(OCULAR_TEST_DATA_DIR "/content/oci-config-full.json");
    const QByteArray raw = readFile(path);
    QVERIFY2(!raw.isEmpty(), qPrintable(path));
    const auto c = ImageConfig::parse(raw);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->created, utc(2024, 3, 5, 8, 50, 30, 500));
    QCOMPARE(c->author, QStringLiteral("Ocular test suite <tests@example.invalid>"));
    QCOMPARE(c->os, QStringLiteral("linux"));
    QCOMPARE(c->architecture, QStringLiteral("arm64"));
    QCOMPARE(c->variant, QStringLiteral("v8"));
    QCOMPARE(c->user, QStringLiteral("1000:1000"));
    QCOMPARE(c->env,
             (QStringList{QStringLiteral("PATH=/usr/bin:/bin"), QStringLiteral("LANG=C.UTF-8")}));
    QCOMPARE(c->entrypoint, (QStringList{QStringLiteral("/usr/bin/tini"), QStringLiteral("--")}));
    QCOMPARE(c->cmd, (QStringList{QStringLiteral("/app/server"), QStringLiteral("--port"),
                                  QStringLiteral("8080")}));
    QCOMPARE(c->workingDir, QStringLiteral("/app"));
    QCOMPARE(c->labels.size(), 2);
    QCOMPARE(c->labels.value(QStringLiteral("org.opencontainers.image.version")),
             QStringLiteral("1.4.0"));
    QCOMPARE(c->historyCount, 5);
    QCOMPARE(c->emptyLayerCount, 2);
    QCOMPARE(c->diffIds.size(), 3);
}

void TestImageConfig::minimalConfig()
{
    const auto c = ImageConfig::parse(QByteArrayLiteral("{}"));
    QVERIFY(c.ok());
    QVERIFY(!c->created.isValid());
    QVERIFY(c->os.isEmpty());
    QCOMPARE(c->historyCount, 0);
    QCOMPARE(c->emptyLayerCount, 0);
    QVERIFY(c->diffIds.isEmpty());
}

QTEST_GUILESS_MAIN(TestImageConfig)
#include "tst_imageconfig.moc"
