#pragma once

#include "http/requesthandle.h"
#include "models/treeselection.h"
#include "referrers/cosignverifier.h"

#include <QPointer>
#include <QSet>
#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTreeView;

namespace ocular {

class CapabilityProbe;
class ContentSource;
class ReferrerGraphModel;
class ReferrerWalker;
class ReferenceMenu;
class SbomViewer;
struct ProvenanceSummary;
struct ReferrerNode;

/// The referrer graph of the selected manifest (all sources, each edge labelled), and a look
/// inside the selected referrer: SBOM packages, signature details, cosign verification.
class ReferrersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReferrersPanel(QWidget *parent = nullptr);
    ~ReferrersPanel() override;

    /// Not owned; null detaches. The walk and the detail load in flight are cancelled and
    /// their answers dropped. `probe` (may be null) is fed what the walks learn about the
    /// referrers API, and its answer is shown in the header.
    void setSource(ContentSource *source, CapabilityProbe *probe = nullptr);
    void showSelection(const TreeSelection &selection);
    /// Walks from a tag or digest of `repository`.
    void showSubject(const QString &repository, const QString &reference);
    void setVerifier(std::optional<CosignVerifier> verifier);
    /// Ends the walk and the detail load in flight (their answers are dropped).
    void cancel();
    bool isWalking() const { return m_walking; }

    ReferrerGraphModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    SbomViewer *sbomViewer() const { return m_sbom; }
    QString detailsText() const;
    /// Whether the pane under the table (details, SBOM) is shown: only when it has something.
    bool detailsVisible() const;
    QPushButton *keyButton() const { return m_keyButton; }
    /// The provenance summary as the details pane shows it.
    static QString provenanceText(const ProvenanceSummary &provenance);

    /// The right-click menu of a referrer row (null where the row names no manifest).
    ReferenceMenu *contextMenuFor(const QModelIndex &index);

Q_SIGNALS:
    void graphLoaded(int referrers);
    void detailsShown();
    /// Double-click: show this manifest elsewhere (inspector).
    void digestActivated(const ocular::Digest &digest);
    void activityChanged(const QString &text);
    void problem(const QString &text);
    /// A short confirmation for the status bar ("Copied …").
    void information(const QString &text);
    /// Context menu: open `repository@digest` in a new window.
    void openInNewWindowRequested(const QString &relativeReference);

private:
    /// (Re)walks m_reference in m_repository, into m_expandIndexes as well.
    void walk();
    void onCurrentChanged();
    void showDetails(const ReferrerNode &node, const Digest &subject);
    void loadLayer(const Descriptor &layer, std::function<void(const QByteArray &)> use);
    /// loadLayer(), then `describe` on the pool; its text is appended to the details.
    void describeLayer(const Descriptor &layer,
                       std::function<QString(const QByteArray &)> describe);
    void chooseKey();
    void showDetailsPane(bool details, bool sbom);
    /// The layer holding SLSA provenance, by its predicate-type annotation (or the only layer
    /// of a provenance attestation).
    static std::optional<Descriptor> provenanceLayer(const ReferrerNode &node);
    void loadProvenance(const Descriptor &layer);

    /// Guarded: a source deleted without detaching first must not be called.
    QPointer<ContentSource> m_source;
    CapabilityProbe *m_probe = nullptr;
    ReferrerWalker *m_walker = nullptr;
    ReferrerGraphModel *m_model;
    QTreeView *m_view;
    QLabel *m_header;
    QSplitter *m_splitter;
    QSplitter *m_bottom;
    QPlainTextEdit *m_details;
    SbomViewer *m_sbom;
    QPushButton *m_keyButton;
    QString m_repository;
    QString m_reference;
    /// Indexes cut by the nesting limit that the user asked to walk into ("more…").
    QSet<Digest> m_expandIndexes;
    std::optional<CosignVerifier> m_verifier;
    RequestHandle m_walk;
    RequestHandle m_detail;
    int m_generation = 0;
    int m_detailGeneration = 0;
    bool m_walking = false;
};

} // namespace ocular
