#pragma once

#include "base/result.h"
#include "referrers/cosignverifier.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

class QWidget;

namespace ocular {

/// Asks for a PEM public key and loads it as the verifier for cosign signatures: one of the
/// keys offered this session (the demo's), or a file.
class CosignKeyChooser
{
    Q_DECLARE_TR_FUNCTIONS(CosignKeyChooser)
public:
    struct OfferedKey
    {
        QString label;
        QString path;
    };

    /// Empty when the user cancelled; an error when the file cannot be read or holds no key.
    static std::optional<Result<CosignVerifier>> choose(QWidget *parent);
    /// Reads a PEM public key file (at most 64 KiB).
    static Result<CosignVerifier> load(const QString &path);

    /// Lists this key first in choose() for the rest of the session (a second offer of the same
    /// path replaces the first).
    static void offerKey(const QString &label, const QString &path);
    static QList<OfferedKey> offeredKeys();
    static void clearOfferedKeys();
};

} // namespace ocular
