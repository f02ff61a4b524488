#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Small OCI documents built in tests, byte for byte reproducible (compact JSON).
namespace ocular::test {

QByteArray compact(const QJsonObject &object);
/// A descriptor of `raw` (its sha256 digest and size).
QJsonObject descriptor(const QString &mediaType, const QByteArray &raw);
/// An OCI image manifest whose config and one layer depend on `salt`.
QByteArray image(const QString &salt);
/// An artifact manifest (empty config, one layer from `salt`) with `subject`, and the
/// org.opencontainers.image.created annotation when `created` is not empty.
QByteArray artifact(const QString &artifactType, const QByteArray &subject, const QString &salt,
                    const QString &created = {});

} // namespace ocular::test
