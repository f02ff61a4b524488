#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace ocular {

/// One challenge from a WWW-Authenticate header (RFC 7235): scheme plus auth-params.
struct AuthChallenge
{
    QString scheme;                ///< lower-cased: "bearer", "basic", ...
    QMap<QString, QString> params; ///< names lower-cased, values unquoted and unescaped

    /// Parses every challenge in every header value; malformed pieces are skipped.
    static QList<AuthChallenge> parse(const QList<QByteArray> &headerValues);
    QString param(const QString &name) const { return params.value(name.toLower()); }
};

} // namespace ocular
