// The reference grammar and Docker Hub normalisation (PROTOCOL §1), as one large table.

// Table rows concatenate strings; plain QString operator+ keeps QTest's column types exact.
#undef QT_USE_QSTRINGBUILDER

#include "reference/manifestidentifier.h"
#include "reference/nametext.h"
#include "reference/reference.h"
#include "reference/registryaddress.h"
#include "reference/registryname.h"
#include "reference/repositoryname.h"
#include "reference/scope.h"
#include "reference/tagname.h"

#include <QTest>

using namespace ocular;

namespace {

const QString kHex =
    QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
const QString kDigest = QStringLiteral("sha256:") + kHex;

} // namespace

class TestReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void roundTrip_data();
    void roundTrip();
    void registryHost_data();
    void registryHost();
    void apiHost_data();
    void apiHost();
    void fromParts_data();
    void fromParts();
    void identifier();
    void withers();
    void registryName_data();
    void registryName();
    void serverNames_data();
    void serverNames();
    void manifestIdentifier_data();
    void manifestIdentifier();
    void scopes();
    void hostOnly_data();
    void hostOnly();
    void parseInRegistry_data();
    void parseInRegistry();
    void registryAddress_data();
    void registryAddress();
    void printable_data();
    void printable();
};

void TestReference::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");

    auto row = [](const char *name, const QString &input, const char *registry,
                  const QString &repository, const QString &tag = {}, const QString &digest = {}) {
        QTest::addRow("%s", name) << input << QString::fromLatin1(registry) << repository << tag
                                  << digest;
    };
    const auto s = [](const char *text) { return QString::fromLatin1(text); };

    // Docker Hub normalisation.
    row("official image", s("alpine"), "docker.io", s("library/alpine"));
    row("official with tag", s("alpine:3.19"), "docker.io", s("library/alpine"), s("3.19"));
    row("official with latest", s("ubuntu:latest"), "docker.io", s("library/ubuntu"), s("latest"));
    row("user repo", s("foo/bar"), "docker.io", s("foo/bar"));
    row("user repo tag", s("foo/bar:1.0"), "docker.io", s("foo/bar"), s("1.0"));
    row("three components", s("a/b/c"), "docker.io", s("a/b/c"));
    row("explicit docker.io", s("docker.io/library/alpine"), "docker.io", s("library/alpine"));
    row("docker.io single component", s("docker.io/alpine"), "docker.io", s("library/alpine"));
    row("docker.io user repo", s("docker.io/foo/bar"), "docker.io", s("foo/bar"));
    row("index.docker.io", s("index.docker.io/library/alpine:3"), "docker.io", s("library/alpine"),
        s("3"));
    row("index.docker.io single", s("index.docker.io/nginx"), "docker.io", s("library/nginx"));
    row("digest only", s("alpine@") + kDigest, "docker.io", s("library/alpine"), QString(),
        kDigest);
    row("tag and digest", s("alpine:3.19@") + kDigest, "docker.io", s("library/alpine"), s("3.19"),
        kDigest);

    // Hosts.
    row("dns host", s("ghcr.io/owner/repo"), "ghcr.io", s("owner/repo"));
    row("dns host tag", s("ghcr.io/owner/repo:v1.2.3"), "ghcr.io", s("owner/repo"), s("v1.2.3"));
    row("host single component", s("quay.io/prometheus"), "quay.io", s("prometheus"));
    row("localhost", s("localhost/foo"), "localhost", s("foo"));
    row("localhost port", s("localhost:5000/foo"), "localhost:5000", s("foo"));
    row("localhost port tag", s("localhost:5000/foo:bar"), "localhost:5000", s("foo"), s("bar"));
    row("localhost port tag digest", s("localhost:5000/foo:bar@") + kDigest, "localhost:5000",
        s("foo"), s("bar"), kDigest);
    row("host with port nested", s("registry.example.com:443/team/app/api:2024.01"),
        "registry.example.com:443", s("team/app/api"), s("2024.01"));
    row("ipv4", s("127.0.0.1/repo"), "127.0.0.1", s("repo"));
    row("ipv4 port", s("127.0.0.1:5000/repo:tag"), "127.0.0.1:5000", s("repo"), s("tag"));
    row("ipv6 loopback", s("[::1]/repo"), "[::1]", s("repo"));
    row("ipv6 port", s("[::1]:5000/repo:tag"), "[::1]:5000", s("repo"), s("tag"));
    row("ipv6 full", s("[2001:db8::1]:443/a/b"), "[2001:db8::1]:443", s("a/b"));
    row("upper-case host", s("Registry/repo"), "Registry", s("repo"));
    row("upper-case host with dot", s("MyRegistry.Example.COM/repo"), "MyRegistry.Example.COM",
        s("repo"));
    row("host with dash", s("my-registry.local/repo"), "my-registry.local", s("repo"));
    row("single-label host with port", s("registry:5000/repo"), "registry:5000", s("repo"));
    row("localhost alone is repo", s("localhost"), "docker.io", s("library/localhost"));
    row("host-like without slash is repo:tag", s("localhost:5000"), "docker.io",
        s("library/localhost"), s("5000"));

    // Path component grammar.
    row("dot separator", s("ghcr.io/a.b/c"), "ghcr.io", s("a.b/c"));
    row("underscore", s("foo_bar/baz"), "docker.io", s("foo_bar/baz"));
    row("double underscore", s("foo__bar"), "docker.io", s("library/foo__bar"));
    row("single dash", s("foo-bar"), "docker.io", s("library/foo-bar"));
    row("many dashes", s("foo---bar"), "docker.io", s("library/foo---bar"));
    row("digits", s("123/456"), "docker.io", s("123/456"));
    row("mixed separators across components", s("ghcr.io/a-b.c_d__e/f"), "ghcr.io",
        s("a-b.c_d__e/f"));
    row("first component with dot is a host", s("a-b.c/f"), "a-b.c", s("f"));
    row("single char", s("a"), "docker.io", s("library/a"));

    // Tag grammar.
    row("tag underscore start", s("foo:_x"), "docker.io", s("library/foo"), s("_x"));
    row("tag upper", s("foo:V1.0-RC"), "docker.io", s("library/foo"), s("V1.0-RC"));
    row("tag with dots and dashes", s("foo:1.2.3-alpine3.19_x"), "docker.io", s("library/foo"),
        s("1.2.3-alpine3.19_x"));
    row("tag 128 chars", s("foo:") + QString(128, QLatin1Char('t')), "docker.io", s("library/foo"),
        QString(128, QLatin1Char('t')));
    row("fallback tag", s("ghcr.io/o/r:sha256-") + kHex, "ghcr.io", s("o/r"), s("sha256-") + kHex);
    row("cosign sig tag", s("ghcr.io/o/r:sha256-") + kHex + s(".sig"), "ghcr.io", s("o/r"),
        s("sha256-") + kHex + s(".sig"));

    // Digests.
    row("sha512 digest", s("ghcr.io/o/r@sha512:") + QString(128, QLatin1Char('a')), "ghcr.io",
        s("o/r"), QString(), s("sha512:") + QString(128, QLatin1Char('a')));
    row("unknown algorithm digest", s("ghcr.io/o/r@blake3:abc"), "ghcr.io", s("o/r"), QString(),
        s("blake3:abc"));

    // Length cap: 255 characters for host + path as typed.
    row("name 255", s("example.com/") + QString(243, QLatin1Char('a')), "example.com",
        QString(243, QLatin1Char('a')));
}

