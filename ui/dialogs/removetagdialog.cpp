#include "removetagdialog.h"

#include "source/contentsource.h"
#include "views/problemcolour.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ocular {

RemoveTagDialog::RemoveTagDialog(ContentSource *source, const QString &registry,
                                 const QString &repository, const QString &tag,
                                 const Digest &digest, const QStringList &otherTags,
                                 QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_registry(registry)
    , m_repository(repository)
    , m_tag(tag)
    , m_description(new QLabel(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_remove(m_buttons->addButton(tr("Remove Tag"), QDialogButtonBox::AcceptRole))
    , m_placeholder(
          m_buttons->addButton(tr("Remove with Placeholder"), QDialogButtonBox::ActionRole))
    , m_untagger(new Untagger(source, this))
{
    setWindowTitle(tr("Remove Tag"));
    auto *layout = new QVBoxLayout(this);
    // Grows with the messages below instead of cutting them off.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    const QString manifest =
        digest.isValid() ? tr("the manifest %1").arg(digest.toString()) : tr("the manifest");
    QString text = tr("Remove the tag %1 from %2. Only the tag goes: %3 stays in the "
                      "repository, and so do its other tags.")
                       .arg(tag, repository, manifest);
    if (!otherTags.isEmpty())
        text += QLatin1Char(' ') +
                tr("Other tags naming it: %1.").arg(otherTags.join(QStringLiteral(", ")));
    else if (digest.isValid())
        text += QLatin1Char(' ') + tr("No other loaded tag names it; it stays reachable by digest "
                                      "(and to anything that refers to it).");
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setText(text);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    m_remove->setDefault(true);
    m_placeholder->setObjectName(QStringLiteral("removeWithPlaceholder"));
    m_placeholder->setVisible(false);

    // The button box's accept() would close the dialog before the write has happened.
    disconnect(m_buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_remove, &QPushButton::clicked, this, &RemoveTagDialog::removeTag);
    connect(m_placeholder, &QPushButton::clicked, this, &RemoveTagDialog::removeWithPlaceholder);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RemoveTagDialog::reject);
    m_remove->setEnabled(m_source);
    resize(qMax(sizeHint().width(), 620), sizeHint().height());
}

RemoveTagDialog::~RemoveTagDialog()
{
    m_request.cancel();
}

QString RemoveTagDialog::statusText() const
{
    return m_status->text();
}

QString RemoveTagDialog::descriptionText() const
{
    return m_description->text();
}

void RemoveTagDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    // The same red as the other dialogs' problems; readable on light and dark palettes.
    m_status->setStyleSheet(problem ? problemcolour::styleSheet() : QString());
    // A word-wrapped label's height depends on the width, which the minimum-size constraint
    // does not see: grow by hand so the refusal and the placeholder explanation are not cut.
    if (layout()) {
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
}

void RemoveTagDialog::setButtonsIdle(bool idle)
{
    m_remove->setEnabled(idle && !m_done && m_source);
    m_placeholder->setEnabled(idle && !m_done && m_source);
    m_buttons->button(QDialogButtonBox::Close)->setText(idle ? tr("Close") : tr("Cancel"));
}

void RemoveTagDialog::removeTag()
{
    start(false);
}

void RemoveTagDialog::removeWithPlaceholder()
{
    // Only ever offered after the registry refused the plain delete.
    if (m_placeholder->isVisible())
        start(true);
}

void RemoveTagDialog::start(bool placeholder)
{
    if (m_running || m_done || !m_source)
        return;
    m_running = true;
    setButtonsIdle(false);
    const QString doing = placeholder ? tr("Removing the tag %1 with a placeholder…").arg(m_tag)
                                      : tr("Removing the tag %1…").arg(m_tag);
    setStatus(doing, false);
    Q_EMIT activityChanged(doing);
    Untagger::Options options;
    options.placeholder = placeholder;
    options.refusalAsIs = true;
    m_request = m_untagger->untag(m_repository, m_tag, options, this,
                                  [this](Result<UntagOutcome> result) { finish(result); });
}

void RemoveTagDialog::finish(const Result<UntagOutcome> &result)
{
    m_running = false;
    m_request = RequestHandle();
    Q_EMIT activityChanged(QString());
    if (!result.ok()) {
        setButtonsIdle(true);
        const Error &error = result.error();
        if (error.kind == ErrorKind::Cancelled) {
            setStatus(tr("Cancelled."), false);
        } else if (!m_placeholder->isVisible() && Untagger::isTagDeleteRefusal(error)) {
            // Quoted, not paraphrased: the user decides on what the registry actually said.
            m_placeholder->setVisible(true);
            m_placeholder->setEnabled(true);
            setStatus(tr("The registry refused to delete the tag alone: \"%1\". Nothing was "
                         "changed.\n\nRemove with Placeholder pushes a unique, empty placeholder "
                         "manifest to %2 and then deletes that placeholder by its digest, which "
                         "takes only the tag with it; the manifest it names now is never "
                         "deleted. %3")
                          .arg(error.toString(), m_tag, Untagger::placeholderNote()),
                      true);
        } else {
            setStatus(tr("The tag was not removed: %1").arg(error.toString()), true);
        }
        return;
    }
    m_done = true;
    setButtonsIdle(true);
    setStatus(result->toText().trimmed(), false);
    Q_EMIT untagged(result.value());
}

void RemoveTagDialog::reject()
{
    if (m_running) {
        m_request.cancel();
        return;
    }
    QDialog::reject();
}

} // namespace ocular
