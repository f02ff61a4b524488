#pragma once

#include <QString>

class QDateTime;

namespace ocular {

class Digest;
struct RegistryEndpoint;

/// How the user interface writes dates, digests and registry names, so that every panel says
/// them the same way.
namespace displayformat {

/// Hex characters of a short digest (`sha256:0123456789ab`).
constexpr int kShortDigestHexChars = 12;

/// `2026-03-04 05:06` in local time; empty for an invalid or placeholder date (year 1, which
/// Go writes for a missing time).
QString dateTime(const QDateTime &when);
/// An RFC 3339 / ISO 8601 text (an annotation, a config field) written like dateTime(); the
/// text itself when it does not parse, empty when it is empty.
QString dateTime(const QString &isoText);
/// `sha256:0123456789ab`; empty for an invalid digest.
QString shortDigest(const Digest &digest);
/// The name a registry goes by in references (`127.0.0.1:5000`, `ghcr.io`), never a URL.
QString registryName(const RegistryEndpoint &endpoint);
/// registryName() of a typed address or URL (`http://127.0.0.1:5000` → `127.0.0.1:5000`); the
/// text itself when it does not parse.
QString registryName(const QString &address);

} // namespace displayformat

} // namespace ocular