void TestReference::parseValid()
{
    QFETCH(QString, input);
    QFETCH(QString, registry);
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    QFETCH(QString, digest);

    const auto result = Reference::parse(input);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const Reference &r = result.value();
    QVERIFY(r.isValid());
    QCOMPARE(r.registry(), registry);
    QCOMPARE(r.repository(), repository);
    QCOMPARE(r.tag(), tag);
    QCOMPARE(r.hasTag(), !tag.isEmpty());
    QCOMPARE(r.digest().toString(), digest);
    QCOMPARE(r.hasDigest(), !digest.isEmpty());
    QCOMPARE(r.name(), registry + QLatin1Char('/') + repository);
    // Canonical form parses back to the same value.
    const auto again = Reference::parse(r.toString());
    QVERIFY2(again.ok(), qPrintable(r.toString()));
    QCOMPARE(again.value(), r);
}

void TestReference::parseInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mentions");

    auto row = [](const char *name, const QString &input, const char *mentions) {
        QTest::addRow("%s", name) << input << QString::fromLatin1(mentions);
    };
    const auto s = [](const char *text) { return QString::fromLatin1(text); };

    row("empty", QString(), "empty");
    row("space inside", s("foo bar"), "whitespace");
    row("leading space", s(" alpine"), "whitespace");
    row("trailing newline", s("alpine\n"), "whitespace");
    row("tab", s("alpine\t:latest"), "whitespace");
    row("non-ascii", QStringLiteral("alp\u00efne"), "ASCII");
    row("upper-case path", s("Foo"), "lower case");
    row("upper-case path after host", s("ghcr.io/Owner/repo"), "lower case");
    row("upper-case second component", s("foo/Bar"), "lower case");
    row("leading slash", s("/foo"), "empty component");
    row("trailing slash", s("foo/"), "empty component");
    row("double slash", s("foo//bar"), "empty component");
    row("host only", s("ghcr.io/"), "empty");
    row("host only no slash tag", s("ghcr.io/:tag"), "empty");
    row("component starts with dot", s(".foo"), "start and end");
    row("component ends with dash", s("foo-"), "start and end");
    row("component starts with underscore", s("_foo"), "start and end");
    row("triple underscore", s("foo___bar"), "separator");
    row("dot dot", s("foo..bar"), "separator");
    row("dot dash", s("foo.-bar"), "separator");
    row("underscore dash", s("foo_-bar"), "separator");
    row("invalid char in path", s("foo$bar"), "invalid character");
    row("plus in path", s("foo+bar"), "invalid character");
    row("empty tag", s("alpine:"), "tag is empty");
    row("tag starts with dot", s("alpine:.x"), "tag must start");
    row("tag starts with dash", s("alpine:-x"), "tag must start");
    row("tag with slash after host", s("ghcr.io/a:b/c"), "tag contains");
    row("tag invalid char", s("alpine:a+b"), "tag contains");
    row("tag 129 chars", s("foo:") + QString(129, QLatin1Char('t')), "128");
    row("two tags", s("alpine:3:4"), "more than one ':'");
    row("empty digest", s("alpine@"), "digest");
    row("bad digest", s("alpine@sha256:abc"), "digest");
    row("upper-case digest", s("alpine@sha256:") + kHex.toUpper(), "digest");
    row("digest only no name", s("@") + kDigest, "missing");
    row("two digests", s("alpine@") + kDigest + s("@") + kDigest, "more than one '@'");
    row("tag after digest", s("alpine@") + kDigest + s(":tag"), "digest");
    row("empty port", s("localhost:/foo"), "registry host");
    row("port not numeric", s("localhost:abc/foo"), "registry host");
    row("port too large", s("localhost:70000/foo"), "registry host");
    row("port zero", s("localhost:0/foo"), "registry host");
    row("host with underscore", s("my_host.com/foo"), "registry host");
    row("host label leading dash", s("-a.com/foo"), "registry host");
    row("host empty label", s("a..com/foo"), "registry host");
    row("host trailing dot", s("a.com./foo"), "registry host");
    row("ipv6 unclosed", s("[::1/foo"), "registry host");
    row("ipv6 not an address", s("[zz::1]/foo"), "registry host");
    row("ipv6 empty", s("[]/foo"), "registry host");
    row("ipv6 ipv4 inside brackets", s("[127.0.0.1]/foo"), "registry host");
    row("ipv6 bad port", s("[::1]:x/foo"), "registry host");
    row("ipv6 garbage after bracket", s("[::1]x/foo"), "registry host");
    row("ipv6 zone", s("[fe80::1%eth0]/foo"), "registry host");
    row("unbracketed ipv6", s("::1/foo"), "registry host");
    row("name 256", s("example.com/") + QString(244, QLatin1Char('a')), "255");
    row("huge input", QString(10000, QLatin1Char('a')), "longer than");
    row("url scheme", s("https://ghcr.io/foo"), "registry host");
    row("only colon", s(":"), "empty");
    row("only at", s("@"), "digest");
    row("control char", QStringLiteral("foo\u0001bar"), "ASCII");
}

