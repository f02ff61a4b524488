#include "addtagdialog.h"

#include "reference/reference.h"
#include "source/contentsource.h"
#include "views/problemcolour.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ocular {

AddTagDialog::AddTagDialog(ContentSource *source, const QString &registry,
                           const QString &repository, const QString &identifier, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_registry(registry)
    , m_repository(repository)
    , m_identifier(identifier)
    , m_tag(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_apply(m_buttons->addButton(tr("Add Tag"), QDialogButtonBox::AcceptRole))
    , m_tagger(new Tagger(source, this))
{
    setWindowTitle(tr("Add Tag"));
    auto *layout = new QVBoxLayout(this);
    // Grows with the messages below instead of cutting them off.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto *what = new QLabel(tr("Give this manifest another tag. Its bytes are written again "
                               "under the new tag, so its digest does not change."),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *form = new QFormLayout;
    auto *manifest = new QLineEdit(repository + QLatin1Char('@') + identifier, this);
    manifest->setReadOnly(true);
    manifest->setCursorPosition(0);
    form->addRow(tr("Manifest:"), manifest);
    m_tag->setObjectName(QStringLiteral("newTag"));
    m_tag->setPlaceholderText(tr("e.g. stable, v1.2.3"));
    m_tag->setMaxLength(128);
    form->addRow(tr("New &tag:"), m_tag);
    layout->addLayout(form);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    m_apply->setDefault(true);

    // The button box's accept() would close the dialog before the write has happened.
    disconnect(m_buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_apply, &QPushButton::clicked, this, &AddTagDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddTagDialog::reject);
    connect(m_tag, &QLineEdit::textChanged, this, [this] {
        m_moveConfirmed = false;
        m_apply->setText(tr("Add Tag"));
        validate();
    });
    validate();
    resize(qMax(sizeHint().width(), 620), sizeHint().height());
}

AddTagDialog::~AddTagDialog()
{
    m_request.cancel();
}

QString AddTagDialog::statusText() const
{
    return m_status->text();
}

void AddTagDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    // The same red as the other dialogs' problems; readable on light and dark palettes.
    m_status->setStyleSheet(problem ? problemcolour::styleSheet() : QString());
}

void AddTagDialog::validate()
{
    const QString tag = m_tag->text().trimmed();
    bool ok = !m_running && m_source;
    if (tag.isEmpty()) {
        setStatus(QString(), false);
        ok = false;
    } else if (!Reference::isValidTag(tag)) {
        setStatus(tr("\"%1\" is not a valid tag: letters, digits, '_', '.' and '-', at most 128 "
                     "characters, not starting with '.' or '-'.")
                      .arg(tag),
                  true);
        ok = false;
    } else if (!m_running) {
        setStatus(QString(), false);
    }
    m_apply->setEnabled(ok);
}

void AddTagDialog::apply()
{
    if (m_running || !m_source || !m_apply->isEnabled())
        return;
    const QString tag = m_tag->text().trimmed();
    m_running = true;
    m_tag->setEnabled(false);
    m_apply->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    const QString doing = tr("Tagging %1 as %2…").arg(m_identifier, tag);
    setStatus(doing, false);
    Q_EMIT activityChanged(doing);
    Tagger::Options options;
    options.allowMove = m_moveConfirmed;
    m_request = m_tagger->tag(m_repository, m_identifier, tag, options, this,
                              [this](Result<TagOutcome> result) { finish(result); });
}

void AddTagDialog::finish(const Result<TagOutcome> &result)
{
    m_running = false;
    m_request = RequestHandle();
    Q_EMIT activityChanged(QString());
    m_tag->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    if (!result.ok()) {
        validate();
        if (result.error().kind == ErrorKind::PreconditionFailed) {
            // Seen and chosen, never by default: the next press moves the tag.
            m_moveConfirmed = true;
            m_apply->setText(tr("Move Tag"));
            setStatus(result.error().message + QLatin1Char(' ') +
                          tr("Press Move Tag to move it anyway."),
                      true);
        } else if (result.error().kind != ErrorKind::Cancelled) {
            setStatus(tr("Nothing was changed: %1").arg(result.error().toString()), true);
        } else {
            setStatus(tr("Cancelled."), false);
        }
        return;
    }
    m_apply->setEnabled(false);
    setStatus(result->moved()
                  ? tr("Moved %1 from %2 to %3.")
                        .arg(result->tag, result->previous.toString(), result->digest.toString())
                  : tr("%1 now names %2.").arg(result->tag, result->digest.toString()),
              false);
    Q_EMIT tagged(result.value());
}

void AddTagDialog::reject()
{
    if (m_running) {
        m_request.cancel();
        return;
    }
    QDialog::reject();
}

} // namespace ocular
