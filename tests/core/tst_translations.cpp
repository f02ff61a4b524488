// The translation catalogues (translations/*.ts) are complete and faithful, and user-visible
// strings in ui/ and app/gui go through tr(). Reads the source tree (OCULAR_SOURCE_DIR): a
// catalogue that lupdate refreshed but nobody translated fails here, not in front of a user.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kSourceDir = QStringLiteral(OCULAR_SOURCE_DIR);

/// Plural forms per language as Qt's lrelease counts them (qtbase/src/corelib/kernel/
/// qtranslator_p.h): English, German and French all have two.
int pluralForms(const QString &language)
{
    static const QHash<QString, int> forms = {
        {QStringLiteral("en"), 2}, {QStringLiteral("de"), 2}, {QStringLiteral("fr"), 2}};
    return forms.value(language.section(QLatin1Char('_'), 0, 0), -1);
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:L?\\d{1,2}|L?n)"));
    QSet<QString> found;
    for (const auto &m : re.globalMatch(text))
        found.insert(m.captured().remove(QLatin1Char('L')));
    return found;
}

QStringList htmlTags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z][a-zA-Z0-9]*"));
    QStringList tags;
    for (const auto &m : re.globalMatch(text))
        tags.append(m.captured().toLower());
    return tags;
}

bool hasAccelerator(const QString &text)
{
    // "&&" is a literal ampersand; "&amp;" cannot appear (the reader decodes entities); an
    // HTML link's "&" in a URL is not an accelerator.
    QString plain = text;
    plain.remove(QStringLiteral("&&"));
    static const QRegularExpression accel(QStringLiteral("&[^\\s&]"));
    return !text.contains(QLatin1String("<a ")) && accel.match(plain).hasMatch();
}

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // "unfinished", "obsolete", "vanished" or empty
    QStringList forms;
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

Catalogue readCatalogue(const QByteArray &xml)
{
    Catalogue cat;
    QXmlStreamReader reader(xml);
    QString context;
    Message current;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const auto name = reader.name();
        if (name == QLatin1String("TS")) {
            cat.language = reader.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = reader.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, false, {}, {}};
            current.numerus =
                reader.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = reader.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = reader.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (reader.readNextStartElement())
                    current.forms.append(reader.readElementText());
            } else {
                current.forms.append(reader.readElementText());
            }
            cat.messages.append(current);
        }
    }
    if (reader.hasError())
        cat.error = reader.errorString();
    return cat;
}

/// Everything wrong with one catalogue, one line per problem; empty when it is complete.
QStringList catalogueProblems(const Catalogue &cat)
{
    QStringList problems;
    if (!cat.error.isEmpty())
        return {QStringLiteral("not readable: ") + cat.error};
    const int forms = pluralForms(cat.language);
    if (forms < 0)
        problems.append(
            QStringLiteral("language %1: add its plural count to this test").arg(cat.language));
    for (const Message &m : cat.messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (!m.type.isEmpty()) {
            problems.append(where + QStringLiteral(" is ") + m.type);
            continue;
        }
        if (m.numerus && m.forms.size() != forms)
            problems.append(where + QStringLiteral(" has %1 plural forms, %2 wants %3")
                                        .arg(m.forms.size())
                                        .arg(cat.language)
                                        .arg(forms));
        const QSet<QString> wanted = placeholders(m.source);
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                problems.append(where + QStringLiteral(" has an empty translation"));
                continue;
            }
            if (placeholders(form) != wanted)
                problems.append(where + QStringLiteral(" → \"") + form +
                                QStringLiteral("\": placeholders differ"));
            if (hasAccelerator(form) != hasAccelerator(m.source))
                problems.append(where + QStringLiteral(" → \"") + form +
                                QStringLiteral("\": accelerator (&) added or lost"));
            if (htmlTags(form) != htmlTags(m.source))
                problems.append(where + QStringLiteral(" → \"") + form +
                                QStringLiteral("\": HTML tags differ"));
        }
    }
    return problems;
}

