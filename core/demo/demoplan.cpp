#include "demoplan.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "demo/demosigningkey.h"
#include "demo/layerarchive.h"
#include "reference/manifestidentifier.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ocular {

namespace {

// Every timestamp is fixed: the same plan must produce the same bytes on every run and machine,
// which is what makes reseeding idempotent and lets tests predict digests.
const QString BaseCreated = QStringLiteral("2024-05-14T09:30:00Z");
const QString BuildCreated = QStringLiteral("2024-05-14T09:31:07Z");
const QString SignedAt = QStringLiteral("2024-05-14T09:34:12Z");
const QString Source = QStringLiteral("https://git.example.org/ocular/demo-hello");
const QString Revision = QStringLiteral("4f2b1c9e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray indented(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

/// Reproducible filler bytes (a sha256 chain) for fake signatures and certificates.
QByteArray pseudoBytes(const QByteArray &seed, int count)
{
    QByteArray out;
    QByteArray block = seed;
    while (out.size() < count) {
        block = QCryptographicHash::hash(block, QCryptographicHash::Sha256);
        out += block;
    }
    return out.left(count);
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The demo's blobs and manifests are the write path's own types: the demo builds its content
// with the same ManifestBuilder that pushes artifacts, so what it shows is what Ocular writes.
using Blob = ContentBlob;
using Built = BuiltManifest;

/// The demo's content is fixed and far below the size cap: a build error is a programming error.
Built built(Result<BuiltManifest> result)
{
    return std::move(result).value();
}

struct ImageSpec
{
    QString name = QStringLiteral("hello");
    QString os = QStringLiteral("linux");
    QString architecture = QStringLiteral("amd64");
    QString variant;
    QString osVersion;
    QString created = BuildCreated;
    QString message; ///< what the image's program prints
    bool docker = false;
    bool baseLayer = true;
    QJsonObject annotations; ///< manifest annotations (OCI only)
};

QJsonObject platformJson(const QString &os, const QString &architecture,
                         const QString &variant = {}, const QString &osVersion = {})
{
    QJsonObject p{{QStringLiteral("os"), os}, {QStringLiteral("architecture"), architecture}};
    if (!variant.isEmpty())
        p.insert(QStringLiteral("variant"), variant);
    if (!osVersion.isEmpty())
        p.insert(QStringLiteral("os.version"), osVersion);
    return p;
}

QJsonObject platformJson(const ImageSpec &s)
{
    return platformJson(s.os, s.architecture, s.variant, s.osVersion);
}

QString platformText(const ImageSpec &s)
{
    QString t = s.os + QLatin1Char('/') + s.architecture;
    if (!s.variant.isEmpty())
        t += QLatin1Char('/') + s.variant;
    return t;
}

Built buildImage(const ImageSpec &s)
{
    const bool windows = s.os == QLatin1String("windows");
    const QString layerType =
        s.docker ? QString(mediatype::DockerLayerTarGzip) : QString(mediatype::OciLayerTarGzip);

    QList<QList<QPair<QString, QByteArray>>> layerFiles;
    QJsonArray history;
    if (s.baseLayer) {
        if (windows) {
            layerFiles.append(
                {{QStringLiteral("Files/Windows/System32/drivers/etc/hosts"),
                  QByteArrayLiteral("127.0.0.1 localhost\r\n")},
                 {QStringLiteral("Files/ProgramData/ocular/README.txt"),
                  QByteArrayLiteral("Ocular demo base layer (nanoserver-like)\r\n")}});
        } else {
            layerFiles.append({{QStringLiteral("etc/os-release"),
                                QByteArrayLiteral("NAME=\"Ocular Demo Linux\"\nID=ocular-demo\n"
                                                  "VERSION_ID=1.0\n")},
                               {QStringLiteral("etc/motd"),
                                QByteArrayLiteral("Welcome to an Ocular demo image.\n")}});
        }
        history.append(QJsonObject{
            {QStringLiteral("created"), BaseCreated},
            {QStringLiteral("created_by"),
             QStringLiteral("/bin/sh -c #(nop) ADD file:base-%1 in / ").arg(platformText(s))}});
    }
    const QString program = windows ? QStringLiteral("Files/hello.cmd") : QStringLiteral("hello");
    const QByteArray script =
        windows ? QByteArrayLiteral("@echo off\r\necho ") + s.message.toUtf8() + "\r\n"
                : QByteArrayLiteral("#!/bin/sh\necho '") + s.message.toUtf8() + "'\n";
    layerFiles.append({{program, script}});
    history.append(
        QJsonObject{{QStringLiteral("created"), s.created},
                    {QStringLiteral("created_by"),
                     windows ? QStringLiteral("COPY hello.cmd C:/hello.cmd # buildkit")
                             : QStringLiteral("COPY hello /hello # buildkit")},
                    {QStringLiteral("comment"), QStringLiteral("buildkit.dockerfile.v0")}});
    history.append(QJsonObject{
        {QStringLiteral("created"), s.created},
        {QStringLiteral("created_by"), windows ? QStringLiteral("CMD [\"C:\\\\hello.cmd\"]")
                                               : QStringLiteral("CMD [\"/hello\"]")},
        {QStringLiteral("comment"), QStringLiteral("buildkit.dockerfile.v0")},
        {QStringLiteral("empty_layer"), true}});

    QJsonArray diffIds;
    QList<ManifestBuilder::Layer> layers;
    for (const auto &files : layerFiles) {
        const QByteArray tar = LayerArchive::tar(files);
        diffIds.append(Digest::sha256(tar).toString());
        layers.append({Blob{LayerArchive::gzip(tar), layerType}, {}});
    }

    QJsonObject runConfig{
        {QStringLiteral("Env"),
         QJsonArray{windows ? QStringLiteral("Path=C:\\Windows\\system32;C:\\Windows")
                            : QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                                             "/usr/bin:/sbin:/bin")}},
        {QStringLiteral("Cmd"),
         QJsonArray{windows ? QStringLiteral("C:\\hello.cmd") : QStringLiteral("/hello")}},
        {QStringLiteral("WorkingDir"), windows ? QStringLiteral("C:\\") : QStringLiteral("/")},
        {QStringLiteral("Labels"),
         QJsonObject{{QStringLiteral("org.opencontainers.image.source"), Source},
                     {QStringLiteral("org.opencontainers.image.revision"), Revision},
                     {QStringLiteral("org.opencontainers.image.title"), s.name}}}};
    if (!windows)
        runConfig.insert(QStringLiteral("User"), QStringLiteral("65532:65532"));
    QJsonObject config{
        {QStringLiteral("created"), s.created},
        {QStringLiteral("author"), QStringLiteral("Ocular demo seeder")},
        {QStringLiteral("os"), s.os},
        {QStringLiteral("architecture"), s.architecture},
        {QStringLiteral("config"), runConfig},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"), diffIds}}},
        {QStringLiteral("history"), history}};
    if (!s.variant.isEmpty())
        config.insert(QStringLiteral("variant"), s.variant);
    if (!s.osVersion.isEmpty())
        config.insert(QStringLiteral("os.version"), s.osVersion);
    const Blob configBlob{compact(config), s.docker ? QString(mediatype::DockerConfig)
                                                    : QString(mediatype::OciConfig)};

    // Docker's own tools write indented manifests; keep that flavour so clients see both.
    ManifestBuilder builder;
    builder.setLayout(s.docker ? ManifestBuilder::Layout::Indented
                               : ManifestBuilder::Layout::Compact);
    return built(builder.image(s.docker ? QString(mediatype::DockerManifest)
                                        : QString(mediatype::OciManifest),
                               configBlob, layers, s.docker ? QJsonObject() : s.annotations));
}

Built buildIndex(const QString &mediaType, const QJsonArray &entries,
                 const QJsonObject &annotations = {}, bool pretty = false)
{
    ManifestBuilder builder;
    builder.setLayout(pretty ? ManifestBuilder::Layout::Indented
                             : ManifestBuilder::Layout::Compact);
    return built(builder.index(mediaType, entries, annotations));
}

Built buildArtifact(const QString &artifactType, const QList<Blob> &layers,
                    const QList<QJsonObject> &layerAnnotations, const QJsonObject &subject,
                    const QJsonObject &annotations)
{
    ManifestBuilder::Artifact artifact;
    artifact.artifactType = artifactType;
    for (qsizetype i = 0; i < layers.size(); ++i)
        artifact.files.append({layers[i].bytes, layers[i].mediaType, QString(),
                               layerAnnotations.value(i), std::nullopt, 0});
    artifact.subject = Descriptor::fromJson(subject).value();
    artifact.annotations = annotations;
    return built(ManifestBuilder().artifact(artifact));
}

QJsonObject titleAnnotation(const QString &title)
{
    return {{QStringLiteral("org.opencontainers.image.title"), title}};
}

QByteArray spdxDocument(const QString &subjectName, const Digest &subject)
{
    auto package = [](const QString &id, const QString &name, const QString &version,
                      const QString &license, const QString &purl) {
        return QJsonObject{
            {QStringLiteral("SPDXID"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("versionInfo"), version},
            {QStringLiteral("downloadLocation"), QStringLiteral("NOASSERTION")},
            {QStringLiteral("filesAnalyzed"), false},
            {QStringLiteral("licenseConcluded"), license},
            {QStringLiteral("licenseDeclared"), license},
            {QStringLiteral("copyrightText"), QStringLiteral("NOASSERTION")},
            {QStringLiteral("supplier"), QStringLiteral("Organization: Ocular demo")},
            {QStringLiteral("externalRefs"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("referenceCategory"), QStringLiteral("PACKAGE-MANAGER")},
                 {QStringLiteral("referenceType"), QStringLiteral("purl")},
                 {QStringLiteral("referenceLocator"), purl}}}}};
    };
    auto relationship = [](const QString &from, const QString &type, const QString &to) {
        return QJsonObject{{QStringLiteral("spdxElementId"), from},
                           {QStringLiteral("relationshipType"), type},
                           {QStringLiteral("relatedSpdxElement"), to}};
    };
    const QJsonObject doc{
        {QStringLiteral("spdxVersion"), QStringLiteral("SPDX-2.3")},
        {QStringLiteral("dataLicense"), QStringLiteral("CC0-1.0")},
        {QStringLiteral("SPDXID"), QStringLiteral("SPDXRef-DOCUMENT")},
        {QStringLiteral("name"), subjectName},
        {QStringLiteral("documentNamespace"),
         QString(QStringLiteral("https://ocular.example/spdx/demo-hello-") +
                 subject.encoded().left(16))},
        {QStringLiteral("creationInfo"),
         QJsonObject{
             {QStringLiteral("created"), SignedAt},
             {QStringLiteral("creators"), QJsonArray{QStringLiteral("Tool: ocular-demo-seeder-0.1"),
                                                     QStringLiteral("Organization: Ocular demo")}},
             {QStringLiteral("licenseListVersion"), QStringLiteral("3.22")}}},
        {QStringLiteral("packages"),
         QJsonArray{
             package(QStringLiteral("SPDXRef-Package-hello"), QStringLiteral("hello"),
                     QStringLiteral("1.0.0"), QStringLiteral("Apache-2.0"),
                     QStringLiteral("pkg:oci/hello@") + subject.toString() +
                         QStringLiteral("?arch=amd64")),
             package(QStringLiteral("SPDXRef-Package-busybox"), QStringLiteral("busybox"),
                     QStringLiteral("1.36.1-r15"), QStringLiteral("GPL-2.0-only"),
                     QStringLiteral("pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64")),
             package(QStringLiteral("SPDXRef-Package-musl"), QStringLiteral("musl"),
                     QStringLiteral("1.2.4_git20230717-r4"), QStringLiteral("MIT"),
                     QStringLiteral("pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64"))}},
        {QStringLiteral("relationships"),
         QJsonArray{
             relationship(QStringLiteral("SPDXRef-DOCUMENT"), QStringLiteral("DESCRIBES"),
                          QStringLiteral("SPDXRef-Package-hello")),
             relationship(QStringLiteral("SPDXRef-Package-hello"), QStringLiteral("DEPENDS_ON"),
                          QStringLiteral("SPDXRef-Package-busybox")),
             relationship(QStringLiteral("SPDXRef-Package-hello"), QStringLiteral("DEPENDS_ON"),
                          QStringLiteral("SPDXRef-Package-musl"))}}};
    return indented(doc);
}

QByteArray cycloneDxDocument(const Digest &subject)
{
    auto component = [](const QString &name, const QString &version, const QString &license,
                        const QString &purl) {
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("library")},
            {QStringLiteral("bom-ref"), purl},
            {QStringLiteral("name"), name},
            {QStringLiteral("version"), version},
            {QStringLiteral("purl"), purl},
            {QStringLiteral("licenses"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("license"), QJsonObject{{QStringLiteral("id"), license}}}}}}};
    };
    const QJsonObject bom{
        {QStringLiteral("bomFormat"), QStringLiteral("CycloneDX")},
        {QStringLiteral("specVersion"), QStringLiteral("1.5")},
        {QStringLiteral("serialNumber"),
         QString(QStringLiteral("urn:uuid:3e671687-395b-41f5-a30f-") + subject.encoded().left(12))},
        {QStringLiteral("version"), 1},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("timestamp"), SignedAt},
             {QStringLiteral("tools"),
              QJsonArray{QJsonObject{{QStringLiteral("vendor"), QStringLiteral("Ocular")},
                                     {QStringLiteral("name"), QStringLiteral("demo-seeder")},
                                     {QStringLiteral("version"), QStringLiteral("0.1.0")}}}},
             {QStringLiteral("component"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("container")},
                          {QStringLiteral("bom-ref"), subject.toString()},
                          {QStringLiteral("name"), QStringLiteral("demo/hello")},
                          {QStringLiteral("version"), subject.toString()}}}}},
        {QStringLiteral("components"),
         QJsonArray{
             component(QStringLiteral("busybox"), QStringLiteral("1.36.1-r15"),
                       QStringLiteral("GPL-2.0-only"),
                       QStringLiteral("pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64")),
             component(QStringLiteral("musl"), QStringLiteral("1.2.4_git20230717-r4"),
                       QStringLiteral("MIT"),
                       QStringLiteral("pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64")),
             component(QStringLiteral("ca-certificates-bundle"), QStringLiteral("20240226-r0"),
                       QStringLiteral("MPL-2.0"),
                       QStringLiteral("pkg:apk/alpine/ca-certificates-bundle@20240226-r0"
                                      "?arch=x86_64"))}}};
    return indented(bom);
}

