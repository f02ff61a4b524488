#include "replacedindexremoval.h"

#include "source/contentsource.h"
#include "write/fallbackindexwriter.h"

#include <QPointer>

namespace ocular {

QString ReplacedIndexRemoval::describe() const
{
    if (deleted)
        return QStringLiteral("deleted the replaced fallback index %1 (it was untagged)")
            .arg(index.toString());
    return QStringLiteral("kept the replaced fallback index %1, untagged: %2")
        .arg(index.toString(), note.isEmpty() ? QStringLiteral("not deleted") : note);
}

RequestHandle removeReplacedIndex(ContentSource *source, const QString &repository,
                                  const FallbackIndexChange &change, QObject *context,
                                  async::Callback<ReplacedIndexRemoval> done)
{
    ReplacedIndexRemoval removal;
    if (!change.replacedIndex || change.tagDeleted || !source) {
        async::deliverLater(context, [done, removal] { done(removal); });
        return RequestHandle();
    }
    removal.index = *change.replacedIndex;
    QPointer<ContentSource> guarded(source);
    RequestHandle handle;
    handle.setCurrentStep(source->resolve(
        repository, change.tag, context,
        [guarded, repository, context, removal, handle, done](Result<ResolvedReference> now) {
            if (!now.ok() && now.error().kind == ErrorKind::Cancelled)
                return done(now.error());
            if (now.ok() && now->descriptor.digest == removal.index) {
                ReplacedIndexRemoval kept = removal;
                kept.note = QStringLiteral("the fallback tag names it again");
                return done(kept);
            }
            if (!guarded)
                return done(Error::cancelled());
            handle.setCurrentStep(guarded->deleteManifest(
                repository, removal.index.toString(), context,
                [removal, done](Result<Done> deleted) {
                    ReplacedIndexRemoval result = removal;
                    if (!deleted.ok() && deleted.error().kind == ErrorKind::Cancelled)
                        return done(deleted.error());
                    result.deleted = deleted.ok();
                    if (!deleted.ok())
                        result.note = deleted.error().message;
                    done(result);
                }));
        }));
    return handle;
}

} // namespace ocular
