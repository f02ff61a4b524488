#pragma once

#include "base/result.h"
#include "referrers/cosignverifier.h"

#include <QCoreApplication>
#include <optional>

class QWidget;

namespace ocular {

/// Asks for a PEM public key file and loads it as the verifier for cosign signatures.
class CosignKeyChooser
{
    Q_DECLARE_TR_FUNCTIONS(CosignKeyChooser)
public:
    /// Empty when the user cancelled; an error when the file cannot be read or holds no key.
    static std::optional<Result<CosignVerifier>> choose(QWidget *parent);
};

} // namespace ocular
