#include "equivalentcommands.h"

#include "commands/shellquote.h"
#include "content/mediatype.h"
#include "reference/reference.h"

#include <QFileInfo>

namespace ocular {

namespace {

using Kind = CommandTarget::Kind;

Error invalid(const QString &why)
{
    return Error::make(ErrorKind::InvalidInput,
                       QStringLiteral("No command can be built: %1.").arg(why));
}

/// The validated names every command is built from.
struct Names
{
    QString registry;   ///< normalised host[:port]
    QString repository; ///< normalised path (docker.io's library/ rule applied)
    QString identifier; ///< tag or digest after /manifests/
    QString digest;     ///< empty unless one is known
    QString name() const { return registry + QLatin1Char('/') + repository; }
    /// `host/repo@digest` when a digest is known, else `host/repo:tag`. Never both: skopeo
    /// refuses a reference with a tag and a digest.
    QString reference() const
    {
        if (!digest.isEmpty())
            return name() + QLatin1Char('@') + digest;
        return name() + QLatin1Char(':') + identifier;
    }
};

/// A word that runs `cat FILE` inside double quotes, for tools that take PEM text, not a path.
QString fileContents(const QString &path)
{
    return QStringLiteral("\"$(cat %1)\"").arg(ShellQuote::quote(path));
}

bool hasClientCertificate(const TlsSettings &tls)
{
    return !tls.clientCertFile.isEmpty() && !tls.clientKeyFile.isEmpty();
}

EquivalentCommand oras(const CommandTarget &target, const Names &names, const QString &purpose)
{
    QStringList words{QStringLiteral("oras")};
    switch (target.kind) {
    case Kind::TagList:
        words << QStringLiteral("repo") << QStringLiteral("tags");
        break;
    case Kind::Manifest:
        words << QStringLiteral("manifest") << QStringLiteral("fetch");
        break;
    case Kind::Blob:
        words << QStringLiteral("blob") << QStringLiteral("fetch") << QStringLiteral("--output")
              << QStringLiteral("-");
        break;
    case Kind::Referrers:
        words << QStringLiteral("discover") << QStringLiteral("--format") << QStringLiteral("json");
        break;
    }
    if (target.plainHttp) {
        words << QStringLiteral("--plain-http");
    } else {
        if (target.tls.insecureSkipVerify)
            words << QStringLiteral("--insecure");
        if (!target.tls.caFile.isEmpty())
            words << QStringLiteral("--ca-file") << target.tls.caFile;
        if (hasClientCertificate(target.tls))
            words << QStringLiteral("--cert-file") << target.tls.clientCertFile
                  << QStringLiteral("--key-file") << target.tls.clientKeyFile;
    }
    words << (target.kind == Kind::TagList ? names.name() : names.reference());
    return {QStringLiteral("oras"), purpose, ShellQuote::join(words)};
}

EquivalentCommand crane(const CommandTarget &target, const Names &names, QString purpose)
{
    QString prefix;
    QStringList words{QStringLiteral("crane")};
    switch (target.kind) {
    case Kind::TagList:
        words << QStringLiteral("ls") << names.name();
        break;
    case Kind::Manifest:
        words << QStringLiteral("manifest") << names.reference();
        break;
    case Kind::Blob:
        words << QStringLiteral("blob") << names.reference();
        break;
    case Kind::Referrers:
        Q_UNREACHABLE();
    }
    // crane's one switch covers both: it allows plain HTTP and skips certificate checks.
    if (target.plainHttp || target.tls.insecureSkipVerify)
        words << QStringLiteral("--insecure");
    if (!target.plainHttp && !target.tls.insecureSkipVerify) {
        // crane has no CA option; Go reads SSL_CERT_FILE on Linux, which replaces the system
        // roots for this one run: enough for the one registry the command talks to.
        if (!target.tls.caFile.isEmpty()) {
            prefix = QStringLiteral("SSL_CERT_FILE=") + ShellQuote::quote(target.tls.caFile) +
                     QLatin1Char(' ');
            purpose += QStringLiteral(" SSL_CERT_FILE makes the CA file the only trusted root "
                                      "for this run.");
        }
    }
    if (!target.plainHttp && hasClientCertificate(target.tls))
        purpose += QStringLiteral(" crane has no client-certificate option: a registry that "
                                  "requires one refuses it.");
    return {QStringLiteral("crane"), purpose, prefix + ShellQuote::join(words)};
}

EquivalentCommand skopeo(const CommandTarget &target, const Names &names, QString purpose)
{
    QStringList words{QStringLiteral("skopeo")};
    if (target.kind == Kind::TagList)
        words << QStringLiteral("list-tags");
    else
        words << QStringLiteral("inspect") << QStringLiteral("--raw");
    // skopeo tries HTTPS, and HTTP only when verification is off.
    if (target.plainHttp || target.tls.insecureSkipVerify)
        words << QStringLiteral("--tls-verify=false");
    if (!target.plainHttp && (!target.tls.caFile.isEmpty() || hasClientCertificate(target.tls))) {
        // skopeo takes a directory, not files: it trusts every *.crt there and uses the
        // *.cert/*.key pair as client identity.
        const QString file =
            target.tls.caFile.isEmpty() ? target.tls.clientCertFile : target.tls.caFile;
        words << QStringLiteral("--cert-dir") << QFileInfo(file).absolutePath();
        purpose += QStringLiteral(" --cert-dir reads every *.crt (CA), *.cert and *.key in that "
                                  "directory: name the files that way.");
    }
    words << QStringLiteral("docker://") +
                 (target.kind == Kind::TagList ? names.name() : names.reference());
    return {QStringLiteral("skopeo"), purpose, ShellQuote::join(words)};
}

EquivalentCommand regctl(const CommandTarget &target, const Names &names, QString purpose)
{
    // regctl keeps TLS choices in its configuration, not in flags of each command: the
    // `registry set` line comes first and changes ~/.regctl/config.json for this registry.
    QStringList config;
    if (target.plainHttp) {
        config << QStringLiteral("--tls") << QStringLiteral("disabled");
    } else {
        if (target.tls.insecureSkipVerify)
            config << QStringLiteral("--tls") << QStringLiteral("insecure");
        if (!target.tls.caFile.isEmpty())
            config << QStringLiteral("--cacert") << fileContents(target.tls.caFile);
        if (hasClientCertificate(target.tls))
            config << QStringLiteral("--client-cert") << fileContents(target.tls.clientCertFile)
                   << QStringLiteral("--client-key") << fileContents(target.tls.clientKeyFile);
    }
    QString line;
    if (!config.isEmpty()) {
        // The `"$(cat …)"` words are already shell syntax: only the names are quoted here.
        QStringList words{QStringLiteral("regctl"), QStringLiteral("registry"),
                          QStringLiteral("set")};
        for (const QString &word : std::as_const(config))
            words << (word.startsWith(QLatin1Char('"')) ? word : ShellQuote::quote(word));
        words << ShellQuote::quote(names.registry);
        line = words.join(QLatin1Char(' ')) + QLatin1Char('\n');
        purpose += QStringLiteral(" The first line stores the registry's TLS settings in "
                                  "regctl's configuration.");
    }
    QStringList words{QStringLiteral("regctl")};
    switch (target.kind) {
    case Kind::TagList:
        words << QStringLiteral("tag") << QStringLiteral("ls") << names.name();
        break;
    case Kind::Manifest:
        words << QStringLiteral("manifest") << QStringLiteral("get") << QStringLiteral("--format")
              << QStringLiteral("raw-body") << names.reference();
        break;
    case Kind::Blob:
        words << QStringLiteral("blob") << QStringLiteral("get") << names.name() << names.digest;
        break;
    case Kind::Referrers:
        words << QStringLiteral("artifact") << QStringLiteral("list") << names.reference();
        break;
    }
    return {QStringLiteral("regctl"), purpose, line + ShellQuote::join(words)};
}

EquivalentCommand curl(const CommandTarget &target, const Names &names, QString purpose)
{
    const QString host = Reference::apiHost(names.registry);
    QStringList words{QStringLiteral("curl"), QStringLiteral("-fsSL")};
    // An IPv6 literal's brackets would be read as a curl URL glob.
    if (host.startsWith(QLatin1Char('[')))
        words << QStringLiteral("--globoff");
    if (!target.plainHttp) {
        if (target.tls.insecureSkipVerify)
            words << QStringLiteral("--insecure");
        if (!target.tls.caFile.isEmpty())
            words << QStringLiteral("--cacert") << target.tls.caFile;
        if (hasClientCertificate(target.tls))
            words << QStringLiteral("--cert") << target.tls.clientCertFile
                  << QStringLiteral("--key") << target.tls.clientKeyFile;
    }
    QString path;
    switch (target.kind) {
    case Kind::TagList:
        path = QStringLiteral("/tags/list");
        break;
    case Kind::Manifest:
        // Without every manifest type in Accept a registry may convert or hide the content.
        words << QStringLiteral("-H")
              << QStringLiteral("Accept: ") +
                     QString::fromLatin1(mediatype::manifestAcceptHeader());
        path = QStringLiteral("/manifests/") + names.identifier;
        break;
    case Kind::Blob:
        // Blobs are often served through a redirect (-L); `--output -` writes binary anyway.
        words << QStringLiteral("--output") << QStringLiteral("-");
        path = QStringLiteral("/blobs/") + names.digest;
        break;
    case Kind::Referrers:
        words << QStringLiteral("-H") << QStringLiteral("Accept: ") + QString(mediatype::OciIndex);
        path = QStringLiteral("/referrers/") + names.digest;
        break;
    }
    const QString scheme = target.plainHttp ? QStringLiteral("http") : QStringLiteral("https");
    words << scheme + QStringLiteral("://") + host + QStringLiteral("/v2/") + names.repository +
                 path;
    purpose += QStringLiteral(" Authentication is left out: a registry that needs a login answers "
                              "401 with the token service to ask.");
    return {QStringLiteral("curl"), purpose, ShellQuote::join(words)};
}

} // namespace

Result<QList<EquivalentCommand>> EquivalentCommands::forTarget(const CommandTarget &target)
{
    const bool needsDigest = target.kind == Kind::Blob || target.kind == Kind::Referrers;
    if (needsDigest && !target.digest.isValid())
        return invalid(QStringLiteral("a digest is needed"));
    if (target.kind == Kind::Manifest && target.tag.isEmpty() && !target.digest.isValid())
        return invalid(QStringLiteral("a tag or digest is needed"));
    // A tag list is by repository alone; a tag or digest given with it is not part of it.
    const bool byName = target.kind == Kind::TagList;
    const Result<Reference> reference =
        Reference::fromParts(target.registry, target.repository, byName ? QString() : target.tag,
                             byName ? Digest() : target.digest);
    if (!reference)
        return invalid(reference.error().message);
    if (target.registry.isEmpty())
        return invalid(QStringLiteral("the registry is not named"));

    Names names;
    names.registry = reference->registry();
    names.repository = reference->repository();
    names.digest = reference->hasDigest() ? reference->digest().toString() : QString();
    names.identifier = names.digest.isEmpty() ? reference->tag() : names.digest;

    QString purpose;
    switch (target.kind) {
    case Kind::TagList:
        purpose = QStringLiteral("List the tags of %1.").arg(names.name());
        break;
    case Kind::Manifest:
        purpose = QStringLiteral("Fetch the raw manifest of %1.").arg(names.reference());
        break;
    case Kind::Blob:
        purpose = QStringLiteral("Fetch the blob %1.").arg(names.reference());
        break;
    case Kind::Referrers:
        purpose = QStringLiteral("List the referrers of %1.").arg(names.reference());
        break;
    }

    QList<EquivalentCommand> commands;
    commands << oras(target, names, purpose);
    if (target.kind != Kind::Referrers)
        commands << crane(target, names, purpose);
    if (target.kind == Kind::TagList || target.kind == Kind::Manifest)
        commands << skopeo(target, names, purpose);
    commands << regctl(target, names, purpose) << curl(target, names, purpose);
    return commands;
}

} // namespace ocular
