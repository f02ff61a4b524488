#pragma once

#include "demo/demosummary.h"
#include "reference/digest.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ocular {

class DemoSigningKey;

/// One push: a blob upload or a manifest PUT (by digest or by tag).
struct DemoOperation
{
    enum class Kind
    {
        Blob,
        Manifest
    };
    Kind kind = Kind::Blob;
    QString repository;
    QString reference; ///< manifests only: tag or digest string
    QByteArray bytes;
    QString mediaType; ///< manifests only: the Content-Type
    Digest digest;     ///< sha256 of bytes, checked against the registry's answer
};

/// Operations that may run concurrently; steps run one after another, so children are pushed
/// before parents and tags after everything they point at.
struct DemoStep
{
    QString text;
    QList<DemoOperation> operations;
};

/// The complete, deterministic list of pushes for the demo content, plus what it will produce.
struct DemoPlan
{
    QList<DemoStep> steps;
    DemoSummary summary;

    /// The demo registry content (see DemoSeeder); `manyTags` tags in demo/many-tags. With a
    /// key, the cosign-style signature is a real one by that key (the signed payload stays the
    /// same bytes); without, it is filler that no key verifies.
    static DemoPlan standard(int manyTags = 2000, const DemoSigningKey *signingKey = nullptr);
    /// `count` tags (`tag-00000`, ...) in `repository`, pointing at a few small images.
    static DemoPlan tags(const QString &repository, int count);
};

} // namespace ocular
