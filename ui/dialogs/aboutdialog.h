#pragma once

#include <QMessageBox>

namespace ocular {

/// Help ▸ About: version, Qt version and licence, with a clickable licence link.
class AboutDialog : public QMessageBox
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The text shown, as rich text.
    static QString text();
};

} // namespace ocular
