#include "deletionplanloader.h"

#include "source/contentsource.h"
#include "views/displayformat.h"

#include <memory>

namespace ocular {

DeletionPlanLoader::DeletionPlanLoader(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_builder(new DeletionPlanBuilder(source, this))
{}

DeletionPlanLoader::~DeletionPlanLoader()
{
    cancel();
}

void DeletionPlanLoader::load(const QString &repository, const QString &reference,
                              const DeletionOptions &options)
{
    cancel();
    const quint64 generation = ++m_generation;
    m_repository = repository;
    m_options = options;
    m_basis.reset();
    m_loading = true;
    if (!m_source)
        return fail(generation, tr("The registry is no longer open."));

    const Result<Digest> digest = Digest::parse(reference);
    if (digest) {
        m_target = digest.value();
        return build(generation);
    }
    m_target = Digest();
    Q_EMIT step(tr("Resolving %1:%2…").arg(repository, reference));
    const quint64 request = ++m_request;
    track(request,
          m_source->resolve(repository, reference, this,
                            [this, generation, reference](Result<ResolvedReference> resolved) {
                                if (generation != m_generation)
                                    return;
                                if (!resolved)
                                    return fail(generation,
                                                tr("Could not resolve the tag %1: %2")
                                                    .arg(reference, resolved.error().toString()));
                                m_target = resolved->descriptor.digest;
                                build(generation);
                            }));
}

void DeletionPlanLoader::build(quint64 generation)
{
    if (!m_source)
        return fail(generation, tr("The registry is no longer open."));
    using Stage = DeletionPlanBuilder::Stage;
    // The stage a failure happened in names what could not be read.
    auto stage = std::make_shared<Stage>(Stage::ReadingInventory);
    const quint64 request = ++m_request;
    track(request,
          m_builder->build(
              m_repository, m_target, m_options, this,
              [this, generation, stage](Result<DeletionPlanBuilder::Built> built) {
                  if (generation != m_generation)
                      return;
                  if (!built) {
                      if (!m_source)
                          return fail(generation, tr("The registry is no longer open."));
                      if (*stage == Stage::ReadingUntaggedTarget)
                          return fail(generation,
                                      tr("Could not read the manifest %1: %2")
                                          .arg(m_target.toString(), built.error().toString()));
                      return fail(generation, tr("Could not read the repository %1: %2")
                                                  .arg(m_repository, built.error().toString()));
                  }
                  m_basis = built->basis;
                  m_loading = false;
                  m_current = RequestHandle();
                  Q_EMIT planned(built->plan);
              },
              [this, generation, stage](Stage now) {
                  if (generation != m_generation)
                      return;
                  *stage = now;
                  switch (now) {
                  case Stage::ReadingInventory:
                      Q_EMIT step(tr("Reading every tag and manifest of %1 to see what the "
                                     "delete touches…")
                                      .arg(m_repository));
                      break;
                  case Stage::ReadingUntaggedTarget:
                      Q_EMIT step(tr("Reading %1…").arg(displayformat::shortDigest(m_target)));
                      break;
                  case Stage::Planning:
                      Q_EMIT step(tr("Working out what the delete does…"));
                      break;
                  }
              }));
}

void DeletionPlanLoader::track(quint64 request, const RequestHandle &handle)
{
    // A reply delivered synchronously (from a cache) may already have started the next request;
    // its handle is the one cancel() must reach, not this finished one.
    if (request == m_request && m_loading)
        m_current = handle;
}

bool DeletionPlanLoader::replan(const DeletionOptions &options)
{
    if (!m_basis)
        return false;
    m_options = options;
    m_loading = true;
    planInBackground(++m_generation);
    return true;
}

void DeletionPlanLoader::planInBackground(quint64 generation)
{
    Q_EMIT step(tr("Working out what the delete does…"));
    const quint64 request = ++m_request;
    track(request, DeletionPlanBuilder::plan(
                       *m_basis, m_options, this, [this, generation](Result<DeletionPlan> plan) {
                           if (generation != m_generation)
                               return;
                           if (!plan)
                               return fail(generation, plan.error().toString());
                           m_loading = false;
                           m_current = RequestHandle();
                           Q_EMIT planned(plan.value());
                       }));
}

void DeletionPlanLoader::cancel()
{
    ++m_generation;
    m_loading = false;
    const RequestHandle current = m_current;
    m_current = RequestHandle();
    current.cancel();
}

void DeletionPlanLoader::fail(quint64 generation, const QString &message)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_current = RequestHandle();
    Q_EMIT failed(message);
}

} // namespace ocular
