// RepositorySearch: matches in tag names, annotation keys and values, artifact types and media
// types, case-insensitive, with the tags of the matched manifest, snippets cut around the
// match, tagged hits first, a hit cap that still counts, and blank text matching nothing.
#include "inventory/repositorysearch.h"

#include <QTest>

using namespace ocular;

namespace {

Digest d(const char *name)
{
    return Digest::sha256(QByteArray(name));
}

RepositoryInventory inventory()
{
    RepositoryInventory inv;
    inv.repository = QStringLiteral("team/app");
    InventoryManifest image;
    image.digest = d("image");
    image.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    image.annotations = {
        {QStringLiteral("org.opencontainers.image.base.name"),
         QStringLiteral("docker.io/library/Alpine:3.19")},
        {QStringLiteral("org.opencontainers.image.description"),
         QStringLiteral("A long description\nthat goes on and on before it finally mentions "
                        "needle somewhere in the middle of a very long line of text")}};
    inv.manifests.insert(image.digest, image);
    InventoryManifest sbom;
    sbom.digest = d("sbom");
    sbom.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    sbom.artifactType = QStringLiteral("application/spdx+json");
    sbom.subject = image.digest;
    inv.manifests.insert(sbom.digest, sbom);
    inv.tags.insert(QStringLiteral("v1"), image.digest);
    inv.tags.insert(QStringLiteral("latest"), image.digest);
    inv.tags.insert(QStringLiteral("alpine-edge"), d("unreadable"));
    return inv;
}

} // namespace

class TestRepositorySearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void annotationValueMatchNamesTheTagsAndKey()
    {
        const auto outcome = RepositorySearch::search(inventory(), QStringLiteral("ALPINE:3"));
        QCOMPARE(outcome.totalHits, 1);
        const SearchHit hit = outcome.hits.value(0);
        QCOMPARE(hit.digest, d("image"));
        QCOMPARE(hit.field, SearchHit::Field::AnnotationValue);
        QCOMPARE(hit.key, QStringLiteral("org.opencontainers.image.base.name"));
        QCOMPARE(hit.tags, (QStringList{QStringLiteral("latest"), QStringLiteral("v1")}));
        QCOMPARE(hit.snippet, QStringLiteral("docker.io/library/Alpine:3.19"));
    }

    void everyFieldIsSearched()
    {
        const auto alpine = RepositorySearch::search(inventory(), QStringLiteral("alpine"));
        QCOMPARE(alpine.totalHits, 2); // the tag alpine-edge and the base name value
        QCOMPARE(alpine.hits.at(0).field, SearchHit::Field::Tag);
        QCOMPARE(alpine.hits.at(0).tags, QStringList{QStringLiteral("alpine-edge")});
        QCOMPARE(alpine.hits.at(0).digest, d("unreadable"));

        const auto spdx = RepositorySearch::search(inventory(), QStringLiteral("spdx"));
        QCOMPARE(spdx.totalHits, 1);
        QCOMPARE(spdx.hits.at(0).field, SearchHit::Field::ArtifactType);
        QCOMPARE(spdx.hits.at(0).digest, d("sbom"));
        QVERIFY(spdx.hits.at(0).tags.isEmpty()); // reached as a referrer, untagged

        const auto key = RepositorySearch::search(inventory(), QStringLiteral("base.name"));
        QCOMPARE(key.totalHits, 1);
        QCOMPARE(key.hits.at(0).field, SearchHit::Field::AnnotationKey);

        const auto media = RepositorySearch::search(inventory(), QStringLiteral("image.manifest"));
        QCOMPARE(media.totalHits, 2);
        QCOMPARE(media.hits.at(0).digest, d("image")); // tagged first
        QCOMPARE(media.hits.at(1).digest, d("sbom"));
        for (const SearchHit &hit : media.hits)
            QCOMPARE(hit.field, SearchHit::Field::MediaType);
    }

    void longValuesAreCutAroundTheMatch()
    {
        RepositorySearch::Options options;
        options.snippetContext = 10;
        const auto outcome =
            RepositorySearch::search(inventory(), QStringLiteral("needle"), options);
        QCOMPARE(outcome.totalHits, 1);
        const QString snippet = outcome.hits.at(0).snippet;
        QVERIFY2(snippet.startsWith(QStringLiteral("…")) && snippet.endsWith(QStringLiteral("…")),
                 qPrintable(snippet));
        QVERIFY(snippet.contains(QStringLiteral("needle")));
        QCOMPARE(snippet.size(), 10 + 6 + 10 + 2);
        QCOMPARE(RepositorySearch::snippet(QStringLiteral("a\nb"), 0, 1, 5), QStringLiteral("a b"));
    }

    void blankOrAbsentTextFindsNothing()
    {
        QCOMPARE(RepositorySearch::search(inventory(), QStringLiteral("   ")).totalHits, 0);
        QCOMPARE(RepositorySearch::search(inventory(), QString()).hits.size(), 0);
        QCOMPARE(RepositorySearch::search(inventory(), QStringLiteral("zzz-none")).totalHits, 0);
    }

    void theCapStillCounts()
    {
        RepositoryInventory many;
        for (int i = 0; i < 50; ++i)
            many.tags.insert(QStringLiteral("build-%1").arg(i), d("x"));
        RepositorySearch::Options options;
        options.maxHits = 10;
        const auto outcome = RepositorySearch::search(many, QStringLiteral("build"), options);
        QCOMPARE(outcome.totalHits, 50);
        QCOMPARE(outcome.hits.size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestRepositorySearch)
#include "tst_repositorysearch.moc"
