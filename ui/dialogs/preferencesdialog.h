#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLocale;
class QSpinBox;

namespace ocular {

class ContentCache;

/// Edit ▸ Preferences: the disk cache's size bound (remembered in QSettings) and how much it
/// holds now; the interface language (remembered on OK, used from the next start). The cache's disk
/// work (scanning, evicting) runs on the thread pool.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    /// `cache` may be null (no disk cache: the limit is still remembered).
    explicit PreferencesDialog(ContentCache *cache, QWidget *parent = nullptr);

    /// The saved disk cache bound, or the default when none is saved.
    static qint64 savedCacheLimit();
    /// Remembers `bytes` and applies it to `cache` (may be null) off the GUI thread.
    static void applyCacheLimit(ContentCache *cache, qint64 bytes, QObject *context);

    /// The saved language: "" (follow the system), "en", "de" or "fr".
    static QString savedLanguage();
    static void saveLanguage(const QString &code);
    /// The locale whose translation the application loads for `code` ("" = the system's).
    static QLocale localeFor(const QString &code);

    QString language() const;
    void setLanguage(const QString &code);

    qint64 cacheLimit() const;
    void setCacheLimit(qint64 bytes);
    /// "In use: 12.3 MB of 1 GB" once the cache answered; empty before.
    QString usageText() const;

Q_SIGNALS:
    /// The usage line was filled (the cache answered).
    void usageKnown();

private:
    void refreshUsage();

    ContentCache *m_cache;
    QSpinBox *m_limit;
    QComboBox *m_language;
    QLabel *m_usage;
};

} // namespace ocular
