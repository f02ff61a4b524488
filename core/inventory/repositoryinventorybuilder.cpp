#include "repositoryinventorybuilder.h"

#include "async/boundedpool.h"
#include "async/sequence.h"
#include "content/mediatype.h"
#include "referrers/cosigntags.h"
#include "referrers/fallbackindex.h"
#include "source/contentsource.h"

namespace ocular {

struct RepositoryInventoryBuilder::Job
{
    QString repository;
    Options options;
    RepositoryInventory inventory;
    QPointer<QObject> context;
    QList<Digest> toFetch;  ///< digests discovered, not yet read
    QSet<Digest> requested; ///< digests read or being read
    QList<Digest> toQuery;  ///< manifests whose referrers were not asked yet
    int rounds = 0;
    bool apiAbsent = false;
    bool limitReported = false;

    void discover(const Digest &digest)
    {
        if (!digest.isValid() || requested.contains(digest))
            return;
        if (requested.size() >= options.maxManifests) {
            if (!limitReported) {
                limitReported = true;
                inventory.unreadable.append(
                    {digest, QString(), ErrorKind::TooLarge,
                     QStringLiteral("The inventory stopped at %1 manifests.")
                         .arg(options.maxManifests)});
            }
            return;
        }
        requested.insert(digest);
        toFetch.append(digest);
    }
};

RepositoryInventoryBuilder::RepositoryInventoryBuilder(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

RequestHandle RepositoryInventoryBuilder::build(const QString &repository, const Options &options,
                                                QObject *context,
                                                async::Callback<RepositoryInventory> done)
{
    auto job = std::make_shared<Job>();
    job->repository = repository;
    job->options = options;
    job->context = context;
    job->inventory.repository = repository;
    m_requests = 0;
    QPointer<RepositoryInventoryBuilder> self(this);
    QList<async::Task<Done>> steps{
        [self, job](async::Callback<Done> next) {
            return self ? self->listTags(job, next) : RequestHandle();
        },
        [self, job](async::Callback<Done> next) {
            return self ? self->resolveTags(job, next) : RequestHandle();
        },
        [self, job](async::Callback<Done> next) {
            return self ? self->round(job, next) : RequestHandle();
        },
    };
    return async::sequence(context, steps, [self, job, done](Result<Done> result) {
        if (!result.ok())
            return done(result.error());
        if (self)
            self->finishEdges(job->inventory);
        done(std::move(job->inventory));
    });
}

RequestHandle RepositoryInventoryBuilder::listTags(const std::shared_ptr<Job> &job,
                                                   async::Callback<Done> done)
{
    if (!m_source) {
        async::deliverLater(this, [done] { done(Error::cancelled()); });
        return RequestHandle();
    }
    ++m_requests;
    return m_source->allTags(job->repository, job->options.maxTagPages, this,
                             [job, done](Result<NameListing> tags) {
                                 if (!tags.ok())
                                     return done(tags.error());
                                 job->inventory.tagsTruncated = tags->truncated;
                                 for (const QString &tag : tags->items)
                                     job->inventory.tags.insert(tag, Digest());
                                 done(Done{});
                             });
}

RequestHandle RepositoryInventoryBuilder::resolveTags(const std::shared_ptr<Job> &job,
                                                      async::Callback<Done> done)
{
    QPointer<RepositoryInventoryBuilder> self(this);
    const QStringList tags = job->inventory.tags.keys();
    return async::forEachBounded<QString, ResolvedReference>(
        this, tags, job->options.concurrency,
        [self, job](const QString &tag, async::Callback<ResolvedReference> resolved) {
            if (!self || !self->m_source) {
                async::deliverLater(self, [resolved] { resolved(Error::cancelled()); });
                return RequestHandle();
            }
            ++self->m_requests;
            return self->m_source->resolve(job->repository, tag, self, std::move(resolved));
        },
        [self, job, tags, done](Result<QList<Result<ResolvedReference>>> results) {
            if (!results.ok())
                return done(results.error());
            for (qsizetype i = 0; i < tags.size(); ++i) {
                const Result<ResolvedReference> &r = results->at(i);
                if (!r.ok()) {
                    job->inventory.tags.remove(tags[i]);
                    job->inventory.unreadable.append(
                        {Digest(), tags[i], r.error().kind, r.error().toString()});
                    continue;
                }
                job->inventory.tags[tags[i]] = r->descriptor.digest;
                job->discover(r->descriptor.digest);
            }
            done(Done{});
        });
}

RequestHandle RepositoryInventoryBuilder::round(const std::shared_ptr<Job> &job,
                                                async::Callback<Done> done)
{
    RequestHandle handle;
    QPointer<RepositoryInventoryBuilder> self(this);
    const QList<Digest> fetch = std::exchange(job->toFetch, {});
    ++job->rounds;
    auto fetched = [self, job, fetch, handle, done](Result<QList<Result<SourceManifest>>> results) {
        if (!results.ok())
            return done(results.error());
        if (!self)
            return done(Error::cancelled());
        for (qsizetype i = 0; i < fetch.size(); ++i) {
            const Result<SourceManifest> &r = results->at(i);
            if (!r.ok()) {
                job->inventory.unreadable.append({fetch[i],
                                                  job->inventory.tagsOf(fetch[i]).value(0),
                                                  r.error().kind, r.error().toString()});
                continue;
            }
            self->record(job, r->manifest);
        }
        if (job->rounds == 1)
            self->readTagConventions(job);
        const QList<Digest> query = std::exchange(job->toQuery, {});
        const bool ask = job->options.referrersApi && !job->apiAbsent && !query.isEmpty();
        auto afterReferrers = [self, job, handle, done,
                               query](Result<QList<Result<ReferrersAnswer>>> answers) {
            if (!answers.ok())
                return done(answers.error());
            if (!self)
                return done(Error::cancelled());
            for (qsizetype i = 0; i < answers->size(); ++i) {
                const Result<ReferrersAnswer> &a = answers->at(i);
                if (!a.ok()) {
                    job->inventory.unreadable.append(
                        {query[i], QString(), a.error().kind,
                         QStringLiteral("Referrers API: ") + a.error().toString()});
                    continue;
                }
                if (a->kind == ReferrersAnswer::Kind::ApiAbsent)
                    job->apiAbsent = true;
                if (job->inventory.referrersApi != ReferrersAnswer::Kind::Api)
                    job->inventory.referrersApi = a->kind;
                for (const Descriptor &d : a->referrers) {
                    if (d.digest == query[i])
                        continue;
                    job->inventory.addEdge(
                        {query[i], d.digest, InventoryEdgeKind::ReferrerApi, QString(), true});
                    job->discover(d.digest);
                }
            }
            if (job->apiAbsent)
                job->inventory.referrersApi = ReferrersAnswer::Kind::ApiAbsent;
            if (job->toFetch.isEmpty() || job->rounds >= job->options.maxRounds)
                return done(Done{});
            handle.setCurrentStep(self->round(job, done));
        };
        if (!ask)
            return afterReferrers(QList<Result<ReferrersAnswer>>());
        using Answers = QList<Result<ReferrersAnswer>>;
        auto askAbout = [self, job](const QList<Digest> &subjects, async::Callback<Answers> then) {
            return async::forEachBounded<Digest, ReferrersAnswer>(
                self, subjects, job->options.concurrency,
                [self, job](const Digest &subject, async::Callback<ReferrersAnswer> answer) {
                    if (!self || !self->m_source) {
                        async::deliverLater(self, [answer] { answer(Error::cancelled()); });
                        return RequestHandle();
                    }
                    ++self->m_requests;
                    return self->m_source->referrers(job->repository, subject, QString(), self,
                                                     std::move(answer));
                },
                std::move(then));
        };
        if (job->inventory.referrersApi != ReferrersAnswer::Kind::Unknown || query.size() < 2)
            return handle.setCurrentStep(askAbout(query, afterReferrers));
        // One subject first: a registry without the API (every docker-registry 2.x) says so
        // for each subject alike, and the fallback tags are read from the tag list already, so
        // asking about the rest would double the inventory's requests for nothing.
        handle.setCurrentStep(askAbout(
            {query.first()}, [handle, job, query, askAbout, afterReferrers](Result<Answers> first) {
                const bool absent = first.ok() && first->size() == 1 && first->first().ok() &&
                                    first->first()->kind == ReferrersAnswer::Kind::ApiAbsent;
                if (!first.ok() || absent)
                    return afterReferrers(first);
                handle.setCurrentStep(
                    askAbout(query.mid(1), [first, afterReferrers](Result<Answers> rest) {
                        if (!rest.ok())
                            return afterReferrers(rest);
                        Answers all = first.value();
                        all.append(rest.value());
                        afterReferrers(all);
                    }));
            }));
    };
    handle.setCurrentStep(async::forEachBounded<Digest, SourceManifest>(
        this, fetch, job->options.concurrency,
        [self, job](const Digest &digest, async::Callback<SourceManifest> manifest) {
            if (!self || !self->m_source) {
                async::deliverLater(self, [manifest] { manifest(Error::cancelled()); });
                return RequestHandle();
            }
            ++self->m_requests;
            return self->m_source->manifest(job->repository, digest.toString(), self,
                                            std::move(manifest));
        },
        fetched));
    return handle;
}

void RepositoryInventoryBuilder::record(const std::shared_ptr<Job> &job, const Manifest &manifest)
{
    const InventoryManifest m = InventoryManifest::of(manifest);
    job->inventory.manifests.insert(m.digest, m);
    job->toQuery.append(m.digest);
    if (!manifest.isIndex())
        return;
    for (const Descriptor &entry : manifest.manifests()) {
        // An attestation entry is contained in the index (deleting it breaks the index) and
        // attached to its image: two edges of different kinds, never one mixed edge.
        job->inventory.addEdge(
            {m.digest, entry.digest, InventoryEdgeKind::IndexChild, QString(), true});
        if (job->options.buildKit && entry.isBuildKitAttestation()) {
            const Digest subject = entry.attestationSubject();
            if (subject.isValid())
                job->inventory.addEdge({subject, entry.digest,
                                        InventoryEdgeKind::BuildKitAttestation, QString(), true});
        }
        job->discover(entry.digest);
    }
}

void RepositoryInventoryBuilder::readTagConventions(const std::shared_ptr<Job> &job)
{
    RepositoryInventory &inv = job->inventory;
    for (auto it = inv.tags.begin(); it != inv.tags.end(); ++it) {
        const auto parsed = cosigntags::parse(it.key());
        if (!parsed || !it.value().isValid())
            continue;
        if (parsed->kind) {
            if (job->options.cosignTags)
                inv.addEdge(
                    {parsed->subject, it.value(), InventoryEdgeKind::CosignTag, it.key(), true});
            continue;
        }
        if (!job->options.fallbackTags)
            continue;
        const auto m = inv.manifests.constFind(it.value());
        if (m == inv.manifests.constEnd())
            continue;
        if (!m->isIndex) {
            inv.unreadable.append({it.value(), it.key(), ErrorKind::InvalidContent,
                                   QStringLiteral("The fallback tag %1 holds a %2, not an index; "
                                                  "treated as no referrers.")
                                       .arg(it.key(), mediatype::describe(m->mediaType))});
            continue;
        }
        // The fallback index's entries are its children too; as referrers they are the
        // subject's, which is what the tag name says.
        for (const Digest &entry : inv.childrenOf(it.value())) {
            inv.addEdge({parsed->subject, entry, InventoryEdgeKind::FallbackTag, it.key(), true});
            job->discover(entry);
        }
    }
}

void RepositoryInventoryBuilder::finishEdges(RepositoryInventory &inventory) const
{
    for (InventoryEdge &e : inventory.edges) {
        if (e.kind != InventoryEdgeKind::ReferrerApi && e.kind != InventoryEdgeKind::FallbackTag)
            continue;
        const auto m = inventory.manifests.constFind(e.to);
        e.subjectConfirmed = m != inventory.manifests.constEnd() && m->subject == e.from;
    }
}

} // namespace ocular
