#include "authchallenge.h"

namespace ocular {

namespace {

// A tiny cursor-based tokenizer over one header value.
class ChallengeScanner
{
public:
    explicit ChallengeScanner(const QByteArray &text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    void skipSpace()
    {
        while (!atEnd() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    void skipSpaceAndCommas()
    {
        while (!atEnd() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == ','))
            ++m_pos;
    }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void advance() { ++m_pos; }
    qsizetype position() const { return m_pos; }
    void reset(qsizetype pos) { m_pos = pos; }

    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(m_text[m_pos]))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    // token68 may end in '=' padding; used by Basic/Negotiate style challenges.
    QByteArray quoted()
    {
        QByteArray out;
        advance(); // opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '\\' && !atEnd()) {
                out.append(m_text[m_pos++]);
                continue;
            }
            if (c == '"')
                return out;
            out.append(c);
        }
        return out; // unterminated: take what there is
    }

private:
    static bool isTokenChar(char c)
    {
        if (c >= 'a' && c <= 'z')
            return true;
        if (c >= 'A' && c <= 'Z')
            return true;
        if (c >= '0' && c <= '9')
            return true;
        return QByteArrayView("!#$%&'*+-.^_`|~/:").contains(c);
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

void parseOne(const QByteArray &value, QList<AuthChallenge> &out)
{
    ChallengeScanner scan(value);
    // Index, not pointer: `out` may reallocate as challenges are appended.
    qsizetype current = -1;
    int guard = 0;
    while (!scan.atEnd() && ++guard < 4096) {
        scan.skipSpaceAndCommas();
        if (scan.atEnd())
            break;
        const QByteArray name = scan.token();
        if (name.isEmpty()) {
            scan.advance(); // unexpected character: skip it
            continue;
        }
        scan.skipSpace();
        if (scan.peek() == '=') {
            scan.advance();
            scan.skipSpace();
            const QByteArray paramValue = scan.peek() == '"' ? scan.quoted() : scan.token();
            // A parameter before any scheme belongs to nothing: dropped, value included.
            if (current >= 0)
                out[current].params.insert(QString::fromUtf8(name).toLower(),
                                           QString::fromUtf8(paramValue));
            continue;
        }
        // A bare token starts a new challenge (its scheme).
        out.append(AuthChallenge{QString::fromUtf8(name).toLower(), {}});
        current = out.size() - 1;
        // A token68 credential may follow the scheme ("Negotiate abc=="): it is not a param.
        // It is one when its '=' padding is not followed by a value.
        const qsizetype afterScheme = scan.position();
        const QByteArray maybeToken68 = scan.token();
        if (maybeToken68.isEmpty())
            continue;
        int padding = 0;
        while (scan.peek() == '=') {
            scan.advance();
            ++padding;
        }
        scan.skipSpace();
        const bool ends = scan.atEnd() || scan.peek() == ',';
        if (padding == 0 ? !ends : (padding == 1 && !ends))
            scan.reset(afterScheme); // a parameter or the next scheme: parse it normally
    }
}

} // namespace

QList<AuthChallenge> AuthChallenge::parse(const QList<QByteArray> &headerValues)
{
    QList<AuthChallenge> challenges;
    for (const QByteArray &value : headerValues) {
        if (value.size() > 16 * 1024)
            continue;
        parseOne(value, challenges);
    }
    return challenges;
}

} // namespace ocular
