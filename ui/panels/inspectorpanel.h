#pragma once

#include "http/requesthandle.h"
#include "models/treeselection.h"
#include "source/contentsource.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTabWidget;
class QTableView;

namespace ocular {

class AnnotationsModel;
class ContentView;
struct ImageConfig;

/// Shows the selected node: a header (reference, digest, type, size, created, total size) and
/// tabs with pretty JSON, the raw bytes and the annotations. Fetches config blobs and content
/// opened by digest itself; replies for an earlier selection are dropped.
class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    /// Preview cap for blobs (configs); larger ones are not shown.
    static constexpr qint64 kBlobPreviewBytes = 4 * 1024 * 1024;
    /// Layers up to this size are fetched for the Raw tab (hex view).
    static constexpr qint64 kLayerPreviewBytes = 64 * 1024;

    explicit InspectorPanel(QWidget *parent = nullptr);
    ~InspectorPanel() override;

    /// Not owned.
    void setSource(ContentSource *source);
    void showSelection(const TreeSelection &selection);
    /// Opens content by digest (a manifest, else a blob) when the tree has no node for it.
    void showDigest(const QString &repository, const Digest &digest);
    /// The user cancelled (Esc): stops what this panel loads and, when the selection was still
    /// waiting for content, says it was cancelled instead of "Loading…". Returns whether
    /// anything was loading.
    bool cancel();
    /// Whether the selection still waits for content (its own requests or the tree's).
    bool isLoading() const { return m_busy > 0 || m_waitingForTree; }

    const TreeSelection &selection() const { return m_selection; }
    ContentView *jsonView() const { return m_json; }
    ContentView *rawView() const { return m_raw; }
    QTabWidget *tabs() const { return m_tabs; }
    AnnotationsModel *annotations() const { return m_annotations; }
    /// Header values by field name: reference, digest, mediaType, size, created, totalSize.
    QString headerValue(const QString &field) const;

Q_SIGNALS:
    void digestActivated(const ocular::Digest &digest);
    void activityChanged(const QString &text);
    void problem(const QString &text);

private:
    void clearHeader();
    void setHeader(const QString &field, const QString &value, const QString &toolTip = {});
    void fillAnnotations();
    void showManifest(const Manifest &manifest);
    void loadConfig(const Descriptor &config, bool showAsContent);
    void loadLayerPreview(const Descriptor &layer);
    void applyConfig(const ImageConfig &config);
    /// Parses an image config on the thread pool; the result is applied if the selection is
    /// still `generation`.
    void parseConfigLater(const QByteArray &bytes, quint64 generation);
    void abortRequests();
    void begin(const QString &text);
    void end();

    QLabel *m_title;
    QHash<QString, QLabel *> m_fields;
    QTabWidget *m_tabs;
    ContentView *m_json;
    ContentView *m_raw;
    QTableView *m_annotationsView;
    AnnotationsModel *m_annotations;

    QPointer<ContentSource> m_source;
    TreeSelection m_selection;
    quint64 m_generation = 0;
    QList<RequestHandle> m_inFlight;
    int m_busy = 0;
    bool m_waitingForTree = false; ///< "Loading manifest…": the tree fetches it for us
};

} // namespace ocular
