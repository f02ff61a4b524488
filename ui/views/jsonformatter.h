#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace ocular {

/// Pretty-prints JSON text without parsing it into objects, so key order, number spelling and
/// string escapes stay exactly as the registry sent them.
class JsonFormatter
{
public:
    /// Indented text, or nullopt when `raw` is not valid JSON.
    static std::optional<QString> pretty(const QByteArray &raw, int indent = 2);
};

} // namespace ocular
