#pragma once

#include "cleanup/cleanuppolicy.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ocular {

/// The Cleanup dialog's policy editor: which classes, older than, at least this size, artifact
/// types and annotations (CleanupPolicy's filters). What it cannot show (a loaded policy's
/// repository patterns) is kept as loaded. Every edit is checked at once; a filter that does
/// not parse is shown and the last valid policy stays in force.
class CleanupPolicyForm : public QWidget
{
    Q_OBJECT
public:
    explicit CleanupPolicyForm(QWidget *parent = nullptr);

    void setPolicy(const CleanupPolicy &policy);
    /// What the form says, or why it says nothing valid.
    Result<CleanupPolicy> policy() const;

Q_SIGNALS:
    void changed();

private:
    void onEdited();

    CleanupPolicy m_loaded; ///< the fields the form has no control for
    QList<QPair<CleanupClass, QCheckBox *>> m_classes;
    QSpinBox *m_olderThan;
    QSpinBox *m_minSize;
    QLineEdit *m_artifactTypes;
    QLineEdit *m_annotations;
    QLabel *m_problem;
    bool m_filling = false;
};

} // namespace ocular
