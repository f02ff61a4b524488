#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QDialog;
class QWidget;

namespace ocular {

class ActivityStatus;
class RegistrySources;
class RepositoryTreePanel;
struct ActivityEntry;
struct DeletionOutcome;
struct DeletionPlan;
struct TreeSelection;

/// Opens the write dialogs for nodes of the tree (Add Tag…, Copy To…, Remove Tag…), shows their
/// progress in the status bar, refreshes what they changed and appends what they did to the
/// activity log (off the GUI thread). One per window; the dialogs are the window's children, so
/// closing it cancels what they are doing.
class RegistryWrites : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        QWidget *window = nullptr;
        RepositoryTreePanel *tree = nullptr;
        ActivityStatus *activity = nullptr;
        RegistrySources *sources = nullptr;
        std::function<QString()> currentRegistry; ///< the URL the tree shows
        std::function<QStringList()> registries;  ///< every registry the user has added
    };

    explicit RegistryWrites(Context context, QObject *parent = nullptr);

    QDialog *addTag(const TreeSelection &selection);
    QDialog *copyTo(const TreeSelection &selection);
    /// Tag rows only; null for anything else.
    QDialog *removeTag(const TreeSelection &selection);
    /// The dialog opened last (for tests); null when closed.
    QDialog *currentDialog() const { return m_dialog; }

    /// Appends to the activity log without blocking; a failure is shown in the status bar.
    void record(const ActivityEntry &entry);
    /// Records a delete the tree's Delete… dialog sent (RepositoryTreePanel::manifestDeleted).
    void recordDelete(const DeletionPlan &plan, const DeletionOutcome &outcome);

Q_SIGNALS:
    /// An entry reached the activity log (or failed to: `ok` false).
    void recorded(bool ok);

private:
    QDialog *show(QDialog *dialog);

    Context m_context;
    QPointer<QDialog> m_dialog;
};

} // namespace ocular
