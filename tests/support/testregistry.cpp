#include "testregistry.h"

#include <QTest>

namespace ocular::test {

TestRegistry::TestRegistry(RegistryProcess::Options options)
    : m_process(std::make_unique<RegistryProcess>(std::move(options)))
{
    const Result<Done> started = m_process->start();
    if (!started) {
        m_error =
            QStringLiteral("docker-registry could not be started: ") + started.error().toString();
        // Recorded, not skipped: a missing registry must turn the integration suite red.
        QTest::qFail(qPrintable(m_error), __FILE__, __LINE__);
    }
}

TestRegistry::~TestRegistry() = default;

} // namespace ocular::test
