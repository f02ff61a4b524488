#pragma once

#include "http/tlssettings.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace ocular {

/// The TLS options of one registry: an extra CA file, a client certificate and key, and
/// skipping verification with a warning that stays visible while it is on. Shared by the Add
/// Registry dialog (its Advanced section) and Registry Settings, so both offer the same.
class TlsOptionsForm : public QWidget
{
    Q_OBJECT
public:
    explicit TlsOptionsForm(QWidget *parent = nullptr);

    TlsSettings settings() const;
    void setSettings(const TlsSettings &settings);
    /// Why these options cannot be used (an unreadable CA file...); empty when they can.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    void browse(QLineEdit *target, const QString &title);
    QWidget *fileRow(QLineEdit *edit, const QString &browseTitle);

    QLineEdit *m_caFile;
    QLineEdit *m_clientCert;
    QLineEdit *m_clientKey;
    QCheckBox *m_skipVerify;
    QLabel *m_skipWarning;
};

} // namespace ocular