void TestReference::parseInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, mentions);

    const auto result = Reference::parse(input);
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? result->toString() : QString()));
    const Error &e = result.error();
    QCOMPARE(e.kind, ErrorKind::InvalidInput);
    QVERIFY2(e.message.contains(mentions, Qt::CaseInsensitive), qPrintable(e.message));
    // One sentence, bounded in length even for huge input.
    QVERIFY(e.message.endsWith(QLatin1Char('.')));
    QVERIFY2(e.message.size() < 600, qPrintable(QString::number(e.message.size())));
}

void TestReference::roundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");

    QTest::addRow("official") << QStringLiteral("alpine")
                              << QStringLiteral("docker.io/library/alpine");
    QTest::addRow("official tag") << QStringLiteral("alpine:3")
                                  << QStringLiteral("docker.io/library/alpine:3");
    QTest::addRow("index.docker.io")
        << QStringLiteral("index.docker.io/foo/bar:x") << QStringLiteral("docker.io/foo/bar:x");
    QTest::addRow("ghcr tag digest") << QStringLiteral("ghcr.io/o/r:v1@") + kDigest
                                     << QStringLiteral("ghcr.io/o/r:v1@") + kDigest;
    QTest::addRow("ipv6") << QStringLiteral("[::1]:5000/r") << QStringLiteral("[::1]:5000/r");
    QTest::addRow("localhost") << QStringLiteral("localhost:5000/a/b:c")
                               << QStringLiteral("localhost:5000/a/b:c");
}

