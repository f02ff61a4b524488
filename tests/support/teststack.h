#pragma once

#include "stack/registrystack.h"

#include <memory>

namespace ocular::test {

/// The configuration tests start from: the product's RegistryStack wiring for @p registry
/// (host[:port] or URL; plain HTTP allowed), without the developer's docker/podman logins
/// (credentials come only from what the test adds), with fast retries and no proxy (test
/// registries are on loopback).
RegistryStackConfig testStackConfig(const QString &registry);
/// RegistryStack::create(@p config); a failure fails the current test (nullptr returned).
std::unique_ptr<RegistryStack> makeStack(const RegistryStackConfig &config);
/// makeStack(testStackConfig(@p registry)).
std::unique_ptr<RegistryStack> makeStack(const QString &registry);

} // namespace ocular::test
