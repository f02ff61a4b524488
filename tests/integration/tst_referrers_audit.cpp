// RepositoryAuditor and the audit table over the demo content in a real docker-registry:
// every tag and platform manifest, signatures/SBOMs/provenance, filters and CSV/JSON export;
// a key that did not make the demo's (filler) cosign signature never yields "verified".
#include "support/asyncwait.h"
#include "support/demoregistryclient.h"
#include "support/fixtures.h"
#include "support/testregistry.h"

#include "demo/demoseeder.h"
#include "referrers/audittable.h"
#include "referrers/capabilityprobe.h"
#include "referrers/repositoryauditor.h"
#include "registry/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ocular;
using ocular::test::DemoRegistryClient;
using ocular::test::waitFor;

class TestReferrersAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void auditDemoRepository()
    {
        OCULAR_TEST_REGISTRY(registry);
        DemoRegistryClient demo(registry.hostPort());
        RegistryClient &client = demo.client();
        auto summary = demo.seed(5);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const auto &d = summary->digests;

        CapabilityProbe probe(&client);
        RepositoryAuditor auditor(&demo.source(), &probe);
        int progressCalls = 0;
        connect(&auditor, &RepositoryAuditor::progress, this, [&](int, int) { ++progressCalls; });
        auto rows = waitFor<QList<AuditRow>>([&](QObject *ctx, auto done) {
            return auditor.audit(QStringLiteral("demo/hello"), ctx, done);
        });
        QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
        const QStringList tags = summary->tags.value(QStringLiteral("demo/hello"));
        int subjectTags = 0;
        for (const QString &t : tags)
            subjectTags += t.startsWith(QLatin1String("sha256-")) ? 0 : 1;
        QCOMPARE(progressCalls, subjectTags);

        auto find = [&](const QString &tag, const Digest &digest) -> const AuditRow * {
            for (const AuditRow &r : rows.value()) {
                if (r.tag == tag && r.digest == digest)
                    return &r;
            }
            return nullptr;
        };
        const AuditRow *index = find(QStringLiteral("latest"), d.value(demokey::HelloIndex));
        QVERIFY(index);
        QCOMPARE(index->signatureKinds, QStringList{QStringLiteral("cosign signature")});
        const AuditRow *amd64 = find(QStringLiteral("latest"), d.value(demokey::HelloAmd64));
        QVERIFY(amd64);
        QCOMPARE(amd64->platform, QStringLiteral("linux/amd64"));
        QVERIFY(amd64->signatureKinds.contains(QStringLiteral("Notation signature")));
        QVERIFY(amd64->sbomFormats.contains(QStringLiteral("SPDX")));
        QVERIFY(amd64->sbomFormats.contains(QStringLiteral("CycloneDX")));
        QVERIFY(amd64->provenance);
        QCOMPARE(amd64->referrerCount, 4);
        const AuditRow *arm = find(QStringLiteral("latest"), d.value(demokey::HelloArm64));
        QVERIFY(arm);
        QVERIFY(!arm->isSigned());
        // No row for the attachment tags themselves.
        for (const AuditRow &r : rows.value())
            QVERIFY(!r.tag.startsWith(QLatin1String("sha256-")));

        const QList<AuditRow> unsignedRows =
            audittable::filtered(rows.value(), audittable::Filter::UnsignedOnly);
        QVERIFY(!unsignedRows.isEmpty());
        for (const AuditRow &r : unsignedRows)
            QVERIFY(r.signatureKinds.isEmpty());
        QVERIFY(unsignedRows.size() < rows->size());

        const QByteArray csv = audittable::toCsv(rows.value());
        QCOMPARE(csv.count('\n'), rows->size() + 1);
        QVERIFY(csv.startsWith("tag,platform,digest,signed,"));
        const QJsonArray json = QJsonDocument::fromJson(audittable::toJson(rows.value())).array();
        QCOMPARE(json.size(), rows->size());

        // With a key: the demo's cosign signature is filler bytes, so it must fail.
        const QString keyPath =
            QStringLiteral("signatures/cosign/containers-image/key-signed/cosign.pub");
        if (auto key = test::readFixture(keyPath)) {
            auditor.setVerifier(CosignVerifier::fromPublicKeyPem(*key).value());
            auto checked = waitFor<QList<AuditRow>>([&](QObject *ctx, auto done) {
                return auditor.audit(QStringLiteral("demo/hello"), ctx, done);
            });
            QVERIFY(checked.ok());
            bool sawIndex = false;
            for (const AuditRow &r : checked.value()) {
                QVERIFY2(!r.verification.startsWith(QLatin1String("verified")),
                         qPrintable(r.verification));
                if (r.digest == d.value(demokey::HelloIndex)) {
                    sawIndex = true;
                    QVERIFY2(r.verification.startsWith(QLatin1String("failed (")),
                             qPrintable(r.verification));
                }
            }
            QVERIFY(sawIndex);
        }
    }

    void csvEscaping()
    {
        AuditRow row;
        row.tag = QStringLiteral("a,b");
        row.signatureKinds = {QStringLiteral("say \"hi\"")};
        const QByteArray csv = audittable::toCsv({row});
        QVERIFY(csv.contains("\"a,b\""));
        QVERIFY(csv.contains("\"say \"\"hi\"\"\""));
    }
};

QTEST_GUILESS_MAIN(TestReferrersAudit)
#include "tst_referrers_audit.moc"
