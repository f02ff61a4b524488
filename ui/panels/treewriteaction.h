#pragma once

#include <QString>
#include <functional>

namespace ocular {

/// One entry of the tree's Write section for a row (Push Artifact…, Add Tag…, Delete…): the
/// context menu and the Edit menu are built from the same list, so they offer the same writes
/// and open the same dialogs.
struct TreeWriteAction
{
    QString name; ///< stable, for lookups and tests: "addTag", "removeTag", "delete"…
    QString text; ///< the menu text, with its mnemonic
    bool enabled = true;
    std::function<void()> trigger;
};

} // namespace ocular