/// A JWS JSON envelope shaped like Notation's: the payload names the signed manifest; the
/// certificate and signature are filler bytes (structurally plausible, not verifiable).
QByteArray notationEnvelope(const QJsonObject &target, QByteArray *certificateOut)
{
    const QJsonObject payload{{QStringLiteral("targetArtifact"), target}};
    const QJsonObject protectedHeader{
        {QStringLiteral("alg"), QStringLiteral("PS256")},
        {QStringLiteral("crit"), QJsonArray{QStringLiteral("io.cncf.notary.signingScheme")}},
        {QStringLiteral("cty"), QStringLiteral("application/vnd.cncf.notary.payload.v1+json")},
        {QStringLiteral("io.cncf.notary.signingScheme"), QStringLiteral("notary.x509")},
        {QStringLiteral("io.cncf.notary.signingTime"), SignedAt}};
    QByteArray certificate = QByteArray::fromHex("308203") + pseudoBytes("ocular-demo-cert", 760);
    if (certificateOut)
        *certificateOut = certificate;
    const QJsonObject envelope{
        {QStringLiteral("payload"), QString::fromLatin1(base64Url(compact(payload)))},
        {QStringLiteral("protected"), QString::fromLatin1(base64Url(compact(protectedHeader)))},
        {QStringLiteral("header"),
         QJsonObject{
             {QStringLiteral("io.cncf.notary.signingAgent"),
              QStringLiteral("Ocular demo seeder/0.1")},
             {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(certificate.toBase64())}}}},
        {QStringLiteral("signature"),
         QString::fromLatin1(base64Url(pseudoBytes(compact(payload), 384)))}};
    return compact(envelope);
}

