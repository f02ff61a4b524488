#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace ocular {

/// Removes secrets from text meant for logs, error messages and crash reports: credentials in
/// headers, tokens in JSON, passwords in URLs and the signatures of pre-signed storage URLs.
namespace redact {

/// What replaces a secret.
inline constexpr char Marker[] = "[redacted]";

/// The URL without user info, and with every query value replaced by the marker except a few
/// that carry no secret (scope, service, n, last, digest, mount, from, artifactType).
QString url(const QUrl &url);
/// The value of header @p name as it may be logged: Authorization keeps only its scheme,
/// Cookie, tokens and other credential headers become the marker.
QByteArray headerValue(QByteArrayView name, const QByteArray &value);
/// Whether header @p name carries credentials.
bool isSensitiveHeader(QByteArrayView name);
/// Scrubs free text: `Bearer`/`Basic` credentials, JSON members named like secrets
/// (token, access_token, refresh_token, password, secret, auth, identitytoken), JWTs, user
/// info and query strings of URLs inside the text.
QString text(const QString &text);

} // namespace redact
} // namespace ocular
