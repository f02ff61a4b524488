#pragma once

#include "http/requesthandle.h"
#include "models/treeselection.h"
#include "referrers/cosignverifier.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace ocular {

class CapabilityProbe;
class ReferrerGraphModel;
class ReferrerWalker;
class RegistryClient;
class SbomViewer;
struct ReferrerNode;

/// The referrer graph of the selected manifest (all sources, each edge labelled), and a look
/// inside the selected referrer: SBOM packages, signature details, cosign verification.
class ReferrersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReferrersPanel(QWidget *parent = nullptr);
    ~ReferrersPanel() override;

    /// Not owned; null detaches.
    void setClient(RegistryClient *client, CapabilityProbe *probe = nullptr);
    void showSelection(const TreeSelection &selection);
    /// Walks from a tag or digest of `repository`.
    void showSubject(const QString &repository, const QString &reference);
    void setVerifier(std::optional<CosignVerifier> verifier);
    void cancel();

    ReferrerGraphModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    SbomViewer *sbomViewer() const { return m_sbom; }
    QString detailsText() const;

Q_SIGNALS:
    void graphLoaded(int referrers);
    void detailsShown();
    /// Double-click: show this manifest elsewhere (inspector).
    void digestActivated(const ocular::Digest &digest);
    void activityChanged(const QString &text);
    void problem(const QString &text);

private:
    void onCurrentChanged();
    void showDetails(const ReferrerNode &node, const Digest &subject);
    void loadLayer(const Descriptor &layer, std::function<void(const QByteArray &)> use);
    void chooseKey();

    RegistryClient *m_client = nullptr;
    CapabilityProbe *m_probe = nullptr;
    ReferrerWalker *m_walker = nullptr;
    ReferrerGraphModel *m_model;
    QTreeView *m_view;
    QLabel *m_header;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_details;
    SbomViewer *m_sbom;
    QPushButton *m_keyButton;
    QString m_repository;
    std::optional<CosignVerifier> m_verifier;
    RequestHandle m_walk;
    RequestHandle m_detail;
    int m_generation = 0;
    int m_detailGeneration = 0;
};

} // namespace ocular
