// Names a registry lists are data, not paths (PROTOCOL §8): a hostile catalog or tag list, and
// next-page links that lead elsewhere, must never change which path is requested. A fault
// proxy in front of a real docker-registry serves the hostile lists and records every request.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "registry/registryclient.h"
#include "source/registrysource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;
using ocular::test::FaultProxy;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("demo/app");

QStringList hostileNames()
{
    return {
        QStringLiteral("../../other/manifests/v1"),
        QStringLiteral("../other"),
        QStringLiteral("x?a=b"),
        QStringLiteral("x#fragment"),
        QStringLiteral("%2e%2e"),
        QStringLiteral("%2e%2e/%2e%2e/other"),
        QStringLiteral(".."),
        QStringLiteral("a\u001b[2Jb"),
        QStringLiteral("v1\nv2"),
        QStringLiteral("v1\u202Egpj"),
        QStringLiteral("sp ace"),
        QString(300, QLatin1Char('t')),
    };
}

QByteArray listBody(const char *key, const QStringList &names)
{
    return QJsonDocument(QJsonObject{{QLatin1String(key), QJsonArray::fromStringList(names)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestHostileNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_registry = std::make_unique<test::TestRegistry>();
        QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
        // One real image under a valid tag, pushed directly.
        auto direct = test::makeStack(m_registry->hostPort());
        QVERIFY(direct);
        RegistryClient *client = direct->client();
        const QByteArray config =
            R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
        auto configDigest = waitFor<Digest>(
            [&](QObject *ctx, auto done) { return client->uploadBlob(Repo, config, ctx, done); });
        QVERIFY2(configDigest.ok(), qPrintable(configDigest.error().toString()));
        const QByteArray manifest =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("schemaVersion"), 2},
                    {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                    {QStringLiteral("config"),
                     QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciConfig)},
                                 {QStringLiteral("digest"), configDigest->toString()},
                                 {QStringLiteral("size"), config.size()}}},
                    {QStringLiteral("layers"), QJsonArray()}})
                .toJson(QJsonDocument::Compact);
        auto pushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
            return client->putManifest(Repo, QStringLiteral("v1"), manifest, mediatype::OciManifest,
                                       ctx, done);
        });
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().toString()));
        m_proxy = std::make_unique<FaultProxy>(QUrl(m_registry->baseUrl()));
        QVERIFY2(m_proxy->listen(), qPrintable(m_proxy->errorString()));
        m_stack = test::makeStack(m_proxy->hostPort());
        QVERIFY(m_stack);
    }

    void init() { m_proxy->clearRules(); }

    void hostileTagsAreRejectedAndNeverRequested()
    {
        QStringList listed = hostileNames();
        listed.insert(3, QStringLiteral("v1"));
        auto rule = FaultProxy::rule("GET", QStringLiteral("^/v2/demo/app/tags/list"),
                                     FaultProxy::Action::Respond);
        rule.headers = {{"Content-Type", "application/json"}};
        rule.body = listBody("tags", listed);
        m_proxy->addRule(rule);
        RegistryClient *client = m_stack->client();

        auto listing = waitFor<TagListing>(
            [&](QObject *ctx, auto done) { return client->listAllTags(Repo, ctx, done); });
        QVERIFY2(listing.ok(), qPrintable(listing.error().toString()));
        QCOMPARE(listing->tags, QStringList{QStringLiteral("v1")});
        QCOMPARE(listing->rejected.size(), hostileNames().size());
        for (qsizetype i = 0; i < listing->rejected.size(); ++i) {
            const RejectedName &r = listing->rejected.at(i);
            QCOMPARE(r.name, hostileNames().at(i).left(1024));
            QVERIFY2(r.reason.contains(QStringLiteral("tag")), qPrintable(r.reason));
        }
        // A page through the plain tagsPage call reports the same split.
        auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return client->tagsPage(Repo, 100, QUrl(), ctx, done);
        });
        QVERIFY(page.ok());
        QCOMPARE(page->items, QStringList{QStringLiteral("v1")});
        QCOMPARE(page->rejected.size(), hostileNames().size());
        // So does the ContentSource the panels read through, page by page and in a listing.
        RegistrySource source(client);
        auto sourcePage = waitFor<NamePage>([&](QObject *ctx, auto done) {
            return source.tags(Repo, PageCursor::start(), 100, ctx, done);
        });
        QVERIFY2(sourcePage.ok(), qPrintable(sourcePage.error().toString()));
        QCOMPARE(sourcePage->items, QStringList{QStringLiteral("v1")});
        QCOMPARE(sourcePage->rejected.size(), hostileNames().size());
        auto sourceListing = waitFor<NameListing>(
            [&](QObject *ctx, auto done) { return source.allTags(Repo, 10, ctx, done); });
        QVERIFY2(sourceListing.ok(), qPrintable(sourceListing.error().toString()));
        QCOMPARE(sourceListing->items, QStringList{QStringLiteral("v1")});
        QCOMPARE(sourceListing->rejected.size(), hostileNames().size());
        QCOMPARE(sourceListing->rejected.first().name, hostileNames().first());

        // Asking for any of them anyway is refused before a request is made.
        const int before = m_proxy->requestCount();
        for (const QString &name : hostileNames()) {
            auto manifest = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
                return client->getManifest(Repo, name, ctx, done);
            });
            QVERIFY(!manifest.ok());
            QCOMPARE(manifest.error().kind, ErrorKind::InvalidInput);
            auto head = waitFor<ManifestHead>([&](QObject *ctx, auto done) {
                return client->headManifest(Repo, name, ctx, done);
            });
            QCOMPARE(head.error().kind, ErrorKind::InvalidInput);
            auto removed = waitFor<Done>([&](QObject *ctx, auto done) {
                return client->deleteManifest(Repo, name, ctx, done);
            });
            QCOMPARE(removed.error().kind, ErrorKind::InvalidInput);
            // As a repository name too.
            auto tags = waitFor<ListPage>([&](QObject *ctx, auto done) {
                return client->tagsPage(name, 10, QUrl(), ctx, done);
            });
            QCOMPARE(tags.error().kind, ErrorKind::InvalidInput);
            auto blob = waitFor<QByteArray>([&](QObject *ctx, auto done) {
                return client->getBlob(name, Digest::sha256("x"), 100, ctx, done);
            });
            QCOMPARE(blob.error().kind, ErrorKind::InvalidInput);
        }
        QCOMPARE(m_proxy->requestCount(), before);

        // The valid tag is fetched from exactly its own path.
        auto good = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client->getManifest(Repo, QStringLiteral("v1"), ctx, done);
        });
        QVERIFY2(good.ok(), qPrintable(good.error().toString()));
        for (const QString &request : m_proxy->requests()) {
            const QString path =
                request.section(QLatin1Char(' '), 1).section(QLatin1Char('?'), 0, 0);
            QVERIFY2(path == QLatin1String("/v2/demo/app/tags/list") ||
                         path == QLatin1String("/v2/demo/app/manifests/v1"),
                     qPrintable(request));
        }
    }

    void hostileCatalogIsRejected()
    {
        QStringList listed = hostileNames();
        listed << QStringLiteral("demo/app") << QStringLiteral("Upper/Case")
               << QStringLiteral("a//b");
        auto rule =
            FaultProxy::rule("GET", QStringLiteral("^/v2/_catalog"), FaultProxy::Action::Respond);
        rule.headers = {{"Content-Type", "application/json"}};
        rule.body = listBody("repositories", listed);
        m_proxy->addRule(rule);
        auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return m_stack->client()->catalogPage(100, QUrl(), ctx, done);
        });
        QVERIFY2(page.ok(), qPrintable(page.error().toString()));
        QCOMPARE(page->items, QStringList{QStringLiteral("demo/app")});
        QCOMPARE(page->rejected.size(), listed.size() - 1);
        QCOMPARE(m_proxy->requestCount(), 1);
    }

    void nextLinkToAnotherPathIsRefused_data()
    {
        QTest::addColumn<QByteArray>("link");
        QTest::addRow("other repository") << QByteArray("</v2/other/tags/list?n=1>; rel=\"next\"");
        QTest::addRow("dot segments")
            << QByteArray("</v2/demo/app/tags/../../../other/tags/list?n=1>; rel=\"next\"");
        QTest::addRow("encoded dot segments")
            << QByteArray("</v2/demo/app/tags/%2e%2e/%2e%2e/%2e%2e/other/tags/list>; rel=next");
        QTest::addRow("manifest path") << QByteArray("</v2/demo/app/manifests/v1>; rel=\"next\"");
    }

    void nextLinkToAnotherPathIsRefused()
    {
        QFETCH(QByteArray, link);
        auto rule = FaultProxy::rule("GET", QStringLiteral("^/v2/demo/app/tags/list"),
                                     FaultProxy::Action::Respond);
        rule.headers = {{"Content-Type", "application/json"}, {"Link", link}};
        rule.body = listBody("tags", {QStringLiteral("v1")});
        m_proxy->addRule(rule);
        auto listing = waitFor<QStringList>(
            [&](QObject *ctx, auto done) { return m_stack->client()->allTags(Repo, ctx, done); });
        QVERIFY(!listing.ok());
        QCOMPARE(listing.error().kind, ErrorKind::Refused);
        QCOMPARE(m_proxy->requestCount(), 1);
    }

    void validNextLinkIsFollowed()
    {
        auto first = FaultProxy::rule("GET", QStringLiteral("^/v2/demo/app/tags/list\\?n=1000$"),
                                      FaultProxy::Action::Respond);
        first.headers = {{"Content-Type", "application/json"},
                         {"Link", "</v2/demo/app/tags/list?n=1000&last=v1>; rel=\"next\""}};
        first.body = listBody("tags", {QStringLiteral("v1")});
        m_proxy->addRule(first);
        auto second = FaultProxy::rule("GET", QStringLiteral("^/v2/demo/app/tags/list\\?.*last="),
                                       FaultProxy::Action::Respond);
        second.headers = {{"Content-Type", "application/json"}};
        second.body = listBody("tags", {QStringLiteral("v2")});
        m_proxy->addRule(second);
        auto listing = waitFor<QStringList>(
            [&](QObject *ctx, auto done) { return m_stack->client()->allTags(Repo, ctx, done); });
        QVERIFY2(listing.ok(), qPrintable(listing.error().toString()));
        QCOMPARE(listing.value(), (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
    }

    void queryPartsStayInTheQuery()
    {
        // The artifactType filter is a query value: '+' and '/' are encoded, the path is the
        // referrers path of the subject and nothing else.
        const Digest subject = Digest::sha256("subject");
        auto page = waitFor<HttpResponse>([&](QObject *ctx, auto done) {
            return m_stack->client()->referrersPage(
                Repo, subject, QStringLiteral("application/spdx+json"), QUrl(), ctx, done);
        });
        QVERIFY2(page.ok(), qPrintable(page.error().toString()));
        QCOMPARE(m_proxy->requestCount(), 1);
        QCOMPARE(m_proxy->requests().first(),
                 QStringLiteral("GET /v2/demo/app/referrers/") + subject.toString() +
                     QStringLiteral("?artifactType=application%2Fspdx%2Bjson"));
    }

    void callerSuppliedNextPageIsChecked()
    {
        // A next-page URL handed back in (the walker parses referrers Link headers itself)
        // may only continue the same listing on the same origin.
        const Digest subject = Digest::sha256("subject");
        RegistryClient *client = m_stack->client();
        const QString base = QStringLiteral("http://") + m_proxy->hostPort();
        const QStringList nexts{
            QString(base + QStringLiteral("/v2/other/referrers/") + subject.toString()),
            QString(QStringLiteral("http://203.0.113.9/v2/demo/app/referrers/") +
                    subject.toString()),
            QString(base + QStringLiteral("/v2/demo/app/manifests/v1"))};
        for (const QString &next : nexts) {
            auto page = waitFor<HttpResponse>([&](QObject *ctx, auto done) {
                return client->referrersPage(Repo, subject, QString(), QUrl(next), ctx, done);
            });
            QVERIFY(!page.ok());
            QCOMPARE(page.error().kind, ErrorKind::Refused);
            auto tags = waitFor<ListPage>([&](QObject *ctx, auto done) {
                return client->tagsPage(Repo, 10, QUrl(next), ctx, done);
            });
            QCOMPARE(tags.error().kind, ErrorKind::Refused);
        }
        QCOMPARE(m_proxy->requestCount(), 0);
        auto same = waitFor<HttpResponse>([&](QObject *ctx, auto done) {
            return client->referrersPage(Repo, subject, QString(),
                                         QUrl(base + QStringLiteral("/v2/demo/app/referrers/") +
                                              subject.toString() + QStringLiteral("?last=x")),
                                         ctx, done);
        });
        QVERIFY2(same.ok(), qPrintable(same.error().toString()));
        QCOMPARE(m_proxy->requestCount(), 1);
    }

    void cleanupTestCase()
    {
        m_stack.reset();
        m_proxy.reset();
        m_registry.reset();
    }

private:
    std::unique_ptr<test::TestRegistry> m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<RegistryStack> m_stack;
};

QTEST_GUILESS_MAIN(TestHostileNames)
#include "tst_hostilenames.moc"