void TestReference::roundTrip()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const auto r = Reference::parse(input);
    QVERIFY(r.ok());
    QCOMPARE(r->toString(), canonical);
    QCOMPARE(Reference::parse(canonical)->toString(), canonical);
}

void TestReference::registryHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("valid");

    QTest::addRow("dns") << QStringLiteral("ghcr.io") << true;
    QTest::addRow("single label") << QStringLiteral("localhost") << true;
    QTest::addRow("port") << QStringLiteral("localhost:5000") << true;
    QTest::addRow("port 65535") << QStringLiteral("a.b:65535") << true;
    QTest::addRow("port 65536") << QStringLiteral("a.b:65536") << false;
    QTest::addRow("ipv4") << QStringLiteral("10.0.0.1:80") << true;
    QTest::addRow("ipv6") << QStringLiteral("[fd00::1]") << true;
    QTest::addRow("ipv6 port") << QStringLiteral("[fd00::1]:8443") << true;
    QTest::addRow("ipv6 mapped ipv4") << QStringLiteral("[::ffff:10.0.0.1]") << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("slash") << QStringLiteral("a/b") << false;
    QTest::addRow("two ports") << QStringLiteral("a:1:2") << false;
    QTest::addRow("label too long")
        << QString(64, QLatin1Char('a')) + QStringLiteral(".com") << false;
    QTest::addRow("label 63") << QString(63, QLatin1Char('a')) + QStringLiteral(".com") << true;
}

void TestReference::registryHost()
{
    QFETCH(QString, host);
    QFETCH(bool, valid);
    QCOMPARE(Reference::isValidRegistryHost(host), valid);
}

void TestReference::apiHost_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("api");
    QTest::addRow("docker.io") << QStringLiteral("docker.io")
                               << QStringLiteral("registry-1.docker.io");
    QTest::addRow("index.docker.io")
        << QStringLiteral("index.docker.io") << QStringLiteral("registry-1.docker.io");
    QTest::addRow("ghcr") << QStringLiteral("ghcr.io") << QStringLiteral("ghcr.io");
    QTest::addRow("port") << QStringLiteral("localhost:5000") << QStringLiteral("localhost:5000");
}

void TestReference::apiHost()
{
    QFETCH(QString, registry);
    QFETCH(QString, api);
    QCOMPARE(Reference::apiHost(registry), api);
}

void TestReference::fromParts_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");

    QTest::addRow("catalog entry") << QStringLiteral("localhost:5000") << QStringLiteral("a/b")
                                   << QString() << true << QStringLiteral("localhost:5000/a/b");
    QTest::addRow("with tag") << QStringLiteral("ghcr.io") << QStringLiteral("o/r")
                              << QStringLiteral("v1") << true << QStringLiteral("ghcr.io/o/r:v1");
    QTest::addRow("docker hub official")
        << QStringLiteral("docker.io") << QStringLiteral("alpine") << QString() << true
        << QStringLiteral("docker.io/library/alpine");
    QTest::addRow("empty registry is hub") << QString() << QStringLiteral("foo/bar") << QString()
                                           << true << QStringLiteral("docker.io/foo/bar");
    QTest::addRow("bad repository")
        << QStringLiteral("ghcr.io") << QStringLiteral("O/R") << QString() << false << QString();
    QTest::addRow("empty repository")
        << QStringLiteral("ghcr.io") << QString() << QString() << false << QString();
    QTest::addRow("bad tag") << QStringLiteral("ghcr.io") << QStringLiteral("o/r")
                             << QStringLiteral(".bad") << false << QString();
    QTest::addRow("bad host") << QStringLiteral("ghcr.io/x") << QStringLiteral("o/r") << QString()
                              << false << QString();
}

void TestReference::fromParts()
{
    QFETCH(QString, registry);
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const auto r = Reference::fromParts(registry, repository, tag);
    QCOMPARE(r.ok(), valid);
    if (valid)
        QCOMPARE(r->toString(), canonical);
    else
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
}

void TestReference::identifier()
{
    QCOMPARE(Reference::parse(QStringLiteral("alpine"))->identifier(), QStringLiteral("latest"));
    QCOMPARE(Reference::parse(QStringLiteral("alpine:3"))->identifier(), QStringLiteral("3"));
    QCOMPARE(Reference::parse(QStringLiteral("alpine:3@") + kDigest)->identifier(), kDigest);
    QCOMPARE(Reference().toString(), QString());
    QVERIFY(!Reference().isValid());
}