/// A string literal handed straight to something that shows it, without tr(). Conservative:
/// catches `setText(QStringLiteral("Hello"))`, `new QLabel(u"Hi"_s…)`, `QMessageBox::warning(
/// this, QStringLiteral("Oops"), …)`; a literal without letters ("+", "…") is not text.
const QRegularExpression &bypassPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "\\b(setText|setWindowTitle|setToolTip|setStatusTip|setWhatsThis|"
        "setPlaceholderText|setTitle|setLabelText|setSuffix|setPrefix|addAction|addMenu|"
        "addTab|insertTab|setTabText|addItem|showMessage|showProblem|showInfo|"
        "setHeaderLabels|setApplicationDescription|QLabel|QPushButton|QCheckBox|"
        "QRadioButton|QGroupBox|QAction|QMenu|QMessageBox::\\w+)\\s*[({]\\s*"
        "(?:[\\w>.\\-*&]+\\s*,\\s*)?" // one leading argument: a parent, a widget
        "(?:QStringLiteral\\s*\\(\\s*|QLatin1String\\s*\\(\\s*|QString\\s*\\(\\s*|"
        "QString::fromUtf8\\s*\\(\\s*|QString::fromLatin1\\s*\\(\\s*)?"
        "u?\"((?:[^\"\\\\]|\\\\.)*[A-Za-z](?:[^\"\\\\]|\\\\.)*)\""));
    return re;
}

/// Literals that are meant to stay as they are in every language: the product's name, examples
/// of addresses.
/// Each entry: file (relative to the source tree) and the literal text.
const QList<QPair<QString, QString>> kAllowed = {
    {QStringLiteral("ui/mainwindow/mainwindow.cpp"), QStringLiteral("Ocular")},
    // Example registry addresses are the same in every language.
    {QStringLiteral("ui/dialogs/addregistrydialog.cpp"),
     QStringLiteral("ghcr.io, localhost:5000, https://registry.example.com")},
    {QStringLiteral("ui/dialogs/registrysettingsdialog.cpp"),
     QStringLiteral("ghcr.io, localhost:5000, https://registry.example.com")},
};

QStringList bypasses(const QString &file, const QString &text)
{
    QStringList found;
    for (const auto &m : bypassPattern().globalMatch(text)) {
        if (kAllowed.contains({file, m.captured(2)}))
            continue;
        const int line = int(text.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
        found.append(QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(m.captured()));
    }
    return found;
}

QStringList guiSources()
{
    QStringList files;
    for (const QString &dir : {QStringLiteral("ui"), QStringLiteral("app/gui")}) {
        QDirIterator it(kSourceDir + QLatin1Char('/') + dir,
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(QDir(kSourceDir).relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString unescapeC(QString s)
{
    s.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
    s.replace(QStringLiteral("\\\""), QStringLiteral("\""));
    s.replace(QStringLiteral("\\'"), QStringLiteral("'"));
    s.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    return s;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cataloguesExist();
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void everyTrLiteralIsCatalogued();
    void checkerCatchesBrokenEntries();
    void noStringBypassesTr();
    void bypassCheckCatchesLiterals();
};

void TestTranslations::cataloguesExist()
{
    const QDir dir(kSourceDir + QStringLiteral("/translations"));
    const QStringList names = dir.entryList({QStringLiteral("*.ts")}, QDir::Files);
    QVERIFY2(names.contains(QStringLiteral("ocular_de.ts")), qPrintable(names.join(u' ')));
    QVERIFY2(names.contains(QStringLiteral("ocular_fr.ts")), qPrintable(names.join(u' ')));
}

void TestTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(kSourceDir + QStringLiteral("/translations"));
    for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files))
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestTranslations::catalogueIsComplete()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const Catalogue cat = readCatalogue(file.readAll());
    if (cat.language == QLatin1String("en")) {
        // The source language's catalogue holds its plural forms only, and all of them: every
        // %n message the German catalogue has.
        QFile german(kSourceDir + QStringLiteral("/translations/ocular_de.ts"));
        QVERIFY(german.open(QIODevice::ReadOnly));
        QSet<QString> wanted;
        for (const Message &m : readCatalogue(german.readAll()).messages)
            if (m.numerus)
                wanted.insert(m.context + QLatin1Char('\t') + m.source);
        QSet<QString> held;
        for (const Message &m : cat.messages) {
            QVERIFY2(m.numerus, qPrintable(m.source + QStringLiteral(" is no plural message")));
            held.insert(m.context + QLatin1Char('\t') + m.source);
        }
        QVERIFY2(held == wanted,
                 qPrintable(QStringLiteral("missing: %1; extra: %2")
                                .arg(QStringList((wanted - held).values()).join(u'|'),
                                     QStringList((held - wanted).values()).join(u'|'))));
        QVERIFY(!cat.messages.isEmpty());
    } else {
        QVERIFY2(cat.messages.size() > 500, qPrintable(QString::number(cat.messages.size())));
    }
    const QStringList problems = catalogueProblems(cat);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                        problems.mid(0, 40).join(u'\n')));
}

