#include "cleanuppolicyform.h"

#include "views/problemcolour.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace ocular {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

} // namespace

CleanupPolicyForm::CleanupPolicyForm(QWidget *parent)
    : QWidget(parent)
    , m_olderThan(new QSpinBox(this))
    , m_minSize(new QSpinBox(this))
    , m_artifactTypes(new QLineEdit(this))
    , m_annotations(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    auto *classes = new QHBoxLayout;
    const QList<QPair<CleanupClass, QString>> choices{
        {CleanupClass::DanglingImage, tr("Dan&gling images")},
        {CleanupClass::OrphanedReferrer, tr("&Orphaned referrers")},
        {CleanupClass::ReplacedFallbackIndex, tr("Replaced fallback inde&xes")},
        {CleanupClass::Unknown, tr("&Unknown")},
    };
    for (const auto &[kind, text] : choices) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(QStringLiteral("class-%1").arg(int(kind)));
        classes->addWidget(box);
        m_classes.append({kind, box});
        connect(box, &QCheckBox::toggled, this, &CleanupPolicyForm::onEdited);
    }
    classes->addStretch();
    m_classes.at(3).second->setToolTip(
        tr("Untagged manifests nothing explains: only selected when ticked"));

    m_olderThan->setObjectName(QStringLiteral("olderThanDays"));
    m_olderThan->setRange(0, 36500);
    m_olderThan->setSpecialValueText(tr("any age"));
    m_olderThan->setSuffix(tr(" days"));
    m_olderThan->setToolTip(tr("A manifest whose age is unknown never qualifies once this is set"));
    m_minSize->setObjectName(QStringLiteral("minSize"));
    m_minSize->setRange(0, 1024 * 1024);
    m_minSize->setSpecialValueText(tr("any size"));
    m_minSize->setSuffix(tr(" MiB"));
    m_artifactTypes->setObjectName(QStringLiteral("artifactTypes"));
    m_artifactTypes->setPlaceholderText(
        tr("any; e.g. application/vnd.example.*, application/spdx+json"));
    m_annotations->setObjectName(QStringLiteral("annotations"));
    m_annotations->setPlaceholderText(
        tr("any; e.g. org.example.team=web, org.opencontainers.image.source~^https://"));
    m_problem->setObjectName(QStringLiteral("policyProblem"));
    m_problem->setStyleSheet(problemcolour::styleSheet());
    m_problem->setWordWrap(true);
    m_problem->hide();
    for (QSpinBox *spin : {m_olderThan, m_minSize})
        spin->setMinimumWidth(160);
    for (QSpinBox *spin : {m_olderThan, m_minSize})
        connect(spin, &QSpinBox::valueChanged, this, &CleanupPolicyForm::onEdited);
    for (QLineEdit *edit : {m_artifactTypes, m_annotations})
        connect(edit, &QLineEdit::textChanged, this, &CleanupPolicyForm::onEdited);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    // Spin boxes as wide as their text, not as the dialog.
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Delete:"), classes);
    form->addRow(tr("Older t&han:"), m_olderThan);
    form->addRow(tr("Fr&ees at least:"), m_minSize);
    form->addRow(tr("Artifact t&ypes:"), m_artifactTypes);
    form->addRow(tr("A&nnotations:"), m_annotations);
    form->addRow(m_problem);
    setPolicy(CleanupPolicy());
}

void CleanupPolicyForm::setPolicy(const CleanupPolicy &policy)
{
    m_filling = true;
    m_loaded = policy;
    const QList<CleanupClass> classes = policy.effectiveClasses();
    for (const auto &[kind, box] : m_classes)
        box->setChecked(classes.contains(kind));
    m_olderThan->setValue(policy.olderThanDays.value_or(0));
    // Rounded up to whole MiB: the form never selects more than the file did.
    m_minSize->setValue(int((policy.minSize.value_or(0) + kMiB - 1) / kMiB));
    m_artifactTypes->setText(policy.artifactTypes.join(QStringLiteral(", ")));
    QStringList annotations;
    for (const CleanupPolicy::AnnotationFilter &a : policy.annotations)
        annotations.append(a.text());
    m_annotations->setText(annotations.join(QStringLiteral(", ")));
    m_filling = false;
    onEdited();
}

Result<CleanupPolicy> CleanupPolicyForm::policy() const
{
    CleanupPolicy p;
    p.name = m_loaded.name;
    p.repositories = m_loaded.repositories;
    for (const auto &[kind, box] : m_classes)
        if (box->isChecked())
            p.classes.append(kind);
    if (p.classes.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("Tick at least one class to delete."));
    if (m_olderThan->value() > 0)
        p.olderThanDays = m_olderThan->value();
    if (m_minSize->value() > 0)
        p.minSize = qint64(m_minSize->value()) * kMiB;
    p.artifactTypes = splitList(m_artifactTypes->text());
    for (const QString &text : splitList(m_annotations->text())) {
        auto filter = CleanupPolicy::AnnotationFilter::parse(text);
        if (!filter)
            return filter.error();
        p.annotations.append(std::move(filter).value());
    }
    return p;
}

void CleanupPolicyForm::onEdited()
{
    if (m_filling)
        return;
    const Result<CleanupPolicy> p = policy();
    m_problem->setVisible(!p.ok());
    m_problem->setText(p.ok() ? QString() : p.error().message);
    Q_EMIT changed();
}

} // namespace ocular
