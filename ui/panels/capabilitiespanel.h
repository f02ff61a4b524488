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

    ~CapabilitiesPanel() override;

    /// Not owned; null detaches (a probe in flight is cancelled and its answer dropped).
    void setProbe(CapabilityProbe *probe);
    /// While the panel is visible, what is not known yet for it is probed (once).
    void setRepository(const QString &repository);
    /// Probes everything again.
    void refresh();
    bool isProbing() const { return m_probing; }
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void refreshed();

protected:
    void showEvent(class QShowEvent *event) override;

private:
    void show(const RegistryCapabilities &caps);
    void startProbe(bool refresh);
    void stopProbe();

    CapabilityProbe *m_probe = nullptr;
    QTableWidget *m_table;
    QLabel *m_title;
    QPushButton *m_refresh;
    QString m_repository;
    RequestHandle m_handle;
    int m_generation = 0;
    bool m_probing = false;
};

} // namespace ocular
