#pragma once

#include <QObject>

namespace ocular {

class CapabilityProbe;
class ReferrerWalker;
class RegistryClient;
class RegistryTreeModel;

/// Fills the "Referrers (n)" nodes of the repository tree when they are expanded: the direct
/// referrers of the parent manifest from every source, each labelled with kind and source.
class ReferrersTreeLoader : public QObject
{
    Q_OBJECT
public:
    explicit ReferrersTreeLoader(RegistryTreeModel *model, QObject *parent = nullptr);

    /// Not owned; null detaches (pending answers are dropped).
    void setClient(RegistryClient *client, CapabilityProbe *probe);

private:
    void load(const class QModelIndex &index);

    RegistryTreeModel *m_model;
    RegistryClient *m_client = nullptr;
    ReferrerWalker *m_walker = nullptr;
    quint64 m_generation = 0;
};

} // namespace ocular