void TestReference::withers()
{
    const Reference base = Reference::parse(QStringLiteral("ghcr.io/o/r:v1")).value();
    const Digest d = Digest::parse(kDigest).value();
    QCOMPARE(base.withTag(QStringLiteral("v2")).toString(), QStringLiteral("ghcr.io/o/r:v2"));
    QCOMPARE(base.withDigest(d).toString(), QStringLiteral("ghcr.io/o/r:v1@") + kDigest);
    QCOMPARE(base.withoutTag().toString(), QStringLiteral("ghcr.io/o/r"));
    QCOMPARE(base.withoutTag().withDigest(d).identifier(), kDigest);
    QVERIFY(base != base.withTag(QStringLiteral("v2")));
}

void TestReference::registryName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("hub");

    QTest::addRow("docker.io") << QStringLiteral("docker.io") << true << QStringLiteral("docker.io")
                               << QStringLiteral("registry-1.docker.io") << true;
    QTest::addRow("index alias") << QStringLiteral("index.docker.io") << true
                                 << QStringLiteral("docker.io")
                                 << QStringLiteral("registry-1.docker.io") << true;
    QTest::addRow("api host alias")
        << QStringLiteral("registry-1.docker.io") << true << QStringLiteral("docker.io")
        << QStringLiteral("registry-1.docker.io") << true;
    QTest::addRow("upper-case alias")
        << QStringLiteral("Index.Docker.IO") << true << QStringLiteral("docker.io")
        << QStringLiteral("registry-1.docker.io") << true;
    QTest::addRow("ghcr") << QStringLiteral("ghcr.io") << true << QStringLiteral("ghcr.io")
                          << QStringLiteral("ghcr.io") << false;
    QTest::addRow("loopback port")
        << QStringLiteral("127.0.0.1:5000") << true << QStringLiteral("127.0.0.1:5000")
        << QStringLiteral("127.0.0.1:5000") << false;
    QTest::addRow("ipv6") << QStringLiteral("[::1]:5000") << true << QStringLiteral("[::1]:5000")
                          << QStringLiteral("[::1]:5000") << false;
    QTest::addRow("hub look-alike") << QStringLiteral("docker.io.evil.example") << true
                                    << QStringLiteral("docker.io.evil.example")
                                    << QStringLiteral("docker.io.evil.example") << false;
    QTest::addRow("with path") << QStringLiteral("docker.io/library") << false << QStringLiteral("")
                               << QStringLiteral("") << false;
    QTest::addRow("with scheme") << QStringLiteral("https://ghcr.io") << false << QStringLiteral("")
                                 << QStringLiteral("") << false;
    QTest::addRow("empty") << QStringLiteral("") << false << QStringLiteral("")
                           << QStringLiteral("") << false;
}

void TestReference::registryName()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, normalised);
    QFETCH(QString, api);
    QFETCH(bool, hub);
    const auto name = RegistryName::parse(input);
    QCOMPARE(name.ok(), valid);
    QCOMPARE(RegistryName::isValid(input), valid);
    if (!valid) {
        QCOMPARE(name.error().kind, ErrorKind::InvalidInput);
        return;
    }
    QCOMPARE(name->toString(), normalised);
    QCOMPARE(name->apiHost(), api);
    QCOMPARE(name->isDockerHub(), hub);
    // The other places that normalise Docker Hub agree (there is only one rule).
    QCOMPARE(Reference::apiHost(input), api);
    if (hub)
        QCOMPARE(Reference::parse(input + QStringLiteral("/x/y"))->registry(),
                 QStringLiteral("docker.io"));
}

void TestReference::serverNames_data()
{
    // Names a hostile registry may list (catalog entries and tags, PROTOCOL §8).
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("validRepository");
    QTest::addColumn<bool>("validTag");

    QTest::addRow("plain") << QStringLiteral("v1.0") << true << true;
    QTest::addRow("repository") << QStringLiteral("team/app") << true << false;
    QTest::addRow("parent segments")
        << QStringLiteral("../../other/manifests/v1") << false << false;
    QTest::addRow("dot dot") << QStringLiteral("..") << false << false;
    QTest::addRow("dot") << QStringLiteral(".") << false << false;
    QTest::addRow("query") << QStringLiteral("x?a=b") << false << false;
    QTest::addRow("fragment") << QStringLiteral("x#frag") << false << false;
    QTest::addRow("encoded dots") << QStringLiteral("%2e%2e") << false << false;
    QTest::addRow("encoded slash") << QStringLiteral("a%2fb") << false << false;
    QTest::addRow("escape sequence") << QStringLiteral("\x1b[31mred") << false << false;
    QTest::addRow("real escape") << QStringLiteral("a\u001b[2Jb") << false << false;
    QTest::addRow("newline") << QStringLiteral("v1\nv2") << false << false;
    QTest::addRow("nul") << QString(QStringLiteral("v1") + QChar(0) + QStringLiteral("x")) << false
                         << false;
    QTest::addRow("bidi override") << QStringLiteral("v1\u202Egpj") << false << false;
    QTest::addRow("space") << QStringLiteral("v 1") << false << false;
    QTest::addRow("colon") << QStringLiteral("a:b") << false << false;
    QTest::addRow("absolute") << QStringLiteral("/etc/passwd") << false << false;
    QTest::addRow("double slash") << QStringLiteral("a//b") << false << false;
    QTest::addRow("trailing slash") << QStringLiteral("a/") << false << false;
    QTest::addRow("tag 128") << QString(128, QLatin1Char('t')) << true << true;
    QTest::addRow("tag 129") << QString(129, QLatin1Char('t')) << true << false;
    QTest::addRow("repository 255") << QString(255, QLatin1Char('a')) << true << false;
    QTest::addRow("repository 256") << QString(256, QLatin1Char('a')) << false << false;
    QTest::addRow("very long") << QString(100000, QLatin1Char('a')) << false << false;
    QTest::addRow("upper-case repository") << QStringLiteral("Team/App") << false << false;
    QTest::addRow("fallback tag") << QStringLiteral("sha256-") + kHex << true << true;
}

