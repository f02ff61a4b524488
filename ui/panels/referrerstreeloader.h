#pragma once

#include "http/requesthandle.h"

#include <QHash>
#include <QObject>

namespace ocular {

class CapabilityProbe;
class ContentSource;
class ReferrerWalker;
class RegistryTreeModel;

/// Fills the "Referrers (n)" nodes of the repository tree when they are expanded: the direct
/// referrers of the parent manifest from every source, each labelled with kind and source.
class ReferrersTreeLoader : public QObject
{
    Q_OBJECT
public:
    explicit ReferrersTreeLoader(RegistryTreeModel *model, QObject *parent = nullptr);
    ~ReferrersTreeLoader() override;

    /// Not owned; null detaches. Walks in flight are cancelled and their answers dropped.
    /// `probe` may be null.
    void setSource(ContentSource *source, CapabilityProbe *probe);
    /// Walks started and not yet answered.
    int pendingWalks() const { return int(m_walks.size()); }

private:
    void load(const class QModelIndex &index);
    void cancelWalks();

    RegistryTreeModel *m_model;
    ReferrerWalker *m_walker = nullptr;
    QHash<quint64, RequestHandle> m_walks;
    quint64 m_nextWalk = 0;
    quint64 m_generation = 0;
};

} // namespace ocular