QByteArray inTotoStatement(const QString &predicateType, const Digest &subject,
                           const QJsonObject &predicate)
{
    const QJsonObject statement{
        {QStringLiteral("_type"), QStringLiteral("https://in-toto.io/Statement/v0.1")},
        {QStringLiteral("predicateType"), predicateType},
        {QStringLiteral("subject"),
         QJsonArray{QJsonObject{
             {QStringLiteral("name"),
              QStringLiteral("pkg:docker/demo/hello@1.0?platform=linux%2Famd64")},
             {QStringLiteral("digest"), QJsonObject{{subject.algorithm(), subject.encoded()}}}}}},
        {QStringLiteral("predicate"), predicate}};
    return compact(statement);
}

/// Appends steps to a plan and keeps its summary in step with them.
class PlanBuilder
{
public:
    DemoPlan plan;

    DemoStep &step(const QString &text)
    {
        plan.steps.append(DemoStep{text, {}});
        return plan.steps.last();
    }

    void addBlobs(DemoStep &s, const QString &repository, const QList<Blob> &blobs)
    {
        for (const Blob &b : blobs) {
            const QString key = repository + QLatin1Char('@') + b.digest().toString();
            if (m_uploaded.contains(key))
                continue;
            m_uploaded.insert(key);
            DemoOperation op;
            op.kind = DemoOperation::Kind::Blob;
            op.repository = repository;
            op.bytes = b.bytes;
            op.digest = b.digest();
            s.operations.append(op);
            ++plan.summary.blobCount;
        }
    }

