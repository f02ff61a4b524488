#include "registrylistpanel.h"

#include "models/nodeicons.h"
#include "views/displayformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace ocular {

namespace {

const QString kSettingsKey = QStringLiteral("registries/urls");
constexpr int kUrlRole = Qt::UserRole + 1; ///< what the user typed; the text is the name

QListWidgetItem *registryItem(const QString &url)
{
    // Named as in references (127.0.0.1:5000), the address as typed in the tooltip.
    auto *item = new QListWidgetItem(NodeIcons::named(QStringLiteral("registry")),
                                     displayformat::registryName(url));
    item->setData(kUrlRole, url);
    item->setToolTip(url);
    return item;
}

} // namespace

RegistryListPanel::RegistryListPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    auto *title = new QLabel(tr("Registries"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(tr("Add registry… (Ctrl+Shift+N)"));
    m_add->setAutoRaise(true);
    m_remove->setText(QStringLiteral("−"));
    m_remove->setToolTip(tr("Remove the selected registry from this list"));
    m_remove->setAutoRaise(true);
    m_remove->setEnabled(false);

    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_add);
    header->addWidget(m_remove);

    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);

    connect(m_add, &QToolButton::clicked, this, &RegistryListPanel::addRequested);
    connect(m_remove, &QToolButton::clicked, this, [this] {
        const QString url = currentRegistry();
        if (!url.isEmpty())
            removeRegistry(url);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_remove->setEnabled(row >= 0);
        Q_EMIT currentRegistryChanged(currentRegistry());
    });
}

void RegistryListPanel::restore()
{
    const QStringList urls = QSettings().value(kSettingsKey).toStringList();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &url : urls) {
        if (!url.isEmpty() && rowOf(url) < 0)
            m_list->addItem(registryItem(url));
    }
    m_list->setCurrentRow(-1);
}

QStringList RegistryListPanel::registries() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->data(kUrlRole).toString());
    return out;
}

QString RegistryListPanel::currentRegistry() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kUrlRole).toString() : QString();
}

int RegistryListPanel::rowOf(const QString &url) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kUrlRole).toString() == url)
            return i;
    }
    return -1;
}

void RegistryListPanel::addRegistry(const QString &url, bool remember)
{
    if (rowOf(url) < 0) {
        QListWidgetItem *item = registryItem(url);
        item->setData(Qt::UserRole, !remember);
        if (!remember)
            item->setToolTip(tr("%1 (not remembered)").arg(url));
        m_list->addItem(item);
        save();
    }
    selectRegistry(url);
}

void RegistryListPanel::removeRegistry(const QString &url)
{
    const int row = rowOf(url);
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    save();
}

void RegistryListPanel::selectRegistry(const QString &url)
{
    const int row = rowOf(url);
    if (row >= 0)
        m_list->setCurrentRow(row);
}

void RegistryListPanel::save() const
{
    QStringList remembered;
    for (int i = 0; i < m_list->count(); ++i) {
        if (!m_list->item(i)->data(Qt::UserRole).toBool())
            remembered.append(m_list->item(i)->data(kUrlRole).toString());
    }
    QSettings().setValue(kSettingsKey, remembered);
}

} // namespace ocular
