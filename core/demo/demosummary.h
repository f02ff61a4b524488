#pragma once

#include "reference/digest.h"

#include <QLatin1String>
#include <QMap>
#include <QStringList>

namespace ocular {

/// Names of the notable manifests in DemoSummary::digests.
namespace demokey {
inline constexpr QLatin1String ApiImage("team/service/api:v1.0");
inline constexpr QLatin1String HelloIndex("demo/hello:latest");
inline constexpr QLatin1String HelloAmd64("demo/hello linux/amd64");
inline constexpr QLatin1String HelloArm64("demo/hello linux/arm64/v8");
inline constexpr QLatin1String HelloWindows("demo/hello windows/amd64");
/// BuildKit-style attestation manifest inside demo/hello's index (attests the amd64 image).
inline constexpr QLatin1String HelloAttestation("demo/hello attestation");
/// Referrers of the amd64 image, listed in its fallback tag.
inline constexpr QLatin1String HelloSpdx("demo/hello spdx sbom");
inline constexpr QLatin1String HelloCycloneDx("demo/hello cyclonedx sbom");
inline constexpr QLatin1String HelloNotation("demo/hello notation signature");
/// The index stored under the fallback tag `sha256-<amd64 hex>`.
inline constexpr QLatin1String HelloReferrersIndex("demo/hello referrers index");
/// cosign-style signature of the index, tagged `sha256-<index hex>.sig`.
inline constexpr QLatin1String HelloCosign("demo/hello cosign signature");
/// The manifest `moving` pointed at first; untagged once the tag moved on.
inline constexpr QLatin1String HelloUntagged("demo/hello untagged");
inline constexpr QLatin1String HelloMoving("demo/hello:moving");
inline constexpr QLatin1String HelloDocker("demo/hello-docker:latest");
inline constexpr QLatin1String HelloDockerAmd64("demo/hello-docker linux/amd64");
inline constexpr QLatin1String NestedOuter("demo/nested:latest");
inline constexpr QLatin1String NestedInner("demo/nested inner index");
inline constexpr QLatin1String BigIndex("demo/big-index:latest");
inline constexpr QLatin1String ManyTagsLatest("demo/many-tags:latest");
} // namespace demokey

/// What a seeding run put into the registry; everything here is computed before pushing
/// (the content is deterministic) and confirmed by the registry's answers.
struct DemoSummary
{
    QStringList repositories;        ///< sorted
    QMap<QString, QStringList> tags; ///< repository → its tags, sorted
    QMap<QString, Digest> digests;   ///< demokey name → manifest digest
    QString referrersFallbackTag;    ///< `sha256-<hex>` of the amd64 image (demo/hello)
    QString cosignTag;               ///< `sha256-<hex>.sig` of the index (demo/hello)
    QString untaggedRepository;      ///< where the untagged manifest lives
    /// The public key that verifies the cosign signature; empty when it was signed by none.
    QByteArray cosignPublicKeyPem;
    qint64 bigIndexBytes = 0; ///< size of demo/big-index:latest
    int blobCount = 0;        ///< blob uploads requested (existing ones are skipped)
    int manifestCount = 0;    ///< manifest PUTs, tags included

    int tagCount() const
    {
        int n = 0;
        for (const QStringList &t : tags)
            n += int(t.size());
        return n;
    }
};

} // namespace ocular
