#pragma once

#include <QObject>
#include <QStringList>
#include <functional>

class QCommandLineParser;

namespace ocular {

class RegistryStack;
class RepositoryInventory;

/// `ocular-cli search REPO TEXT [--format json]`: the GUI's Find in Repository from the
/// command line: RepositoryInventoryBuilder reads the repository, RepositorySearch matches
/// tag names, annotation keys and values, artifact and media types.
class SearchCommand : public QObject
{
    Q_OBJECT
public:
    /// The stack for a registry (null after an error was printed); not owned.
    using StackFactory = std::function<RegistryStack *(const QString &registry)>;

    explicit SearchCommand(StackFactory stackFor, QObject *parent = nullptr);

    static bool handles(const QString &command);
    static QString helpText();

    /// Same contract as CliRunner::start: an exit code, or -1 when running in the event loop.
    int start(const QStringList &arguments, const QCommandLineParser &parser);

private:
    void print(const RepositoryInventory &inventory, const QString &text);
    void finish(int code);

    StackFactory m_stackFor;
    QString m_format;
};

} // namespace ocular
