#include "ocilayoutreference.h"

#include "reference/tagname.h"

#include <QRegularExpression>

namespace ocular {

namespace {

Error invalid(const QString &text, const QString &why)
{
    return Error::make(ErrorKind::InvalidInput,
                       QStringLiteral("\"%1\" is not an OCI layout reference: %2 (expected "
                                      "oci:DIR[:TAG|@DIGEST]).")
                           .arg(text, why));
}

} // namespace

Result<OciLayoutReference> OciLayoutReference::parse(const QString &text)
{
    if (!matches(text))
        return invalid(text, QStringLiteral("it does not start with oci:"));
    QString rest = text.mid(4);
    OciLayoutReference out;
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    // A digest is `@alg:…` (it may itself contain '/' when hostile): found before the '/' rule.
    static const QRegularExpression digestStart(QStringLiteral("@[a-z0-9]+(?:[+._-][a-z0-9]+)*:"));
    qsizetype at = -1;
    for (auto it = digestStart.globalMatch(rest); it.hasNext();)
        at = it.next().capturedStart();
    if (at >= 0) {
        const auto digest = Digest::parse(QStringView(rest).mid(at + 1));
        if (!digest.ok())
            return invalid(text, digest.error().message);
        out.digest = digest.value();
        rest.truncate(at);
    } else {
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        if (colon > slash) {
            const QString tag = rest.mid(colon + 1);
            const QString problem = TagName::problem(tag);
            if (!problem.isEmpty())
                return invalid(text, problem);
            out.tag = tag;
            rest.truncate(colon);
        }
    }
    if (rest.isEmpty())
        return invalid(text, QStringLiteral("the directory is empty"));
    out.directory = rest;
    return out;
}

} // namespace ocular
