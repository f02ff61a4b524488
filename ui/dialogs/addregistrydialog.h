#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ocular {

/// Asks for a registry host or URL and validates it with RegistryEndpoint::parse.
class AddRegistryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddRegistryDialog(QWidget *parent = nullptr);

    /// The text to remember: what the user typed, trimmed (never credentials).
    QString registryText() const;
    bool allowInsecureHttp() const;

private:
    void validate();

    QLineEdit *m_url;
    QCheckBox *m_insecure;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ocular
