#pragma once

#include "http/requesthandle.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ocular {

class CapabilityProbe;
struct RegistryCapabilities;

/// What the registry (and repository) supports: each capability as supported / not
/// supported / unknown, with the evidence and when it was probed; Refresh probes again.
class CapabilitiesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CapabilitiesPanel(QWidget *parent = nullptr);

    /// Not owned; null detaches.
    void setProbe(CapabilityProbe *probe);
    void setRepository(const QString &repository);
    void refresh();
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void refreshed();

private:
    void show(const RegistryCapabilities &caps);

    CapabilityProbe *m_probe = nullptr;
    QTableWidget *m_table;
    QLabel *m_title;
    QPushButton *m_refresh;
    QString m_repository;
    RequestHandle m_handle;
};

} // namespace ocular
