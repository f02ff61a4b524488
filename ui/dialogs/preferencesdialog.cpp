#include "preferencesdialog.h"

#include "base/offthread.h"
#include "cache/contentcache.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ocular {

namespace {

const QString kLimitKey = QStringLiteral("cache/maxDiskMiB");
const QString kLanguageKey = QStringLiteral("ui/language");
const QStringList kLanguageCodes = {QStringLiteral("en"), QStringLiteral("de"),
                                    QStringLiteral("fr")};
// Each language is named in itself (an autonym) and never translated: someone who cannot read
// the current language still finds theirs. Same order as kLanguageCodes.
const QStringList kLanguageNames = {QStringLiteral("English"), QStringLiteral("Deutsch"),
                                    QStringLiteral("Français")};
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kMinMiB = 16;
constexpr qint64 kMaxMiB = 1024 * 1024; // 1 TiB

} // namespace

PreferencesDialog::PreferencesDialog(ContentCache *cache, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_limit(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_usage(new QLabel(this))
{
    setWindowTitle(tr("Preferences"));
    m_limit->setObjectName(QStringLiteral("cacheLimit"));
    m_limit->setRange(int(kMinMiB), int(kMaxMiB));
    m_limit->setSuffix(tr(" MiB"));
    m_limit->setSingleStep(256);
    m_limit->setAccelerated(true);
    m_usage->setObjectName(QStringLiteral("cacheUsage"));
    m_usage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setCacheLimit(savedCacheLimit());
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QString());
    for (qsizetype i = 0; i < kLanguageCodes.size(); ++i)
        m_language->addItem(kLanguageNames.at(i), kLanguageCodes.at(i));
    setLanguage(savedLanguage());

    auto *form = new QFormLayout;
    form->addRow(tr("Disk cache limit:"), m_limit);
    auto *hint = new QLabel(tr("Manifests and blobs fetched by digest are kept on disk up to "
                               "this size; the least recently used go first."),
                            this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    form->addRow(tr("In use:"), m_usage);
    form->addRow(tr("Language:"), m_language);
    auto *restartHint = new QLabel(tr("A new language takes effect after a restart."), this);
    restartHint->setWordWrap(true);
    form->addRow(QString(), restartHint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(this, &QDialog::accepted, this, [this] { saveLanguage(language()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    refreshUsage();
}

qint64 PreferencesDialog::savedCacheLimit()
{
    bool ok = false;
    const qint64 mib = QSettings().value(kLimitKey).toLongLong(&ok);
    if (!ok || mib < kMinMiB || mib > kMaxMiB)
        return ContentCache::DefaultMaxDiskBytes;
    return mib * kMiB;
}

void PreferencesDialog::applyCacheLimit(ContentCache *cache, qint64 bytes, QObject *context)
{
    const qint64 mib = qBound<qint64>(kMinMiB, bytes / kMiB, kMaxMiB);
    QSettings().setValue(kLimitKey, mib);
    if (!cache)
        return;
    // Lowering the bound deletes files: never on the GUI thread.
    runOffThread<bool>(
        context,
        [cache, mib] {
            cache->setMaxDiskBytes(mib * kMiB);
            return true;
        },
        [](bool) {});
}

QString PreferencesDialog::savedLanguage()
{
    const QString code = QSettings().value(kLanguageKey).toString();
    return kLanguageCodes.contains(code) ? code : QString();
}

void PreferencesDialog::saveLanguage(const QString &code)
{
    if (kLanguageCodes.contains(code))
        QSettings().setValue(kLanguageKey, code);
    else
        QSettings().remove(kLanguageKey);
}

QLocale PreferencesDialog::localeFor(const QString &code)
{
    return kLanguageCodes.contains(code) ? QLocale(code) : QLocale();
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setLanguage(const QString &code)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(code)));
}

qint64 PreferencesDialog::cacheLimit() const
{
    return qint64(m_limit->value()) * kMiB;
}

void PreferencesDialog::setCacheLimit(qint64 bytes)
{
    m_limit->setValue(int(qBound<qint64>(kMinMiB, bytes / kMiB, kMaxMiB)));
}

QString PreferencesDialog::usageText() const
{
    return m_usage->text();
}

void PreferencesDialog::refreshUsage()
{
    if (!m_cache) {
        m_usage->setText(tr("no disk cache in this session"));
        Q_EMIT usageKnown();
        return;
    }
    m_usage->setText(tr("measuring…"));
    ContentCache *cache = m_cache;
    // The first call scans the cache directory.
    runOffThread<QPair<qint64, qint64>>(
        this, [cache] { return qMakePair(cache->diskBytes(), cache->maxDiskBytes()); },
        [this](QPair<qint64, qint64> usage) {
            const QLocale locale = QLocale::system();
            m_usage->setText(tr("%1 of %2")
                                 .arg(locale.formattedDataSize(usage.first),
                                      locale.formattedDataSize(usage.second)));
            Q_EMIT usageKnown();
        });
}

} // namespace ocular