    /// Blobs of all these manifests in one step, the manifests (by digest) in the next.
    void pushManifests(const QString &repository, const QList<Built> &manifests,
                       const QString &what)
    {
        DemoStep &blobs = step(QStringLiteral("uploading blobs of %1 to %2").arg(what, repository));
        for (const Built &m : manifests)
            addBlobs(blobs, repository, m.blobs);
        if (blobs.operations.isEmpty())
            plan.steps.removeLast();
        DemoStep &puts = step(QStringLiteral("pushing %1 to %2").arg(what, repository));
        for (const Built &m : manifests)
            addManifest(puts, repository, m.digest.toString(), m);
    }

    void addManifest(DemoStep &s, const QString &repository, const QString &reference,
                     const Built &m)
    {
        DemoOperation op;
        op.kind = DemoOperation::Kind::Manifest;
        op.repository = repository;
        op.reference = reference;
        op.bytes = m.raw;
        op.mediaType = m.mediaType;
        op.digest = m.digest;
        s.operations.append(op);
        ++plan.summary.manifestCount;
        addRepository(repository);
        if (!ManifestIdentifier::isDigest(reference)) {
            QStringList &tags = plan.summary.tags[repository];
            if (!tags.contains(reference))
                tags.append(reference);
        }
    }

    void addRepository(const QString &repository)
    {
        if (!plan.summary.repositories.contains(repository))
            plan.summary.repositories.append(repository);
    }

    void finish()
    {
        plan.summary.repositories.sort();
        for (QStringList &tags : plan.summary.tags)
            tags.sort();
    }

private:
    QSet<QString> m_uploaded;
};

ImageSpec tagImage(const QString &repository, int n)
{
    ImageSpec s;
    s.name = repository.section(QLatin1Char('/'), -1);
    s.message = QStringLiteral("%1 build %2").arg(repository).arg(n);
    s.created = QStringLiteral("2024-05-%1T12:00:00Z").arg(n + 1, 2, 10, QLatin1Char('0'));
    s.baseLayer = false;
    return s;
}

QString manyTagName(int i)
{
    // Semver-looking names in several series so sorting and filtering have work to do.
    return QStringLiteral("v%1.%2.%3").arg(i / 400).arg((i / 20) % 20).arg(i % 20);
}

} // namespace

