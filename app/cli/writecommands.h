#pragma once

#include "base/result.h"
#include "reference/reference.h"

#include <QObject>
#include <QStringList>
#include <functional>

class QCommandLineParser;

namespace ocular {

class ContentSource;
class RegistryStack;
struct ArtifactRequest;
struct Descriptor;

/// The commands of ocular-cli that add to a registry: `push`, `attach`, `tag`, `copy`. Each builds
/// what it sends first (checked, 4 MiB cap), prints what it did on stderr and the manifest
/// digest as the last line of stdout, so scripts can take it.
class WriteCommands : public QObject
{
    Q_OBJECT
public:
    using StackFactory = std::function<RegistryStack *(const QString &registry)>;

    explicit WriteCommands(StackFactory stackFor, QObject *parent = nullptr);

    /// Adds --annotation, --subject, --keep-old-index (push reuses --artifact-type).
    static void addOptions(QCommandLineParser &parser);
    static bool handles(const QString &command);
    static QString helpText();

    /// An exit code, or -1 while running in the event loop (QCoreApplication::exit at the end).
    int start(const QString &command, const QStringList &arguments,
              const QCommandLineParser &parser);

private:
    /// One side of a copy: a registry repository or an OCI layout.
    struct CopyEnd
    {
        ContentSource *source = nullptr;
        QString repository;
        QString identifier; ///< tag or digest to read (the source side)
        QString tag;
        QString shown;    ///< as the user wrote it, for the activity record
        QString registry; ///< host, or `oci:DIR`
    };

    /// Where push, attach and tag write: a registry's source or an OCI layout's.
    struct WriteTarget
    {
        ContentSource *source = nullptr;
        Reference reference; ///< for a layout: its one repository on a stand-in host
        QString registry;    ///< host, or `oci:DIR`, for messages and the activity record
    };

    int runPush(const QStringList &arguments);
    int runAttach(const QStringList &arguments);
    int runTag(const QStringList &arguments);
    int runCopy(const QStringList &arguments);
    /// Reads `ref` from `source` as a subject descriptor (exact size and media type, Ocular's
    /// own digest), then pushes.
    void withSubject(ContentSource *source, const Reference &ref,
                     std::function<void(Descriptor)> then);
    void pushArtifact(ContentSource *source, const QString &registry,
                      const ArtifactRequest &request);
    /// `FILE[:MEDIATYPE]` arguments into the request's files; false after a usage error.
    bool takeFiles(const QStringList &arguments, ArtifactRequest &request);
    Result<Reference> parseTarget(const QString &text, bool digestAllowed);
    /// `text` (REF or oci:DIR[:TAG|@DIGEST]) with its source; nothing after a usage error
    /// (already reported, exit code in `exitCode`).
    std::optional<WriteTarget> writeTarget(const QString &text, bool digestAllowed, int &exitCode);

    void fail(const QString &what, const Error &error);
    int usage(const QString &message);
    void finish(int code);

    StackFactory m_stackFor;
    QString m_command;
    QString m_artifactType;
    QStringList m_annotations;
    QString m_subject;
    bool m_keepOldIndex = false;
    bool m_withReferrers = false;
};

} // namespace ocular
