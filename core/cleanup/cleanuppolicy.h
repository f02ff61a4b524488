#pragma once

#include "base/result.h"
#include "cleanup/cleanupcandidate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <optional>

namespace ocular {

/// Which cleanup candidates a user wants deleted: filters that must all hold. Saved as a JSON
/// file the CLI (`gc --policy FILE`) and the GUI's Cleanup panel both read:
///
///     {"name": "old builds", "classes": ["dangling image", "orphaned referrer"],
///      "olderThanDays": 30, "minSize": 1048576, "artifactTypes": ["application/*"],
///      "annotations": ["org.example.team=web", "org.opencontainers.image.source~^https://"],
///      "repositories": ["team/*"]}
///
/// A class in use (child of a tagged index, referrer of a live subject) is never selected,
/// whatever the file says; "unknown" only when named.
class CleanupPolicy
{
public:
    /// One annotation condition: `key=value` (exact) or `key~regex` (anywhere in the value).
    struct AnnotationFilter
    {
        QString key;
        QString value;            ///< for `=`
        QRegularExpression regex; ///< for `~` (valid when this form was used)
        bool isRegex = false;
        QString text() const; ///< as written: `key=value` or `key~regex`
        static Result<AnnotationFilter> parse(const QString &text);
    };

    QString name;
    /// Empty: the default set (dangling image, orphaned referrer, replaced fallback index).
    QList<CleanupClass> classes;
    std::optional<int> olderThanDays; ///< needs a known age; an unknown age never qualifies
    std::optional<qint64> minSize;    ///< reclaimable bytes at least this
    QStringList artifactTypes;        ///< wildcard patterns; empty: any (even none)
    QList<AnnotationFilter> annotations;
    QStringList repositories; ///< wildcard patterns over the repository name; empty: any

    /// The classes this policy selects from (the default set when `classes` is empty).
    QList<CleanupClass> effectiveClasses() const;

    static Result<CleanupPolicy> fromJson(const QByteArray &json);
    static Result<CleanupPolicy> load(const QString &path);
    QByteArray toJson() const;
    Result<Done> save(const QString &path) const;

    /// Whether the policy selects `candidate` of `repository` at `now`, and why (or why not).
    struct Verdict
    {
        bool selected = false;
        QString why;
    };
    Verdict judge(const CleanupCandidate &candidate, const QString &repository,
                  const QDateTime &now) const;
    /// Sets `selected` and `verdict` on every candidate; returns how many are selected.
    int apply(QList<CleanupCandidate> &candidates, const QString &repository,
              const QDateTime &now) const;
};

/// The class a stable name stands for ("dangling image", ...), when it is one.
std::optional<CleanupClass> cleanupClassFromName(const QString &name);

} // namespace ocular
