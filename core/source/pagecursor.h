#pragma once

#include <QString>

namespace ocular {

/// Where a listing continues. Opaque to callers: only the ContentSource that issued it knows
/// what its token means (a Link URL for a registry, a last name for memory), so callers cannot
/// build, edit or point one somewhere else.
class PageCursor
{
public:
    /// The first page (same as start()).
    PageCursor() = default;
    /// The first page of a listing.
    static PageCursor start() { return PageCursor(Kind::Start, {}); }
    /// There is no further page.
    static PageCursor end() { return PageCursor(Kind::End, {}); }
    /// For ContentSource implementations only: a continuation they will understand again.
    static PageCursor continueAt(const QString &token) { return PageCursor(Kind::Next, token); }

    bool isStart() const { return m_kind == Kind::Start; }
    bool isEnd() const { return m_kind == Kind::End; }
    /// For ContentSource implementations only.
    const QString &token() const { return m_token; }

    friend bool operator==(const PageCursor &a, const PageCursor &b) = default;

private:
    enum class Kind
    {
        Start,
        Next,
        End
    };
    PageCursor(Kind kind, QString token)
        : m_kind(kind)
        , m_token(std::move(token))
    {}
    Kind m_kind = Kind::Start;
    QString m_token;
};

} // namespace ocular
