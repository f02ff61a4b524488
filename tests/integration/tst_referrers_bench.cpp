// Benchmark: referrer graphs of 1,000 subjects in a real docker-registry (each with an SBOM in
// its fallback tag, every other one with a cosign .sig tag), walked by RepositoryAuditor.
// Prints the numbers and asserts completeness only (timings are for people, not assertions).
// Labelled "bench": not part of the default test run (packaging/run-tests.sh, OCULAR_TEST_BENCH=1).
#include "support/asyncwait.h"
#include "support/testmanifests.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigntags.h"
#include "referrers/repositoryauditor.h"
#include "registry/registryclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ocular;
using ocular::test::compact;
using ocular::test::waitFor;

namespace {} // namespace

class TestReferrersBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thousandSubjects()
    {
        const int subjects = qEnvironmentVariableIntValue("OCULAR_BENCH_SUBJECTS") > 0
                                 ? qEnvironmentVariableIntValue("OCULAR_BENCH_SUBJECTS")
                                 : 1000;
        OCULAR_TEST_REGISTRY(registry);
        auto stack = test::makeStack(registry.hostPort());
        QVERIFY(stack);
        RegistryClient &client = *stack->client();
        const QString repo = QStringLiteral("bench/app");
        const QByteArray config =
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":"
            "\"layers\",\"diff_ids\":[]}}";
        const QByteArray layer = "bench layer";
        const QByteArray empty = "{}";
        const QByteArray sbomBlob = "{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[]}";
        for (const QByteArray &blob : {config, layer, empty, sbomBlob}) {
            QVERIFY(waitFor<Digest>([&](QObject *ctx, auto done) {
                        return client.uploadBlob(repo, blob, ctx, done);
                    }).ok());
        }

        // Build every manifest first, then push them with a bounded number in flight.
        struct Put
        {
            QString reference;
            QByteArray raw;
            QString type;
        };
        QList<Put> puts;
        QList<Put> indexes; // after what they list: the registry checks index children exist
        QList<QByteArray> payloads; // cosign simple-signing payloads, one per signed subject
        for (int i = 0; i < subjects; ++i) {
            const QByteArray image = compact(QJsonObject{
                {QStringLiteral("schemaVersion"), 2},
                {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                {QStringLiteral("config"),
                 ocular::test::descriptor(QString(mediatype::OciConfig), config)},
                {QStringLiteral("layers"),
                 QJsonArray{ocular::test::descriptor(QString(mediatype::OciLayerTarGzip), layer)}},
                {QStringLiteral("annotations"),
                 QJsonObject{{QStringLiteral("n"), QString::number(i)}}}});
            const Digest subject = Digest::sha256(image);
            QJsonObject emptyConfig = ocular::test::descriptor(QString(mediatype::OciEmpty), empty);
            const QByteArray sbom = compact(QJsonObject{
                {QStringLiteral("schemaVersion"), 2},
                {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                {QStringLiteral("artifactType"), QString(mediatype::SpdxJson)},
                {QStringLiteral("config"), emptyConfig},
                {QStringLiteral("layers"),
                 QJsonArray{ocular::test::descriptor(QString(mediatype::SpdxJson), sbomBlob)}},
                {QStringLiteral("subject"),
                 ocular::test::descriptor(QString(mediatype::OciManifest), image)}});
            QJsonObject entry = ocular::test::descriptor(QString(mediatype::OciManifest), sbom);
            entry.insert(QStringLiteral("artifactType"), QString(mediatype::SpdxJson));
            const QByteArray index =
                compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                    {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                                    {QStringLiteral("manifests"), QJsonArray{entry}}});
            puts.append({QStringLiteral("tag-%1").arg(i, 4, 10, QLatin1Char('0')), image,
                         QString(mediatype::OciManifest)});
            puts.append({Digest::sha256(sbom).toString(), sbom, QString(mediatype::OciManifest)});
            indexes.append({subject.fallbackTag(), index, QString(mediatype::OciIndex)});
            if (i % 2 == 0) {
                // The payload must name its subject, or the signature is not counted (the
                // cosign tag name alone proves nothing).
                const QByteArray payload =
                    "{\"critical\":{\"image\":{\"docker-manifest-digest\":\"" +
                    subject.toString().toLatin1() + "\"}}}";
                payloads.append(payload);
                QJsonObject payloadDesc =
                    ocular::test::descriptor(QString(mediatype::CosignSimpleSigning), payload);
                payloadDesc.insert(
                    QStringLiteral("annotations"),
                    QJsonObject{{QStringLiteral("dev.cosignproject.cosign/signature"),
                                 QStringLiteral("MEUCIQ==")}});
                const QByteArray sig = compact(
                    QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                                {QStringLiteral("config"),
                                 ocular::test::descriptor(QString(mediatype::OciConfig), config)},
                                {QStringLiteral("layers"), QJsonArray{payloadDesc}}});
                puts.append({cosigntags::tagFor(subject, cosigntags::Kind::Signature), sig,
                             QString(mediatype::OciManifest)});
            }
        }
        QElapsedTimer timer;
        timer.start();
        {
            QEventLoop loop;
            int next = 0;
            int inFlight = 0;
            int failures = 0;
            std::function<void()> pump = [&] {
                while (inFlight < 8 && next < payloads.size()) {
                    ++inFlight;
                    client.uploadBlob(repo, payloads.at(next++), &loop, [&](Result<Digest> r) {
                        failures += r.ok() ? 0 : 1;
                        --inFlight;
                        pump();
                    });
                }
                if (inFlight == 0 && next >= payloads.size())
                    loop.quit();
            };
            QMetaObject::invokeMethod(&loop, pump, Qt::QueuedConnection);
            loop.exec();
            QCOMPARE(failures, 0);
        }
        const qsizetype total = puts.size() + indexes.size();
        for (const QList<Put> &phase : {puts, indexes}) {
            const QList<Put> &puts = phase;
            QEventLoop loop;
            int next = 0;
            int inFlight = 0;
            int failures = 0;
            std::function<void()> pump = [&] {
                while (inFlight < 8 && next < puts.size()) {
                    const Put &p = puts.at(next++);
                    ++inFlight;
                    client.putManifest(repo, p.reference, p.raw, p.type, &loop,
                                       [&](Result<PushedManifest> r) {
                                           failures += r.ok() ? 0 : 1;
                                           --inFlight;
                                           pump();
                                       });
                }
                if (inFlight == 0 && next >= puts.size())
                    loop.quit();
            };
            QMetaObject::invokeMethod(&loop, pump, Qt::QueuedConnection);
            loop.exec();
            QCOMPARE(failures, 0);
        }
        qInfo("pushed %lld manifests for %d subjects in %lld ms", qint64(total), subjects,
              timer.elapsed());

        CapabilityProbe probe(&client);
        RepositoryAuditor auditor(stack->source(), &probe);
        const qint64 requestsBefore = stack->http()->attemptsStarted();
        timer.restart();
        auto rows = waitFor<QList<AuditRow>>(
            [&](QObject *ctx, auto done) { return auditor.audit(repo, ctx, done); }, 600000);
        const qint64 ms = timer.elapsed();
        QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
        QCOMPARE(rows->size(), subjects);
        int signedRows = 0;
        for (const AuditRow &r : rows.value()) {
            QCOMPARE(r.sbomFormats, QStringList{QStringLiteral("SPDX")});
            signedRows += r.isSigned() ? 1 : 0;
        }
        QCOMPARE(signedRows, (subjects + 1) / 2);
        qInfo("referrer graphs of %d subjects: %lld ms (%.2f ms per subject, %lld HTTP requests)",
              subjects, ms, double(ms) / subjects,
              stack->http()->attemptsStarted() - requestsBefore);
        // Note: most of this test's wall time is spent after this point, in teardown (about
        // 10 s per 100 subjects here): the HTTP objects and registry->stop() were measured
        // fast, so it is most likely the removal of the registry's storage directories.
    }
};

QTEST_GUILESS_MAIN(TestReferrersBench)
#include "tst_referrers_bench.moc"
