#include "repositorysearchloader.h"

#include "base/offthread.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/contentsource.h"

#include <QTimer>

namespace ocular {

RepositorySearchLoader::RepositorySearchLoader(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_builder(new RepositoryInventoryBuilder(source, this))
    , m_progress(new QTimer(this))
{
    // The builder reports no progress of its own; the requests it has made so far are a
    // truthful sign that something is happening.
    m_progress->setInterval(250);
    connect(m_progress, &QTimer::timeout, this, [this] {
        Q_EMIT step(tr("Reading every tag and manifest of %1… (%n request(s))", nullptr,
                       m_builder->requestsMade())
                        .arg(m_repository));
    });
}

RepositorySearchLoader::~RepositorySearchLoader()
{
    cancel();
}

void RepositorySearchLoader::search(const QString &repository, const QString &text)
{
    cancel();
    const quint64 generation = ++m_generation;
    if (repository != m_repository)
        m_inventory.reset();
    m_repository = repository;
    m_text = text;
    m_searching = true;
    if (m_inventory)
        return match(generation);
    if (!m_source) {
        m_searching = false;
        Q_EMIT failed(tr("The registry is no longer open."));
        return;
    }
    Q_EMIT step(tr("Reading every tag and manifest of %1…").arg(repository));
    m_progress->start();
    const RequestHandle handle = m_builder->build(
        repository, RepositoryInventoryBuilder::Options{}, this,
        [this, generation](Result<RepositoryInventory> inventory) {
            if (generation != m_generation)
                return;
            m_progress->stop();
            if (!inventory) {
                finish();
                Q_EMIT failed(tr("Could not read the repository %1: %2")
                                  .arg(m_repository, inventory.error().toString()));
                return;
            }
            m_inventory = std::move(inventory).value();
            match(generation);
        });
    // A cached answer may have finished the build already.
    if (generation == m_generation && m_searching && !m_inventory)
        m_current = handle;
}

void RepositorySearchLoader::match(quint64 generation)
{
    Q_EMIT step(tr("Searching %1…").arg(m_repository));
    runOffThread<RepositorySearch::Outcome>(
        this,
        [inventory = *m_inventory, text = m_text] {
            return RepositorySearch::search(inventory, text);
        },
        [this, generation](RepositorySearch::Outcome outcome) {
            if (generation != m_generation)
                return;
            finish();
            Q_EMIT found(outcome);
        });
}

void RepositorySearchLoader::finish()
{
    m_searching = false;
    m_progress->stop();
    m_current = RequestHandle();
}

void RepositorySearchLoader::cancel()
{
    ++m_generation;
    m_searching = false;
    m_progress->stop();
    const RequestHandle current = m_current;
    m_current = RequestHandle();
    current.cancel();
}

} // namespace ocular
