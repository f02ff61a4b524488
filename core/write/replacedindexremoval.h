#pragma once

#include "async/asynctask.h"
#include "reference/digest.h"

#include <QString>

namespace ocular {

class ContentSource;
struct FallbackIndexChange;

/// What became of the index a fallback index write replaced (it is untagged afterwards).
struct ReplacedIndexRemoval
{
    Digest index;
    bool deleted = false;
    QString note; ///< why it was kept, when it was (the registry's answer, a tag naming it)

    /// One sentence for a report ("deleted the replaced fallback index sha256:…").
    QString describe() const;
};

/// Deletes the index `change` replaced, by digest; the push and the copy both do this after a
/// fallback write. Only while the fallback tag names another index: an index can come back to
/// the same bytes after a remove, and deleting by digest takes every tag on it. A refusal
/// (405) is a note, not an error: keeping the index leaves what not deleting it would have.
/// Delivers at once (nothing to do) when the change replaced nothing or deleted its tag.
RequestHandle removeReplacedIndex(ContentSource *source, const QString &repository,
                                  const FallbackIndexChange &change, QObject *context,
                                  async::Callback<ReplacedIndexRemoval> done);

} // namespace ocular
