#pragma once

#include "http/tlssettings.h"
#include "reference/digest.h"

#include <QString>

#include <optional>

namespace ocular {

class ContentSource;
class RegistryClient;

/// What an equivalent command line should fetch, and how Ocular reaches that registry (the
/// transport choices only: credentials never belong in a command someone may paste anywhere).
struct CommandTarget
{
    /// The kind of thing fetched; it decides which subcommand each tool needs.
    enum class Kind
    {
        TagList,   ///< the tags of `repository`
        Manifest,  ///< a manifest or index, by `digest` when set, else by `tag`
        Blob,      ///< a config or layer, by `digest`
        Referrers, ///< the referrers of the manifest `digest`
    };

    Kind kind = Kind::Manifest;
    QString registry;       ///< host[:port] as used in references (docker.io, localhost:5000)
    bool plainHttp = false; ///< the registry is reached over plain HTTP
    TlsSettings tls;        ///< the registry's CA, client certificate and skip-verify choice
    QString repository;
    QString tag;
    Digest digest;

    /// The transport part (registry, plain HTTP, TLS) as @p client uses it right now: after a
    /// loopback registry fell back to plain HTTP, that is what the commands must say too.
    static CommandTarget connectionOf(const RegistryClient &client);
    /// The same for the registry behind @p source (through caching layers); nothing for a
    /// source that is not a registry (an OCI layout, memory): no tool reaches it over HTTP.
    static std::optional<CommandTarget> connectionOf(const ContentSource *source);
};

} // namespace ocular
