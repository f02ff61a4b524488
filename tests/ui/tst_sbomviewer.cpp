// The SBOM viewer: parse off the GUI thread, table, counts, filter; and the benchmark of an
// SBOM of 50,000 packages to the first painted table.
#include "support/fixtures.h"

#include "models/sbompackagesmodel.h"
#include "panels/sbomviewer.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace ocular;

class TestSbomViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spdxFixtureWithFilter()
    {
        const QString path = QStringLiteral("sboms/spdx-2.3-kubectl-linux-amd64-syft.json");
        OCULAR_REQUIRE_FIXTURE(path);
        SbomViewer viewer;
        QAbstractItemModelTester tester(viewer.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&viewer, &SbomViewer::loaded);
        viewer.loadJson(*test::readFixture(path));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toInt(), 89);
        QCOMPARE(viewer.model()->rowCount(), 89);
        QVERIFY2(viewer.summaryText().contains(QStringLiteral("89 packages")),
                 qPrintable(viewer.summaryText()));
        viewer.filterEdit()->setText(QStringLiteral("golang"));
        QVERIFY(viewer.proxy()->rowCount() > 0);
        QVERIFY(viewer.proxy()->rowCount() < 89);
        QVERIFY(viewer.summaryText().contains(QStringLiteral("shown")));
        viewer.filterEdit()->clear();
        QCOMPARE(viewer.proxy()->rowCount(), 89);

        // purl gets the room, the short columns what they need; cut cells have tooltips.
        viewer.resize(900, 400);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        const QTableView *table = viewer.table();
        const int purl = table->columnWidth(SbomPackagesModel::PurlColumn);
        const int type = table->columnWidth(SbomPackagesModel::TypeColumn);
        QVERIFY2(purl > 2 * type,
                 qPrintable(QStringLiteral("purl %1, type %2").arg(purl).arg(type)));
        QVERIFY(purl > table->columnWidth(SbomPackagesModel::NameColumn));
        const QModelIndex cell = viewer.proxy()->index(0, SbomPackagesModel::PurlColumn);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), cell.data().toString());
    }

    void notAnSbom()
    {
        SbomViewer viewer;
        QSignalSpy loaded(&viewer, &SbomViewer::loaded);
        viewer.loadJson("{\"not\":\"an sbom\"}");
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().first().toInt(), -1);
        QVERIFY(viewer.summaryText().contains(QStringLiteral("Not a readable SBOM")));
    }

    void fiftyThousandPackagesToFirstPaint()
    {
        QJsonArray packages;
        for (int i = 0; i < 50000; ++i)
            packages.append(QJsonObject{
                {QStringLiteral("name"), QStringLiteral("package-%1").arg(i)},
                {QStringLiteral("versionInfo"), QStringLiteral("%1.0").arg(i % 13)},
                {QStringLiteral("licenseConcluded"), QStringLiteral("Apache-2.0")},
                {QStringLiteral("externalRefs"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("referenceType"), QStringLiteral("purl")},
                     {QStringLiteral("referenceLocator"),
                      QStringLiteral("pkg:deb/debian/package-%1@%2.0").arg(i).arg(i % 13)}}}}});
        const QByteArray json =
            QJsonDocument(QJsonObject{{QStringLiteral("spdxVersion"), QStringLiteral("SPDX-2.3")},
                                      {QStringLiteral("packages"), packages}})
                .toJson(QJsonDocument::Compact);
        SbomViewer viewer;
        viewer.resize(900, 600);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QSignalSpy loaded(&viewer, &SbomViewer::loaded);
        QElapsedTimer timer;
        timer.start();
        viewer.loadJson(json);
        // The GUI thread stays responsive while the parse runs elsewhere.
        int ticks = 0;
        while (loaded.isEmpty() && timer.elapsed() < 30000) {
            QTest::qWait(5);
            ++ticks;
        }
        QCOMPARE(loaded.size(), 1);
        const qint64 parsed = timer.elapsed();
        auto *table = viewer.findChild<QTableView *>();
        QVERIFY(table);
        table->viewport()->repaint(); // synchronous paint of the first screen of rows
        const qint64 painted = timer.elapsed();
        QCOMPARE(viewer.model()->rowCount(), 50000);
        qInfo("SBOM of 50,000 packages (%lld bytes): parsed off-thread in %lld ms (%d event-loop "
              "turns meanwhile), first table paint at %lld ms",
              qint64(json.size()), parsed, ticks, painted);
        QVERIFY(ticks > 0);
        QVERIFY(painted < 20000);
        // Filtering 50,000 rows stays interactive.
        QElapsedTimer filter;
        filter.start();
        viewer.filterEdit()->setText(QStringLiteral("package-4999"));
        QCOMPARE(viewer.proxy()->rowCount(), 11); // package-4999 and package-49990..49999
        qInfo("filter over 50,000 rows: %lld ms", filter.elapsed());
    }
};

QTEST_MAIN(TestSbomViewer)
#include "tst_sbomviewer.moc"
