#include "taghistorydialog.h"

#include "views/displayformat.h"
#include "views/problemcolour.h"

#include "base/offthread.h"
#include "history/taghistorystore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ocular {

TagHistoryDialog::TagHistoryDialog(std::shared_ptr<TagHistoryStore> history,
                                   const QString &registry, const QString &repository,
                                   const QString &tag, QWidget *parent)
    : QDialog(parent)
    , m_history(std::move(history))
    , m_registry(registry)
    , m_repository(repository)
    , m_tag(tag)
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("tagHistoryDialog"));
    setWindowTitle(tag.isEmpty() ? tr("Tag History of %1").arg(repository)
                                 : tr("Tag History of %1:%2").arg(repository, tag));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("history"));
    m_table->setHorizontalHeaderLabels(
        {tr("Tag"), tr("Digest"), tr("First seen"), tr("Last seen"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 140);
    m_table->setColumnWidth(1, 180);
    m_table->setColumnWidth(2, 140);
    m_table->setColumnWidth(3, 140);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        const QString digest = m_table->item(row, 1)->data(Qt::UserRole).toString();
        if (!digest.isEmpty())
            Q_EMIT openRequested(m_repository + QLatin1Char('@') + digest);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 380);
    load();
}

int TagHistoryDialog::rowCount() const
{
    return m_table->rowCount();
}

QString TagHistoryDialog::statusText() const
{
    return m_status->text();
}

void TagHistoryDialog::load()
{
    if (!m_history) {
        m_status->setText(tr("There is no tag history: it could not be opened."));
        return;
    }
    m_loading = true;
    m_status->setText(tr("Reading the tag history…"));
    runOffThread<Result<QList<TagHistoryEntry>>>(
        this,
        [history = m_history, registry = m_registry, repository = m_repository, tag = m_tag] {
            history->flush();
            return history->history(registry, repository, tag);
        },
        [this](Result<QList<TagHistoryEntry>> entries) {
            m_loading = false;
            if (!entries) {
                m_status->setText(
                    tr("Cannot read the tag history: %1").arg(entries.error().message));
                m_status->setStyleSheet(problemcolour::styleSheet());
                return;
            }
            const QString what =
                m_tag.isEmpty() ? m_repository : m_repository + QLatin1Char(':') + m_tag;
            if (entries->isEmpty()) {
                m_status->setText(tr("Ocular has not seen %1 yet: it records every tag it "
                                     "resolves, from now on.")
                                      .arg(what));
                return;
            }
            m_table->setRowCount(int(entries->size()));
            int row = 0;
            int moves = 0;
            for (const TagHistoryEntry &e : entries.value()) {
                auto *digest = new QTableWidgetItem(displayformat::shortDigest(e.digest));
                digest->setData(Qt::UserRole, e.digest.toString());
                digest->setToolTip(e.digest.toString());
                m_table->setItem(row, 0, new QTableWidgetItem(e.tag));
                m_table->setItem(row, 1, digest);
                m_table->setItem(row, 2,
                                 new QTableWidgetItem(displayformat::dateTime(e.firstSeen)));
                m_table->setItem(row, 3, new QTableWidgetItem(displayformat::dateTime(e.lastSeen)));
                m_table->setItem(
                    row, 4, new QTableWidgetItem(e.current ? tr("current") : tr("moved away")));
                moves += e.current ? 0 : 1;
                ++row;
            }
            m_status->setText(
                tr("%1: %n digest(s) seen.", nullptr, int(entries->size())).arg(what) +
                QLatin1Char(' ') + tr("%n of them are no longer current.", nullptr, moves) +
                QLatin1Char(' ') + tr("Times are when Ocular saw each, in local time."));
        });
}

} // namespace ocular
