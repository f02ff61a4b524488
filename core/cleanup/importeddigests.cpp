#include "cleanup/importeddigests.h"

#include "layout/ocilayout.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace ocular {

namespace {

constexpr qint64 MaxListBytes = 64LL * 1024 * 1024;

Error invalid(const QString &message)
{
    return Error::make(ErrorKind::InvalidInput, message);
}

} // namespace

Result<QList<Digest>> ImportedDigests::read(const QString &path)
{
    QList<Digest> out;
    QSet<Digest> seen;
    auto add = [&](const Digest &d) {
        if (!seen.contains(d)) {
            seen.insert(d);
            out.append(d);
        }
    };
    if (QFileInfo(path).isDir()) {
        const auto index = OciLayout(path).readIndex();
        if (!index)
            return invalid(QStringLiteral("import %1: %2").arg(path, index.error().message));
        for (const Descriptor &d : index->manifests)
            add(d.digest);
        return out;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(QStringLiteral("import %1: %2").arg(path, file.errorString()));
    if (file.size() > MaxListBytes)
        return invalid(QStringLiteral("import %1: larger than 64 MiB").arg(path));
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto digest = Digest::parse(line);
        if (!digest)
            return invalid(QStringLiteral("import %1, line %2: %3")
                               .arg(path)
                               .arg(number)
                               .arg(digest.error().message));
        add(digest.value());
    }
    return out;
}

} // namespace ocular