void TestTranslations::everyTrLiteralIsCatalogued()
{
    // A tr("…") added after the last `update_translations` is missing from the catalogues:
    // the user would see English. Only single-literal calls are checked (lupdate joins
    // adjacent literals; those are left to it).
    QFile file(kSourceDir + QStringLiteral("/translations/ocular_de.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QSet<QString> known;
    for (const Message &m : readCatalogue(file.readAll()).messages)
        known.insert(m.source);
    static const QRegularExpression trCall(
        QStringLiteral("\\btr\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*[,)]"));
    QStringList missing;
    for (const QString &rel : guiSources()) {
        const QString text = readText(kSourceDir + QLatin1Char('/') + rel);
        for (const auto &m : trCall.globalMatch(text)) {
            const QString source = unescapeC(m.captured(1));
            if (!known.contains(source))
                missing.append(rel + QStringLiteral(": ") + source);
        }
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("not in the catalogues (run `ninja update_translations` "
                                       "and translate):\n") +
                        missing.join(u'\n')));
}

void TestTranslations::checkerCatchesBrokenEntries()
{
    const QByteArray sample = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>ocular::Sample</name>
<message><source>Open %1</source><translation>Öffnen</translation></message>
<message><source>Ready</source><translation type="unfinished"></translation></message>
<message><source>Gone</source><translation type="vanished">Weg</translation></message>
<message numerus="yes"><source>%n tag(s)</source><translation><numerusform>%n Tag</numerusform></translation></message>
<message><source>&amp;File</source><translation>Datei</translation></message>
<message><source>&lt;b&gt;%1&lt;/b&gt;</source><translation>%1</translation></message>
<message><source>Close</source><translation>Schließen</translation></message>
</context>
</TS>
)";
    const Catalogue cat = readCatalogue(sample);
    QCOMPARE(cat.messages.size(), 7);
    const QStringList problems = catalogueProblems(cat);
    const QString all = problems.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("\"Open %1\" → \"Öffnen\": placeholders differ")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("\"Ready\" is unfinished")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("\"Gone\" is vanished")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("has 1 plural forms, de wants 2")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("accelerator")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("HTML tags differ")), qPrintable(all));
    QCOMPARE(problems.size(), 6); // "Close" is fine
}

void TestTranslations::noStringBypassesTr()
{
    const QStringList files = guiSources();
    QVERIFY2(files.size() > 40, qPrintable(QString::number(files.size())));
    QStringList found;
    for (const QString &rel : files)
        found += bypasses(rel, readText(kSourceDir + QLatin1Char('/') + rel));
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("shown without tr():\n") + found.join(u'\n')));
}

void TestTranslations::bypassCheckCatchesLiterals()
{
    const QString sample =
        QStringLiteral("label->setText(QStringLiteral(\"Hello\"));\n" // 1
                       "label->setText(tr(\"Hello\"));\n"             // fine
                       "button->setText(QStringLiteral(\"…\"));\n"    // fine: no letters
                       "QMessageBox::warning(this, QStringLiteral(\"Oops\"), tr(\"x\"));\n"   // 4
                       "auto *l = new QLabel(\"Plain\", this);\n"                             // 5
                       "menu->addAction(QLatin1String(\"Quit\"));\n"                          // 6
                       "edit->setPlaceholderText(\n    QStringLiteral(\"e.g. team/app\"));\n" // 7
                       "setWindowTitle(QStringLiteral(\"Ocular\"));\n");                      // 9
    const QStringList found = bypasses(QStringLiteral("ui/sample.cpp"), sample);
    QCOMPARE(found.size(), 6);
    QVERIFY(found.at(0).startsWith(QLatin1String("ui/sample.cpp:1: setText(")));
    QVERIFY(found.at(1).startsWith(QLatin1String("ui/sample.cpp:4: QMessageBox::warning(")));
    QVERIFY(found.at(2).startsWith(QLatin1String("ui/sample.cpp:5: QLabel(")));
    QVERIFY(found.at(3).startsWith(QLatin1String("ui/sample.cpp:6: addAction(")));
    QVERIFY(found.at(4).startsWith(QLatin1String("ui/sample.cpp:7: setPlaceholderText(")));
    QVERIFY(found.at(5).startsWith(QLatin1String("ui/sample.cpp:9: setWindowTitle(")));
    // The allow-list is per file: the product name is fine in the main window only.
    QCOMPARE(bypasses(QStringLiteral("ui/mainwindow/mainwindow.cpp"),
                      QStringLiteral("setWindowTitle(QStringLiteral(\"Ocular\"));"))
                 .size(),
             0);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
