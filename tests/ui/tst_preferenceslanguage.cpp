// Edit ▸ Preferences ▸ Language: the choice is remembered only on OK, nonsense saved by hand
// reads as "follow the system", and the German catalogue built next to the executable turns
// the dialog German. With OCULAR_SCREENSHOT_DIR set, the German dialog is saved there.
#include "dialogs/preferencesdialog.h"
#include "support/screenshot.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTranslator>

using namespace ocular;

class TestPreferencesLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offersSystemEnglishGermanFrench();
    void savedOnlyOnOk();
    void nonsenseMeansSystem();
    void germanCatalogueTranslatesTheDialog();
    void englishPluralsReadNaturally();
};

void TestPreferencesLanguage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferenceslanguage"));
    QSettings().clear();
}

void TestPreferencesLanguage::cleanup()
{
    QSettings().clear();
}

void TestPreferencesLanguage::offersSystemEnglishGermanFrench()
{
    PreferencesDialog dialog(nullptr);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->itemData(0).toString(), QString());
    QCOMPARE(combo->itemText(1), QStringLiteral("English"));
    QCOMPARE(combo->itemText(2), QStringLiteral("Deutsch"));
    QCOMPARE(combo->itemText(3), QStringLiteral("Français"));
    QCOMPARE(dialog.language(), QString()); // nothing saved: the system's language
}

void TestPreferencesLanguage::savedOnlyOnOk()
{
    {
        PreferencesDialog dialog(nullptr);
        dialog.setLanguage(QStringLiteral("fr"));
        dialog.reject();
    }
    QCOMPARE(PreferencesDialog::savedLanguage(), QString());
    {
        PreferencesDialog dialog(nullptr);
        dialog.setLanguage(QStringLiteral("de"));
        dialog.accept();
    }
    QCOMPARE(PreferencesDialog::savedLanguage(), QStringLiteral("de"));
    QCOMPARE(PreferencesDialog::localeFor(QStringLiteral("de")).language(), QLocale::German);
    PreferencesDialog again(nullptr);
    QCOMPARE(again.language(), QStringLiteral("de"));
    // Back to the system default removes the key rather than storing an empty choice.
    again.setLanguage(QString());
    again.accept();
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
}

void TestPreferencesLanguage::nonsenseMeansSystem()
{
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
    QCOMPARE(PreferencesDialog::savedLanguage(), QString());
    QCOMPARE(PreferencesDialog::localeFor(QStringLiteral("klingon")), QLocale());
    PreferencesDialog dialog(nullptr);
    QCOMPARE(dialog.language(), QString());
}

void TestPreferencesLanguage::germanCatalogueTranslatesTheDialog()
{
    // lrelease writes the .qm files next to the ocular executable's build directory.
    const QString qm = QStringLiteral(OCULAR_BINARY_DIR "/app/ocular_de.qm");
    if (!QFile::exists(qm))
        QSKIP("app/ocular_de.qm not built (ninja ocular_lrelease)");
    QTranslator german;
    QVERIFY(german.load(qm));
    QCoreApplication::installTranslator(&german);
    {
        PreferencesDialog dialog(nullptr);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("language"))->itemText(0),
                 QStringLiteral("Systemstandard"));
        dialog.resize(dialog.sizeHint());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::saveShot(&dialog, QStringLiteral("preferences-de"));
    }
    QCoreApplication::removeTranslator(&german);
}

void TestPreferencesLanguage::englishPluralsReadNaturally()
{
    // English has a plural-only catalogue, built with the ocular executable.
    const QString qm = QStringLiteral(OCULAR_BINARY_DIR "/app/plurals/ocular_en.qm");
    QVERIFY2(QFile::exists(qm), qPrintable(qm + QStringLiteral(" was not built")));
    QTranslator english;
    QVERIFY(english.load(qm));
    QCoreApplication::installTranslator(&english);
    const auto tags = [](int n) {
        return QCoreApplication::translate("ocular::RegistryTreeModel", "%n tag(s)", nullptr, n);
    };
    QCOMPARE(tags(1), QStringLiteral("1 tag"));
    QCOMPARE(tags(3), QStringLiteral("3 tags"));
    QCOMPARE(QCoreApplication::translate("ocular::RepositorySearchDialog",
                                         "%n match(es) in %1. Double-click one to show it in "
                                         "the tree.",
                                         nullptr, 1)
                 .arg(QStringLiteral("demo/hello")),
             QStringLiteral("1 match in demo/hello. Double-click it to show it in the tree."));
    // Everything else stays the source text.
    QCOMPARE(QCoreApplication::translate("ocular::PreferencesDialog", "Preferences"),
             QStringLiteral("Preferences"));
    QCoreApplication::removeTranslator(&english);
}

QTEST_MAIN(TestPreferencesLanguage)
#include "tst_preferenceslanguage.moc"
