#include "cosignkeychooser.h"

#include <QFile>
#include <QFileDialog>

namespace ocular {

std::optional<Result<CosignVerifier>> CosignKeyChooser::choose(QWidget *parent)
{
    const QString path =
        QFileDialog::getOpenFileName(parent, tr("Public Key for cosign Signatures"), QString(),
                                     tr("PEM keys (*.pub *.pem);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<CosignVerifier>(
            Error::make(ErrorKind::InvalidInput, tr("Cannot read %1.").arg(path)));
    // A public key is a few hundred bytes; the cap keeps a wrong pick from loading a huge file.
    return CosignVerifier::fromPublicKeyPem(file.read(64 * 1024));
}

} // namespace ocular
