#include "referrerstreeloader.h"

#include "models/registrytreemodel.h"
#include "referrers/referrerwalker.h"

#include <QPersistentModelIndex>
#include <utility>

namespace ocular {

ReferrersTreeLoader::ReferrersTreeLoader(RegistryTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &RegistryTreeModel::childrenRequested, this, &ReferrersTreeLoader::load);
}

ReferrersTreeLoader::~ReferrersTreeLoader()
{
    cancelWalks();
}

void ReferrersTreeLoader::cancelWalks()
{
    const QHash<quint64, RequestHandle> walks = std::exchange(m_walks, {});
    for (const RequestHandle &walk : walks)
        walk.cancel();
}

void ReferrersTreeLoader::setSource(ContentSource *source, CapabilityProbe *probe)
{
    ++m_generation;
    // The walks deliver to the walker (their context), so deleting it after cancelling drops
    // every answer still queued: none can reach the walker's own steps once it is gone.
    cancelWalks();
    delete m_walker;
    m_walker = source ? new ReferrerWalker(source, probe, this) : nullptr;
}

void ReferrersTreeLoader::load(const QModelIndex &index)
{
    const TreeNode *node = m_model->node(index);
    if (!node || node->kind != NodeKind::Referrers || !node->parent || !m_walker)
        return;
    const Digest subject = node->parent->digest();
    if (!subject.isValid())
        return m_model->setFailed(index, tr("the manifest is not loaded"));
    ReferrerWalker::Options options;
    options.maxDepth = 1; // deeper levels load when their own Referrers node is expanded
    options.walkIndexChildren = false;
    const QPersistentModelIndex target(index);
    const quint64 generation = m_generation;
    const quint64 id = ++m_nextWalk;
    m_walks.insert(
        id, m_walker->walk(node->repository, subject.toString(), options, m_walker,
                           [this, target, generation, subject, id](Result<ReferrerGraph> graph) {
                               m_walks.remove(id);
                               if (generation != m_generation || !target.isValid())
                                   return;
                               if (!graph.ok())
                                   return m_model->setFailed(target, graph.error().toString());
                               QList<Descriptor> referrers;
                               QStringList labels;
                               for (const ReferrerEdge &edge : graph->referrersOf(subject)) {
                                   const ReferrerNode *n = graph->node(edge.to);
                                   if (!n)
                                       continue;
                                   Descriptor d;
                                   d.mediaType = n->mediaType;
                                   d.digest = n->digest;
                                   d.size = n->size;
                                   d.artifactType = n->artifactType;
                                   d.annotations = n->annotations;
                                   referrers.append(d);
                                   labels.append(QStringLiteral("%1 (%2)").arg(
                                       n->classification.label, referrerSourceNames(edge.sources)));
                               }
                               m_model->setReferrers(target, referrers, labels);
                           }));
}

} // namespace ocular