void TestReference::serverNames()
{
    QFETCH(QString, name);
    QFETCH(bool, validRepository);
    QFETCH(bool, validTag);
    QCOMPARE(RepositoryName::isValid(name), validRepository);
    QCOMPARE(RepositoryName::parse(name).ok(), validRepository);
    QCOMPARE(TagName::isValid(name), validTag);
    QCOMPARE(Reference::isValidTag(name), validTag);
    if (!validRepository) {
        const Error e = RepositoryName::parse(name).error();
        QCOMPARE(e.kind, ErrorKind::InvalidInput);
        QVERIFY2(e.message.size() < 600, qPrintable(QString::number(e.message.size())));
        // Never echoes a control character.
        for (QChar c : e.message)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202e,
                     qPrintable(e.message));
    }
    if (!validTag)
        QVERIFY(!TagName::problem(name).isEmpty());
}

void TestReference::manifestIdentifier_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind"); // tag, digest, invalid

    QTest::addRow("tag") << QStringLiteral("latest") << QStringLiteral("tag");
    QTest::addRow("fallback tag") << QStringLiteral("sha256-") + kHex << QStringLiteral("tag");
    QTest::addRow("sha256") << kDigest << QStringLiteral("digest");
    QTest::addRow("sha512") << QStringLiteral("sha512:") + QString(128, QLatin1Char('b'))
                            << QStringLiteral("digest");
    QTest::addRow("unknown algorithm") << QStringLiteral("blake3:abc") << QStringLiteral("digest");
    QTest::addRow("short sha256") << QStringLiteral("sha256:abc") << QStringLiteral("invalid");
    QTest::addRow("upper-case hex")
        << QStringLiteral("sha256:") + kHex.toUpper() << QStringLiteral("invalid");
    QTest::addRow("path escape") << QStringLiteral("../other/manifests/v1")
                                 << QStringLiteral("invalid");
    QTest::addRow("query") << QStringLiteral("x?a=b") << QStringLiteral("invalid");
    QTest::addRow("empty") << QStringLiteral("") << QStringLiteral("invalid");
    QTest::addRow("colon garbage") << QStringLiteral("a:b:c") << QStringLiteral("invalid");
}

void TestReference::manifestIdentifier()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    const auto id = ManifestIdentifier::parse(text);
    QCOMPARE(id.ok(), kind != QLatin1String("invalid"));
    QCOMPARE(ManifestIdentifier::isDigest(text), kind == QLatin1String("digest"));
    if (!id) {
        QCOMPARE(id.error().kind, ErrorKind::InvalidInput);
        return;
    }
    QCOMPARE(id->isDigest(), kind == QLatin1String("digest"));
    QCOMPARE(id->isTag(), kind == QLatin1String("tag"));
    QCOMPARE(id->toString(), text);
}

void TestReference::scopes()
{
    const RepositoryName repo = RepositoryName::parse(QStringLiteral("team/app")).value();
    QCOMPARE(Scope::pull(repo).toString(), QStringLiteral("repository:team/app:pull"));
    QCOMPARE(Scope::push(repo).toString(), QStringLiteral("repository:team/app:pull,push"));
    QCOMPARE(Scope::remove(repo).toString(), QStringLiteral("repository:team/app:delete"));
    QCOMPARE(Scope::catalog().toString(), QStringLiteral("registry:catalog:*"));
    QVERIFY(Scope::catalog().isCatalog());
    QVERIFY(!Scope::pull(repo).isCatalog());
}