DemoPlan DemoPlan::standard(int manyTags, const DemoSigningKey *signingKey)
{
    PlanBuilder b;
    DemoSummary &summary = b.plan.summary;

    // team/service/api: one single-platform image, two tags.
    const QString apiRepo = QStringLiteral("team/service/api");
    ImageSpec apiSpec;
    apiSpec.name = QStringLiteral("api");
    apiSpec.message = QStringLiteral("team/service/api v1.0 listening on :8080");
    apiSpec.annotations = {
        {QStringLiteral("org.opencontainers.image.version"), QStringLiteral("1.0")},
        {QStringLiteral("org.opencontainers.image.base.name"),
         QStringLiteral("docker.io/library/alpine:3.19")}};
    const Built api = buildImage(apiSpec);
    b.pushManifests(apiRepo, {api}, QStringLiteral("the api image"));
    summary.digests.insert(demokey::ApiImage, api.digest);

    // demo/hello: a three-platform OCI index with an in-index BuildKit attestation.
    const QString hello = QStringLiteral("demo/hello");
    auto helloSpec = [](const QString &os, const QString &arch, const QString &variant,
                        const QString &osVersion) {
        ImageSpec s;
        s.os = os;
        s.architecture = arch;
        s.variant = variant;
        s.osVersion = osVersion;
        s.message = QStringLiteral("Hello from the Ocular demo registry (%1/%2)").arg(os, arch);
        s.annotations = {{QStringLiteral("org.opencontainers.image.created"), BuildCreated},
                         {QStringLiteral("org.opencontainers.image.base.name"),
                          os == QLatin1String("windows")
                              ? QStringLiteral("mcr.microsoft.com/windows/nanoserver:ltsc2022")
                              : QStringLiteral("docker.io/library/alpine:3.19")}};
        return s;
    };
    const QList<ImageSpec> helloSpecs{
        helloSpec(QStringLiteral("linux"), QStringLiteral("amd64"), {}, {}),
        helloSpec(QStringLiteral("linux"), QStringLiteral("arm64"), QStringLiteral("v8"), {}),
        helloSpec(QStringLiteral("windows"), QStringLiteral("amd64"), {},
                  QStringLiteral("10.0.20348.2340"))};
    QList<Built> helloImages;
    for (const ImageSpec &s : helloSpecs)
        helloImages.append(buildImage(s));
    const Built &amd64 = helloImages[0];
    summary.digests.insert(demokey::HelloAmd64, amd64.digest);
    summary.digests.insert(demokey::HelloArm64, helloImages[1].digest);
    summary.digests.insert(demokey::HelloWindows, helloImages[2].digest);

    const QJsonObject provenance{
        {QStringLiteral("builder"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("https://ocular.example/demo-seeder")}}},
        {QStringLiteral("buildType"), QStringLiteral("https://mobyproject.org/buildkit@v1")},
        {QStringLiteral("invocation"),
         QJsonObject{
             {QStringLiteral("configSource"),
              QJsonObject{{QStringLiteral("uri"), QString(Source + QStringLiteral(".git#main"))},
                          {QStringLiteral("entryPoint"), QStringLiteral("Dockerfile")}}},
             {QStringLiteral("parameters"),
              QJsonObject{{QStringLiteral("frontend"), QStringLiteral("dockerfile.v0")}}}}},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("buildStartedOn"), BaseCreated},
                                                 {QStringLiteral("buildFinishedOn"), BuildCreated},
                                                 {QStringLiteral("reproducible"), false}}},
        {QStringLiteral("materials"),
         QJsonArray{QJsonObject{
             {QStringLiteral("uri"),
              QStringLiteral("pkg:docker/alpine@3.19?platform=linux%2Famd64")},
             {QStringLiteral("digest"),
              QJsonObject{{QStringLiteral("sha256"),
                           QString::fromLatin1(pseudoBytes("alpine", 32).toHex())}}}}}}};
    const Blob provenanceLayer{inTotoStatement(QStringLiteral("https://slsa.dev/provenance/v0.2"),
                                               amd64.digest, provenance),
                               QString(mediatype::InToto)};
    const QJsonDocument spdxForAttestation = QJsonDocument::fromJson(
        spdxDocument(QStringLiteral("demo/hello linux/amd64"), amd64.digest));
    const Blob sbomLayer{inTotoStatement(QStringLiteral("https://spdx.dev/Document"), amd64.digest,
                                         spdxForAttestation.object()),
                         QString(mediatype::InToto)};
    Built attestation;
    {
        const QJsonObject config{{QStringLiteral("architecture"), QStringLiteral("unknown")},
                                 {QStringLiteral("os"), QStringLiteral("unknown")},
                                 {QStringLiteral("config"), QJsonObject{}},
                                 {QStringLiteral("rootfs"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                              {QStringLiteral("diff_ids"),
                                               QJsonArray{provenanceLayer.digest().toString(),
                                                          sbomLayer.digest().toString()}}}}};
        const Blob configBlob{compact(config), QString(mediatype::OciConfig)};
        attestation =
            built(ManifestBuilder().image(QString(mediatype::OciManifest), configBlob,
                                          {{provenanceLayer,
                                            {{QStringLiteral("in-toto.io/predicate-type"),
                                              QStringLiteral("https://slsa.dev/provenance/v0.2")}}},
                                           {sbomLayer,
                                            {{QStringLiteral("in-toto.io/predicate-type"),
                                              QStringLiteral("https://spdx.dev/Document")}}}}));
    }
    summary.digests.insert(demokey::HelloAttestation, attestation.digest);

    // The moving tag: `moving` first names A, then B; A is left untagged.
    ImageSpec oldSpec = helloSpec(QStringLiteral("linux"), QStringLiteral("amd64"), {}, {});
    oldSpec.message = QStringLiteral("Hello from a build that is no longer tagged");
    oldSpec.created = QStringLiteral("2024-04-02T08:00:00Z");
    oldSpec.annotations.insert(QStringLiteral("org.opencontainers.image.created"), oldSpec.created);
    ImageSpec newSpec = oldSpec;
    newSpec.message = QStringLiteral("Hello from the build `moving` points at now");
    newSpec.created = QStringLiteral("2024-05-20T08:00:00Z");
    newSpec.annotations.insert(QStringLiteral("org.opencontainers.image.created"), newSpec.created);
    const Built movingOld = buildImage(oldSpec);
    const Built movingNew = buildImage(newSpec);
    summary.digests.insert(demokey::HelloUntagged, movingOld.digest);
    summary.digests.insert(demokey::HelloMoving, movingNew.digest);
    summary.untaggedRepository = hello;

    b.pushManifests(hello, helloImages + QList<Built>{attestation, movingOld, movingNew},
                    QStringLiteral("platform images and attestations"));

    QJsonArray helloEntries;
    for (qsizetype i = 0; i < helloImages.size(); ++i) {
        helloEntries.append(helloImages[i].descriptorJson(
            {{QStringLiteral("platform"), platformJson(helloSpecs[i])},
             {QStringLiteral("annotations"),
              QJsonObject{{QStringLiteral("org.opencontainers.image.created"), BuildCreated},
                          {QStringLiteral("org.opencontainers.image.title"),
                           QStringLiteral("hello (%1)").arg(platformText(helloSpecs[i]))}}}}));
    }
    helloEntries.append(attestation.descriptorJson(
        {{QStringLiteral("platform"),
          platformJson(QStringLiteral("unknown"), QStringLiteral("unknown"))},
         {QStringLiteral("annotations"),
          QJsonObject{{QStringLiteral("vnd.docker.reference.digest"), amd64.digest.toString()},
                      {QStringLiteral("vnd.docker.reference.type"),
                       QStringLiteral("attestation-manifest")}}}}));
    const Built helloIndex = buildIndex(
        QString(mediatype::OciIndex), helloEntries,
        {{QStringLiteral("org.opencontainers.image.created"), BuildCreated},
         {QStringLiteral("org.opencontainers.image.source"), Source},
         {QStringLiteral("org.opencontainers.image.revision"), Revision},
         {QStringLiteral("org.opencontainers.image.title"), QStringLiteral("hello")},
         {QStringLiteral("org.opencontainers.image.description"),
          QStringLiteral("A tiny multi-platform image for trying out Ocular")},
         {QStringLiteral("org.opencontainers.image.version"), QStringLiteral("1.0.0")},
         {QStringLiteral("org.opencontainers.image.licenses"), QStringLiteral("Apache-2.0")}});
    b.pushManifests(hello, {helloIndex}, QStringLiteral("the multi-platform index"));
    summary.digests.insert(demokey::HelloIndex, helloIndex.digest);

    // Supply chain on the amd64 image: two SBOMs and a Notation signature (referrers), the
    // fallback tag that lists them, and a cosign-style signature tag for the index.
    const QJsonObject subject = amd64.descriptorJson();
    auto created = [](const QString &when) {
        return QJsonObject{{QStringLiteral("org.opencontainers.image.created"), when}};
    };
    const Built spdx = buildArtifact(
        QString(mediatype::SpdxJson),
        {Blob{spdxDocument(QStringLiteral("demo/hello linux/amd64"), amd64.digest),
              QString(mediatype::SpdxJson)}},
        {titleAnnotation(QStringLiteral("sbom.spdx.json"))}, subject, created(SignedAt));
    const Built cyclone = buildArtifact(
        QString(mediatype::CycloneDxJson),
        {Blob{cycloneDxDocument(amd64.digest), QString(mediatype::CycloneDxJson)}},
        {titleAnnotation(QStringLiteral("sbom.cdx.json"))}, subject, created(SignedAt));
    QByteArray certificate;
    const QByteArray envelope = notationEnvelope(subject, &certificate);
    QJsonObject notationAnnotations = created(SignedAt);
    notationAnnotations.insert(
        QStringLiteral("io.cncf.notary.x509chain.thumbprint#S256"),
        QStringLiteral("[\"%1\"]")
            .arg(QString::fromLatin1(
                QCryptographicHash::hash(certificate, QCryptographicHash::Sha256).toHex())));
    const Built notation = buildArtifact(QString(mediatype::NotationSignature),
                                         {Blob{envelope, QString(mediatype::JoseJson)}},
                                         {QJsonObject{}}, subject, notationAnnotations);
    summary.digests.insert(demokey::HelloSpdx, spdx.digest);
    summary.digests.insert(demokey::HelloCycloneDx, cyclone.digest);
    summary.digests.insert(demokey::HelloNotation, notation.digest);

    Built cosign;
    {
        const QJsonObject simpleSigning{
            {QStringLiteral("critical"),
             QJsonObject{
                 {QStringLiteral("identity"),
                  QJsonObject{{QStringLiteral("docker-reference"), hello}}},
                 {QStringLiteral("image"), QJsonObject{{QStringLiteral("docker-manifest-digest"),
                                                        helloIndex.digest.toString()}}},
                 {QStringLiteral("type"), QStringLiteral("cosign container image signature")}}},
            {QStringLiteral("optional"), QJsonValue::Null}};
        const Blob payload{compact(simpleSigning), QString(mediatype::CosignSimpleSigning)};
        // An ECDSA P-256 signature is a DER SEQUENCE of about 70 bytes; without a key, filler
        // of that shape stands in for it.
        QByteArray signature = signingKey ? signingKey->sign(payload.bytes) : QByteArray();
        if (signature.isEmpty())
            signature = QByteArray::fromHex("3045022100") + pseudoBytes(payload.bytes, 32) +
                        QByteArray::fromHex("0220") + pseudoBytes("s" + payload.bytes, 32);
        else
            summary.cosignPublicKeyPem = signingKey->publicKeyPem();
        const QJsonObject config{
            {QStringLiteral("architecture"), QString()},
            {QStringLiteral("os"), QString()},
            {QStringLiteral("created"), QStringLiteral("0001-01-01T00:00:00Z")},
            {QStringLiteral("config"), QJsonObject{}},
            {QStringLiteral("history"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("created"), QStringLiteral("0001-01-01T00:00:00Z")}}}},
            {QStringLiteral("rootfs"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                         {QStringLiteral("diff_ids"), QJsonArray{payload.digest().toString()}}}}};
        const Blob configBlob{compact(config), QString(mediatype::OciConfig)};
        cosign =
            built(ManifestBuilder().image(QString(mediatype::OciManifest), configBlob,
                                          {{payload,
                                            {{QStringLiteral("dev.cosignproject.cosign/signature"),
                                              QString::fromLatin1(signature.toBase64())}}}}));
    }
    summary.digests.insert(demokey::HelloCosign, cosign.digest);
    b.pushManifests(hello, {spdx, cyclone, notation, cosign},
                    QStringLiteral("SBOMs and signatures"));

    QJsonArray referrerEntries;
    for (const auto &[artifact, type] :
         {std::pair{&spdx, QString(mediatype::SpdxJson)},
          std::pair{&cyclone, QString(mediatype::CycloneDxJson)},
          std::pair{&notation, QString(mediatype::NotationSignature)}}) {
        const QJsonObject doc = QJsonDocument::fromJson(artifact->raw).object();
        referrerEntries.append(artifact->descriptorJson(
            {{QStringLiteral("artifactType"), type},
             {QStringLiteral("annotations"), doc.value(QStringLiteral("annotations"))}}));
    }
    const Built referrers = buildIndex(QString(mediatype::OciIndex), referrerEntries);
    b.pushManifests(hello, {referrers}, QStringLiteral("the referrers fallback index"));
    summary.digests.insert(demokey::HelloReferrersIndex, referrers.digest);
    summary.referrersFallbackTag = amd64.digest.fallbackTag();
    summary.cosignTag = helloIndex.digest.fallbackTag() + QStringLiteral(".sig");

    // demo/hello-docker: the same platforms as a Docker manifest list.
    const QString helloDocker = QStringLiteral("demo/hello-docker");
    QList<Built> dockerImages;
    for (ImageSpec s : helloSpecs) {
        s.docker = true;
        dockerImages.append(buildImage(s));
    }
    b.pushManifests(helloDocker, dockerImages, QStringLiteral("Docker platform images"));
    QJsonArray dockerEntries;
    for (qsizetype i = 0; i < dockerImages.size(); ++i) {
        dockerEntries.append(dockerImages[i].descriptorJson(
            {{QStringLiteral("platform"), platformJson(helloSpecs[i])}}));
    }
    const Built dockerList =
        buildIndex(QString(mediatype::DockerManifestList), dockerEntries, {}, true);
    b.pushManifests(helloDocker, {dockerList}, QStringLiteral("the manifest list"));
    summary.digests.insert(demokey::HelloDocker, dockerList.digest);
    summary.digests.insert(demokey::HelloDockerAmd64, dockerImages[0].digest);

    // demo/nested: an index whose first entry is itself an index.
    const QString nested = QStringLiteral("demo/nested");
    b.pushManifests(nested, helloImages, QStringLiteral("platform images"));
    const Built inner = buildIndex(
        QString(mediatype::OciIndex),
        QJsonArray{helloImages[0].descriptorJson(
                       {{QStringLiteral("platform"), platformJson(helloSpecs[0])}}),
                   helloImages[1].descriptorJson(
                       {{QStringLiteral("platform"), platformJson(helloSpecs[1])}})},
        {{QStringLiteral("org.opencontainers.image.title"), QStringLiteral("hello for Linux")}});
    b.pushManifests(nested, {inner}, QStringLiteral("the inner index"));
    const Built outer = buildIndex(
        QString(mediatype::OciIndex),
        QJsonArray{inner.descriptorJson({{QStringLiteral("annotations"),
                                          titleAnnotation(QStringLiteral("hello for Linux"))}}),
                   helloImages[2].descriptorJson(
                       {{QStringLiteral("platform"), platformJson(helloSpecs[2])}})},
        {{QStringLiteral("org.opencontainers.image.title"), QStringLiteral("hello, nested")}});
    b.pushManifests(nested, {outer}, QStringLiteral("the outer index"));
    summary.digests.insert(demokey::NestedInner, inner.digest);
    summary.digests.insert(demokey::NestedOuter, outer.digest);

    // demo/big-index: > 3 MiB of index (many entries, long annotations), under the 4 MiB cap.
    const QString bigRepo = QStringLiteral("demo/big-index");
    QList<Built> bigImages;
    QList<ImageSpec> bigSpecs;
    for (int i = 0; i < 3; ++i) {
        ImageSpec s = helloSpecs[i];
        s.name = QStringLiteral("component");
        s.message = QStringLiteral("big-index component image %1").arg(i);
        bigSpecs.append(s);
        bigImages.append(buildImage(s));
    }
    b.pushManifests(bigRepo, bigImages, QStringLiteral("component images"));
    Built big;
    {
        big.mediaType = QString(mediatype::OciIndex);
        const QString filler = QStringLiteral(
            "This entry exists to make the index large enough to exercise parsing, "
            "pretty-printing and highlighting of multi-megabyte documents without freezing "
            "the user interface. ");
        QByteArray entries;
        constexpr qsizetype Target = 3 * 1024 * 1024 + 256 * 1024;
        for (int i = 0; entries.size() < Target; ++i) {
            const int which = i % 3;
            const QJsonObject entry = bigImages[which].descriptorJson(
                {{QStringLiteral("platform"), platformJson(bigSpecs[which])},
                 {QStringLiteral("annotations"),
                  QJsonObject{{QStringLiteral("org.opencontainers.image.ref.name"),
                               QStringLiteral("component-%1").arg(i, 5, 10, QLatin1Char('0'))},
                              {QStringLiteral("org.opencontainers.image.title"),
                               QStringLiteral("Component %1 of the big index").arg(i)},
                              {QStringLiteral("org.opencontainers.image.description"),
                               QString(filler.repeated(6) + QString::number(i))}}}});
            if (!entries.isEmpty())
                entries += ',';
            entries += compact(entry);
        }
        big.raw = QByteArrayLiteral("{\"annotations\":{\"org.opencontainers.image.title\":"
                                    "\"A very large index\"},\"manifests\":[") +
                  entries + QByteArrayLiteral("],\"mediaType\":\"") +
                  QByteArray(mediatype::OciIndex.data(), mediatype::OciIndex.size()) +
                  QByteArrayLiteral("\",\"schemaVersion\":2}");
        big.digest = Digest::sha256(big.raw);
    }
    b.pushManifests(bigRepo, {big}, QStringLiteral("the big index"));
    summary.digests.insert(demokey::BigIndex, big.digest);
    summary.bigIndexBytes = big.raw.size();

    // demo/many-tags: a few images; the tags themselves come last.
    const QString manyRepo = QStringLiteral("demo/many-tags");
    QList<Built> manyImages;
    for (int i = 0; i < 3; ++i)
        manyImages.append(buildImage(tagImage(manyRepo, i)));
    b.pushManifests(manyRepo, manyImages, QStringLiteral("tag targets"));
    summary.digests.insert(demokey::ManyTagsLatest, manyImages.last().digest);

    // Tags last: everything they point at exists by now.
    DemoStep &tags = b.step(QStringLiteral("tagging"));
    b.addManifest(tags, apiRepo, QStringLiteral("v1.0"), api);
    b.addManifest(tags, apiRepo, QStringLiteral("latest"), api);
    b.addManifest(tags, hello, QStringLiteral("latest"), helloIndex);
    b.addManifest(tags, hello, QStringLiteral("1.0"), helloIndex);
    b.addManifest(tags, hello, summary.referrersFallbackTag, referrers);
    b.addManifest(tags, hello, summary.cosignTag, cosign);
    b.addManifest(tags, helloDocker, QStringLiteral("latest"), dockerList);
    b.addManifest(tags, nested, QStringLiteral("latest"), outer);
    b.addManifest(tags, bigRepo, QStringLiteral("latest"), big);
    b.addManifest(tags, manyRepo, QStringLiteral("latest"), manyImages.last());
    b.addManifest(b.step(QStringLiteral("tagging demo/hello:moving (first build)")), hello,
                  QStringLiteral("moving"), movingOld);
    b.addManifest(b.step(QStringLiteral("moving demo/hello:moving to the new build")), hello,
                  QStringLiteral("moving"), movingNew);

    DemoStep &many = b.step(QStringLiteral("pushing %1 tags to %2").arg(manyTags).arg(manyRepo));
    for (int i = 0; i < manyTags; ++i)
        b.addManifest(many, manyRepo, manyTagName(i), manyImages[i % manyImages.size()]);

    b.finish();
    return b.plan;
}

DemoPlan DemoPlan::tags(const QString &repository, int count)
{
    PlanBuilder b;
    QList<Built> images;
    for (int i = 0; i < 3; ++i)
        images.append(buildImage(tagImage(repository, i)));
    b.pushManifests(repository, images, QStringLiteral("tag targets"));
    DemoStep &tags = b.step(QStringLiteral("pushing %1 tags to %2").arg(count).arg(repository));
    for (int i = 0; i < count; ++i) {
        b.addManifest(tags, repository, QStringLiteral("tag-%1").arg(i, 5, 10, QLatin1Char('0')),
                      images[i % images.size()]);
    }
    b.addRepository(repository);
    b.finish();
    return b.plan;
}

} // namespace ocular
