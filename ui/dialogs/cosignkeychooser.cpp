#include "cosignkeychooser.h"

#include <QFile>
#include <QFileDialog>
#include <QInputDialog>

namespace ocular {

namespace {

QList<CosignKeyChooser::OfferedKey> &offered()
{
    static QList<CosignKeyChooser::OfferedKey> keys;
    return keys;
}

} // namespace

void CosignKeyChooser::offerKey(const QString &label, const QString &path)
{
    QList<OfferedKey> &keys = offered();
    keys.removeIf([&](const OfferedKey &k) { return k.path == path; });
    keys.prepend({label, path});
}

QList<CosignKeyChooser::OfferedKey> CosignKeyChooser::offeredKeys()
{
    return offered();
}

void CosignKeyChooser::clearOfferedKeys()
{
    offered().clear();
}

Result<CosignVerifier> CosignKeyChooser::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput, tr("Cannot read %1.").arg(path));
    // A public key is a few hundred bytes; the cap keeps a wrong pick from loading a huge file.
    return CosignVerifier::fromPublicKeyPem(file.read(64 * 1024));
}

std::optional<Result<CosignVerifier>> CosignKeyChooser::choose(QWidget *parent)
{
    const QList<OfferedKey> keys = offered();
    if (!keys.isEmpty()) {
        QStringList items;
        for (const OfferedKey &k : keys)
            items << tr("%1 (%2)").arg(k.label, k.path);
        const QString otherFile = tr("Another key file…");
        items << otherFile;
        bool ok = false;
        const QString item =
            QInputDialog::getItem(parent, tr("Public Key for cosign Signatures"),
                                  tr("Verify cosign signatures with:"), items, 0, false, &ok);
        if (!ok)
            return std::nullopt;
        const qsizetype index = items.indexOf(item);
        if (index >= 0 && index < keys.size())
            return load(keys.at(index).path);
    }
    const QString path =
        QFileDialog::getOpenFileName(parent, tr("Public Key for cosign Signatures"), QString(),
                                     tr("PEM keys (*.pub *.pem);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    return load(path);
}

} // namespace ocular