void TestReference::hostOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hostOnly");
    QTest::addColumn<QString>("hubHint");

    QTest::addRow("ip and port") << QStringLiteral("127.0.0.1:43015") << true << QStringLiteral("");
    QTest::addRow("ip") << QStringLiteral("10.0.0.1") << true << QStringLiteral("");
    QTest::addRow("localhost") << QStringLiteral("localhost") << true
                               << QStringLiteral("docker.io/library/localhost");
    QTest::addRow("localhost port") << QStringLiteral("localhost:5000") << true
                                    << QStringLiteral("docker.io/library/localhost:5000");
    QTest::addRow("dns") << QStringLiteral("registry.example.com") << true
                         << QStringLiteral("docker.io/library/registry.example.com");
    QTest::addRow("dns port") << QStringLiteral("registry.example.com:443") << true
                              << QStringLiteral("docker.io/library/registry.example.com:443");
    QTest::addRow("ipv6") << QStringLiteral("[::1]:5000") << true << QStringLiteral("");
    QTest::addRow("upper case") << QStringLiteral("Registry") << true
                                << QStringLiteral("docker.io/library/registry");
    QTest::addRow("host with digest")
        << QStringLiteral("127.0.0.1:5000@") + kDigest << true << QStringLiteral("");
    QTest::addRow("hub image") << QStringLiteral("alpine") << false << QStringLiteral("");
    QTest::addRow("hub image tag") << QStringLiteral("alpine:3.19") << false << QStringLiteral("");
    QTest::addRow("hub image numeric tag")
        << QStringLiteral("node:20") << false << QStringLiteral("");
    QTest::addRow("with repository")
        << QStringLiteral("127.0.0.1:5000/demo") << false << QStringLiteral("");
    QTest::addRow("hub user repo") << QStringLiteral("foo/bar") << false << QStringLiteral("");
    QTest::addRow("empty") << QStringLiteral("") << false << QStringLiteral("");
}

void TestReference::hostOnly()
{
    QFETCH(QString, text);
    QFETCH(bool, hostOnly);
    QFETCH(QString, hubHint);
    const QString problem = Reference::hostOnlyProblem(text);
    QCOMPARE(!problem.isEmpty(), hostOnly);
    if (!hostOnly)
        return;
    QVERIFY2(problem.contains(QStringLiteral("REPOSITORY")), qPrintable(problem));
    QCOMPARE(problem.contains(QStringLiteral("Docker Hub")), !hubHint.isEmpty());
    if (!hubHint.isEmpty()) {
        QVERIFY2(problem.contains(hubHint), qPrintable(problem));
        QVERIFY(Reference::parse(hubHint).ok());
    }
}

void TestReference::parseInRegistry_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: invalid

    const QString host = QStringLiteral("127.0.0.1:5000");
    QTest::addRow("repo") << host << QStringLiteral("demo/hello")
                          << QStringLiteral("127.0.0.1:5000/demo/hello");
    QTest::addRow("repo tag") << host << QStringLiteral("demo/hello:v1")
                              << QStringLiteral("127.0.0.1:5000/demo/hello:v1");
    QTest::addRow("repo digest") << host << QStringLiteral("demo/hello@") + kDigest
                                 << QStringLiteral("127.0.0.1:5000/demo/hello@") + kDigest;
    QTest::addRow("repo tag digest") << host << QStringLiteral("demo/hello:v1@") + kDigest
                                     << QStringLiteral("127.0.0.1:5000/demo/hello:v1@") + kDigest;
    QTest::addRow("first component with dot is a path")
        << host << QStringLiteral("a.b/c") << QStringLiteral("127.0.0.1:5000/a.b/c");
    QTest::addRow("single component")
        << host << QStringLiteral("hello") << QStringLiteral("127.0.0.1:5000/hello");
    QTest::addRow("pasted full reference") << host << QStringLiteral("127.0.0.1:5000/demo/hello:v1")
                                           << QStringLiteral("127.0.0.1:5000/demo/hello:v1");
    QTest::addRow("surrounding space")
        << host << QStringLiteral("  demo/hello  ") << QStringLiteral("127.0.0.1:5000/demo/hello");
    QTest::addRow("hub official") << QStringLiteral("docker.io") << QStringLiteral("alpine:3")
                                  << QStringLiteral("docker.io/library/alpine:3");
    QTest::addRow("hub alias registry")
        << QStringLiteral("index.docker.io") << QStringLiteral("foo/bar")
        << QStringLiteral("docker.io/foo/bar");
    QTest::addRow("empty") << host << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("bad digest") << host << QStringLiteral("demo/hello@sha256:abc")
                                << QStringLiteral("");
    QTest::addRow("upper case") << host << QStringLiteral("Demo/Hello") << QStringLiteral("");
    QTest::addRow("path escape") << host << QStringLiteral("../other") << QStringLiteral("");
    QTest::addRow("query") << host << QStringLiteral("demo?x=1") << QStringLiteral("");
    QTest::addRow("bad registry") << QStringLiteral("not a host") << QStringLiteral("demo")
                                  << QStringLiteral("");
}

