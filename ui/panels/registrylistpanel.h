#pragma once

#include <QWidget>

class QListWidget;
class QToolButton;

namespace ocular {

/// The registries the user added (URLs only, never credentials), remembered in QSettings.
class RegistryListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RegistryListPanel(QWidget *parent = nullptr);

    QStringList registries() const;
    QString currentRegistry() const;
    /// Adds (unless present) and selects; persisted unless `remember` is false (the demo
    /// registry's port changes every run).
    void addRegistry(const QString &url, bool remember = true);
    void removeRegistry(const QString &url);
    void selectRegistry(const QString &url);
    QListWidget *list() const { return m_list; }

    /// Loads the remembered list (does not select anything).
    void restore();

Q_SIGNALS:
    void currentRegistryChanged(const QString &url);
    void addRequested();

private:
    void save() const;
    int rowOf(const QString &url) const;

    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_remove;
};

} // namespace ocular
