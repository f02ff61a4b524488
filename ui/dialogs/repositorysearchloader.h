#pragma once

#include "http/requesthandle.h"
#include "inventory/repositoryinventory.h"
#include "inventory/repositorysearch.h"

#include <QObject>
#include <QPointer>
#include <optional>

class QTimer;

namespace ocular {

class ContentSource;
class RepositoryInventoryBuilder;

/// Runs a RepositorySearch for the search dialog: reads the repository's inventory with
/// RepositoryInventoryBuilder (the walk the delete preview uses, requests asynchronous), then
/// matches on a worker thread. The inventory is kept, so searching the same repository again
/// makes no request. A new search() or cancel() turns every answer of an earlier one into a
/// no-op (generations) and cancels its requests.
class RepositorySearchLoader : public QObject
{
    Q_OBJECT
public:
    explicit RepositorySearchLoader(ContentSource *source, QObject *parent = nullptr);
    ~RepositorySearchLoader() override;

    void search(const QString &repository, const QString &text);
    void cancel();
    bool isSearching() const { return m_searching; }
    QString repository() const { return m_repository; }

Q_SIGNALS:
    /// What the search is doing now, in a sentence (with the requests made so far).
    void step(const QString &text);
    void found(const ocular::RepositorySearch::Outcome &outcome);
    void failed(const QString &message);

private:
    void match(quint64 generation);
    void finish();

    QPointer<ContentSource> m_source;
    RepositoryInventoryBuilder *m_builder;
    QTimer *m_progress;
    QString m_repository;
    QString m_text;
    std::optional<RepositoryInventory> m_inventory; ///< of m_repository, once read
    quint64 m_generation = 0;
    bool m_searching = false;
    RequestHandle m_current;
};

} // namespace ocular
