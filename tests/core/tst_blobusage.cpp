// BlobUsage: which manifests of an inventory use a blob (config or layer, never an index's
// entries), tagged ones first, with the caveats of what an inventory cannot see; and the
// in-memory source refusing a blob delete rather than pretending.
#include "support/asyncwait.h"

#include "inventory/blobusage.h"
#include "source/memorysource.h"

#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

Digest d(const char *name)
{
    return Digest::sha256(QByteArray(name));
}

InventoryManifest image(const Digest &digest, const Digest &config, const QList<Digest> &layers)
{
    InventoryManifest m;
    m.digest = digest;
    m.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    m.config = config;
    m.layers = layers;
    return m;
}

RepositoryInventory inventory()
{
    RepositoryInventory inv;
    inv.repository = QStringLiteral("team/app");
    inv.manifests.insert(d("a"), image(d("a"), d("config-a"), {d("shared"), d("only-a")}));
    inv.manifests.insert(d("b"), image(d("b"), d("config-b"), {d("shared")}));
    // A manifest using the same blob twice is one user with both roles.
    inv.manifests.insert(d("c"), image(d("c"), d("odd"), {d("odd")}));
    InventoryManifest index;
    index.digest = d("index");
    index.isIndex = true;
    inv.manifests.insert(index.digest, index);
    inv.addEdge({d("index"), d("b"), InventoryEdgeKind::IndexChild, QString(), true});
    inv.tags.insert(QStringLiteral("v1"), d("b"));
    inv.tags.insert(QStringLiteral("latest"), d("b"));
    inv.tags.insert(QStringLiteral("multi"), d("index"));
    return inv;
}

} // namespace

class TestBlobUsage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharedLayerNamesEveryUserTaggedFirst()
    {
        const BlobUsage usage = BlobUsage::of(inventory(), d("shared"));
        QVERIFY(usage.isUsed());
        QVERIFY(!usage.isManifest);
        QCOMPARE(usage.users.size(), 2);
        QCOMPARE(usage.users.at(0).manifest, d("b"));
        QCOMPARE(usage.users.at(0).tags,
                 (QStringList{QStringLiteral("latest"), QStringLiteral("v1")}));
        QVERIFY(usage.users.at(0).asLayer && !usage.users.at(0).asConfig);
        QCOMPARE(usage.users.at(1).manifest, d("a"));
        QVERIFY(usage.users.at(1).tags.isEmpty());
        const QString text = usage.toText();
        QVERIFY2(text.contains(QStringLiteral("Still used by 2 manifest(s)")), qPrintable(text));
        QVERIFY2(text.contains(d("a").toString()) && text.contains(QStringLiteral("no tag")),
                 qPrintable(text));
    }

    void configAndBothRoles()
    {
        const BlobUsage config = BlobUsage::of(inventory(), d("config-a"));
        QCOMPARE(config.users.size(), 1);
        QVERIFY(config.users.first().asConfig && !config.users.first().asLayer);
        const BlobUsage odd = BlobUsage::of(inventory(), d("odd"));
        QCOMPARE(odd.users.size(), 1);
        QVERIFY(odd.toText().contains(QStringLiteral("config and layer")));
    }

    void unusedBlobStillCarriesTheCaveats()
    {
        RepositoryInventory inv = inventory();
        inv.unreadable.append(InventoryProblem{d("x"), QString(), ErrorKind::Auth, QString()});
        inv.tagsTruncated = true;
        const BlobUsage usage = BlobUsage::of(inv, d("nobody"));
        QVERIFY(!usage.isUsed());
        QVERIFY(usage.toText().contains(QStringLiteral("No manifest")));
        const QString caveats = usage.caveats.join(QLatin1Char('\n'));
        QVERIFY(caveats.contains(QStringLiteral("could not be read")));
        QVERIFY(caveats.contains(QStringLiteral("cut short")));
        QVERIFY(caveats.contains(QStringLiteral("untagged manifest")));
        QVERIFY(caveats.contains(QStringLiteral("Other repositories")));
    }

    // An index's entries are manifests, never blobs; and a manifest digest is not a blob.
    void indexEntriesAreNotBlobUsers()
    {
        const BlobUsage usage = BlobUsage::of(inventory(), d("b"));
        QVERIFY(usage.isManifest);
        QVERIFY(!usage.isUsed());
        QCOMPARE(usage.toJson().value(QLatin1String("isManifest")).toBool(), true);
    }

    void memorySourceRefusesBlobDeletes()
    {
        MemorySource source;
        const Digest blob = source.addBlob(QStringLiteral("team/app"), "bytes");
        auto deleted = waitFor<Done>([&](QObject *ctx, auto done) {
            return source.deleteBlob(QStringLiteral("team/app"), blob, ctx, done);
        });
        QVERIFY(!deleted.ok());
        QCOMPARE(deleted.error().kind, ErrorKind::Unsupported);
        QCOMPARE(source.callCount(MemorySource::Operation::DeleteBlob), 1);
        QCOMPARE(source.callCount(MemorySource::Operation::Delete), 0);
        // Still there.
        auto bytes = waitFor<QByteArray>([&](QObject *ctx, auto done) {
            return source.blobBytes(QStringLiteral("team/app"), blob, 1024, ctx, done);
        });
        QVERIFY(bytes.ok());
    }
};

QTEST_GUILESS_MAIN(TestBlobUsage)
#include "tst_blobusage.moc"