void TestReference::parseInRegistry()
{
    QFETCH(QString, registry);
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto ref = Reference::parseInRegistry(registry, text);
    QCOMPARE(ref.ok(), !canonical.isEmpty());
    if (ref)
        QCOMPARE(ref->toString(), canonical);
    else
        QCOMPARE(ref.error().kind, ErrorKind::InvalidInput);
}

void TestReference::registryAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("path");

    QTest::addRow("host") << QStringLiteral("127.0.0.1:5000") << true << QStringLiteral("")
                          << QStringLiteral("127.0.0.1:5000") << QStringLiteral("");
    QTest::addRow("url") << QStringLiteral("http://127.0.0.1:5000") << true
                         << QStringLiteral("http") << QStringLiteral("127.0.0.1:5000")
                         << QStringLiteral("");
    QTest::addRow("url slash") << QStringLiteral("https://ghcr.io/") << true
                               << QStringLiteral("https") << QStringLiteral("ghcr.io")
                               << QStringLiteral("");
    QTest::addRow("url v2") << QStringLiteral("https://ghcr.io/v2/") << true
                            << QStringLiteral("https") << QStringLiteral("ghcr.io")
                            << QStringLiteral("");
    QTest::addRow("upper-case scheme")
        << QStringLiteral("HTTPS://ghcr.io") << true << QStringLiteral("https")
        << QStringLiteral("ghcr.io") << QStringLiteral("");
    QTest::addRow("hub alias") << QStringLiteral("index.docker.io") << true << QStringLiteral("")
                               << QStringLiteral("docker.io") << QStringLiteral("");
    QTest::addRow("with repository")
        << QStringLiteral("127.0.0.1:5000/demo/hello") << true << QStringLiteral("")
        << QStringLiteral("127.0.0.1:5000") << QStringLiteral("demo/hello");
    QTest::addRow("url with repository")
        << QStringLiteral("http://127.0.0.1:5000/demo") << true << QStringLiteral("http")
        << QStringLiteral("127.0.0.1:5000") << QStringLiteral("demo");
    QTest::addRow("repository with tag")
        << QStringLiteral("127.0.0.1:5000/demo:v1") << false << QStringLiteral("")
        << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("ftp") << QStringLiteral("ftp://ghcr.io") << false << QStringLiteral("")
                         << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("user info") << QStringLiteral("https://user@ghcr.io") << false
                               << QStringLiteral("") << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("query") << QStringLiteral("ghcr.io?x=1") << false << QStringLiteral("")
                           << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("empty") << QStringLiteral("   ") << false << QStringLiteral("")
                           << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("bad port") << QStringLiteral("ghcr.io:99999") << false << QStringLiteral("")
                              << QStringLiteral("") << QStringLiteral("");
}

void TestReference::registryAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, scheme);
    QFETCH(QString, registry);
    QFETCH(QString, path);
    const auto address = RegistryAddress::parse(text);
    QCOMPARE(address.ok(), valid);
    const auto only = RegistryAddress::parseRegistryOnly(text);
    QCOMPARE(only.ok(), valid && path.isEmpty());
    if (!valid) {
        QCOMPARE(address.error().kind, ErrorKind::InvalidInput);
        return;
    }
    QCOMPARE(address->scheme, scheme);
    QCOMPARE(address->registry.toString(), registry);
    QCOMPARE(address->repositoryPath, path);
    if (!path.isEmpty()) {
        // The refusal names the repository and what to enter instead.
        const QString message = only.error().message;
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("enter only ") + address->endpointText()),
                 qPrintable(message));
    }
}

void TestReference::printable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    QTest::addRow("plain") << QStringLiteral("v1.0") << QStringLiteral("v1.0");
    QTest::addRow("escape") << QStringLiteral("a\u001b[31mb") << QStringLiteral("a\\x1b[31mb");
    QTest::addRow("newline") << QStringLiteral("a\nb") << QStringLiteral("a\\x0ab");
    QTest::addRow("del") << QStringLiteral("a\u007fb") << QStringLiteral("a\\x7fb");
    QTest::addRow("c1") << QStringLiteral("a\u009bb") << QStringLiteral("a\\x9bb");
    QTest::addRow("bidi") << QStringLiteral("a\u202Eb") << QStringLiteral("a\\u202eb");
    QTest::addRow("unicode kept") << QStringLiteral("caf\u00e9") << QStringLiteral("caf\u00e9");
    QTest::addRow("cut") << QString(300, QLatin1Char('a'))
                         << QString(200, QLatin1Char('a')) + QChar(0x2026);
}

void TestReference::printable()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(nametext::printable(text), shown);
}

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
