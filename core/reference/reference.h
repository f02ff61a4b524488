#pragma once

#include "base/result.h"
#include "reference/digest.h"

#include <QString>

namespace ocular {

/// An image reference `[host[:port]/]path[:tag][@digest]`, normalised per Docker Hub rules.
class Reference
{
public:
    Reference() = default;

    /// Parses a full reference; `alpine` becomes `docker.io/library/alpine` (no tag implied).
    static Result<Reference> parse(QStringView text);
    /// Parses what a user types for a registry they are already on (the GUI's Open dialog):
    /// `repo`, `repo:tag`, `repo@digest`, `repo:tag@digest`, all relative to @p registry
    /// (Docker Hub's `library/` rule applies there). The text is a path: its first component
    /// is never taken for a host (`a.b/c` is the repository `a.b/c`), except that a full
    /// reference naming @p registry itself is accepted too. Error messages say what to type.
    static Result<Reference> parseInRegistry(const QString &registry, QStringView text);
    /// When @p text has no repository path but is (or looks like) a registry host —
    /// `127.0.0.1:5000`, `localhost`, `registry.example.com`, `[::1]:5000`, optionally with a
    /// tag or digest — a message that says so and how to name a repository; empty otherwise.
    /// docker would read `localhost:5000` as the Docker Hub image `library/localhost`, tag
    /// 5000: where a repository is required, such input is a usage error instead, never a
    /// silent trip to Docker Hub.
    static QString hostOnlyProblem(QStringView text);
    /// Builds a reference from parts that were validated elsewhere (e.g. a catalog entry).
    static Result<Reference> fromParts(const QString &registry, const QString &repository,
                                       const QString &tag = {}, const Digest &digest = {});

    static bool isValidRepository(QStringView path);
    static bool isValidTag(QStringView tag);
    /// A registry host: DNS name or IPv4 or [IPv6], optional :port.
    static bool isValidRegistryHost(QStringView host);
    /// The host the HTTP API lives on: docker.io → registry-1.docker.io; others unchanged.
    static QString apiHost(const QString &registry);

    bool isValid() const { return !m_repository.isEmpty(); }
    const QString &registry() const { return m_registry; }
    const QString &repository() const { return m_repository; }
    const QString &tag() const { return m_tag; }
    const Digest &digest() const { return m_digest; }
    bool hasTag() const { return !m_tag.isEmpty(); }
    bool hasDigest() const { return m_digest.isValid(); }

    /// What to put in /manifests/<identifier>: the digest when present, else the tag, else latest.
    QString identifier() const;
    /// `registry/repository`
    QString name() const;
    /// Canonical form `registry/repository[:tag][@digest]`.
    QString toString() const;

    Reference withTag(const QString &tag) const;
    Reference withDigest(const Digest &digest) const;
    Reference withoutTag() const;

    friend bool operator==(const Reference &, const Reference &) = default;

private:
    QString m_registry;
    QString m_repository;
    QString m_tag;
    Digest m_digest;
};

} // namespace ocular
