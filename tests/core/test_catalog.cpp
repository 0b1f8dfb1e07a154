// The bundled hardware catalog (resources/catalog/hardware.json): it loads through the
// scenario reader, holds every node type planners expect, and each figure is traceable to
// the public source its entry cites.
#include "core/io/input_error.h"
#include "core/io/scenario_json.h"

#include <QtTest>

#include <filesystem>
#include <string>

using namespace headroom;
namespace fs = std::filesystem;

namespace {

fs::path sourceRoot()
{
    const QByteArray sourceDir = qgetenv("HEADROOM_SOURCE_DIR");
    return sourceDir.isEmpty() ? fs::path(__FILE__).parent_path().parent_path().parent_path()
                               : fs::path(sourceDir.toStdString());
}

// Loads a bundled scenario; a reader error (file, line, field) becomes `error`.
bool load(const fs::path &relative, Scenario &scenario, QString &error)
{
    try {
        scenario = loadScenarioFile((sourceRoot() / relative).string());
        return true;
    } catch (const InputError &e) {
        error = QString::fromUtf8(e.what());
    }
    return false;
}

const NodeType *findType(const Scenario &scenario, const QString &name)
{
    return scenario.findNodeType(name.toStdString());
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private:
    Scenario m_catalog;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(load("resources/catalog/hardware.json", m_catalog, error), qPrintable(error));
        QVERIFY(!m_catalog.nodeTypes.empty());
    }

    // A catalog, not a cluster: opening it must not bring nodes or work along.
    void holdsOnlyNodeTypes()
    {
        QCOMPARE(m_catalog.cluster.nodeCount(), 0);
        QVERIFY(m_catalog.jobs.empty());
        QVERIFY(m_catalog.services.empty());
    }

    // The types planners ask for first, with the public figures they are built from. Each
    // figure in `cited` must appear in the entry's source, so a changed number without a
    // changed citation (or the reverse) fails here. The accelerators' own maximum power is a
    // lower bound on the node's: a node cannot draw less at full load than its accelerators.
    void requiredTypes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("accelerators");
        QTest::addColumn<double>("peakTflops");
        QTest::addColumn<double>("acceleratorMaxW");
        QTest::addColumn<double>("nodeMaxW");
        QTest::addColumn<QStringList>("cited");

        QTest::newRow("8x H100 SXM") << "dgx-h100" << 8 << 989.0 << 700.0 << 10200.0
                                     << QStringList{"DGX H100", "10.2 kW", "700 W", "989"};
        QTest::newRow("8x A100 SXM 80GB")
                << "dgx-a100" << 8 << 312.0 << 400.0 << 6500.0
                << QStringList{"DGX A100", "6.5 kW", "400 W", "312", "$199,000"};
        QTest::newRow("8x MI300X") << "mi300x-8gpu" << 8 << 1307.4 << 750.0 << 10000.0
                                   << QStringList{"MI300X", "750 W", "1,307.4", "max_w 10 kW"};
        QTest::newRow("4x L40S") << "l40s-4gpu" << 4 << 362.0 << 350.0 << 2400.0
                                 << QStringList{"L40S", "350 W", "362", "733 with sparsity"};
        QTest::newRow("8x H200 SXM") << "dgx-h200" << 8 << 989.0 << 700.0 << 10200.0
                                     << QStringList{"DGX H200", "10.2 kW", "700 W", "989"};
        QTest::newRow("8x B200") << "dgx-b200" << 8 << 2250.0 << 1000.0 << 14300.0
                                 << QStringList{"DGX B200", "14.3 kW", "1,000 W", "2,250"};
        // Rack-scale: one node is the whole NVL72 rack, one NVLink domain of 72 GPUs.
        QTest::newRow("GB200 NVL72 rack")
                << "gb200-nvl72" << 72 << 2500.0 << 1200.0 << 120000.0
                << QStringList{"GB200 NVL72", "one NVLink domain", "2,500", "120 kW", "1,200 W"};
        QTest::newRow("8x MI325X") << "mi325x-8gpu" << 8 << 1307.4 << 1000.0 << 12600.0
                                   << QStringList{"MI325X", "1,000 W", "1,307.4", "12.6 kW"};
        QTest::newRow("8x MI355X") << "mi355x-8gpu" << 8 << 2516.6 << 1400.0 << 15800.0
                                   << QStringList{"MI355X", "1,400 W", "2,516.6", "15.8 kW"};
        QTest::newRow("8x Gaudi 3") << "gaudi3-8x" << 8 << 1835.0 << 900.0 << 11800.0
                                    << QStringList{"Gaudi 3", "900 W", "1,835", "$125,000"};
        // CPU-only: one slot per socket, so the "accelerator" power is the socket's TDP.
        QTest::newRow("2x EPYC 9654")
                << "cpu-epyc9654-2s" << 2 << 14.7 << 360.0 << 1200.0
                << QStringList{"EPYC 9654", "96 cores", "360 W", "per socket", "14.7"};
    }

    void requiredTypes()
    {
        QFETCH(QString, name);
        QFETCH(int, accelerators);
        QFETCH(double, peakTflops);
        QFETCH(double, acceleratorMaxW);
        QFETCH(double, nodeMaxW);
        QFETCH(QStringList, cited);

        const NodeType *type = findType(m_catalog, name);
        QVERIFY2(type, qPrintable("no node type " + name));
        QCOMPARE(type->accelerators, accelerators);
        QCOMPARE(type->peakTflopsPerAccelerator, peakTflops);
        QCOMPARE(type->power.maxW(), nodeMaxW);
        QVERIFY(type->power.maxW() > accelerators * acceleratorMaxW);
        const QString source = QString::fromStdString(type->source);
        for (const QString &figure : cited)
            QVERIFY2(source.contains(figure),
                     qPrintable(name + ": source does not cite " + figure));
    }

    // Every entry, required or not, is complete enough to plan with and says where its
    // numbers come from. Idle draw never has a vendor figure for these systems, so every
    // source must account for idle_w, and estimates must be called estimates.
    void everyTypeIsCompleteAndSourced()
    {
        for (const NodeType &type : m_catalog.nodeTypes) {
            const QString name = QString::fromStdString(type.name);
            const QString source = QString::fromStdString(type.source);
            QVERIFY2(!type.acceleratorModel.empty(), qPrintable(name));
            QVERIFY2(type.accelerators > 0, qPrintable(name));
            QVERIFY2(type.cpuCores > 0, qPrintable(name));
            QVERIFY2(type.memoryGb > 0.0, qPrintable(name));
            QVERIFY2(type.peakTflopsPerAccelerator > 0.0, qPrintable(name));
            QVERIFY2(type.power.idleW() > 0.0, qPrintable(name));
            QVERIFY2(type.power.maxW() > type.power.idleW(), qPrintable(name));
            QVERIFY2(type.offW < type.power.idleW(), qPrintable(name));
            QVERIFY2(type.bootS > 0.0, qPrintable(name));
            QVERIFY2(!source.isEmpty(), qPrintable(name + ": no source"));
            QVERIFY2(source.contains("idle_w"), qPrintable(name + ": idle_w not sourced"));
            QVERIFY2(source.contains("Headroom estimates, not vendor figures"),
                     qPrintable(name + ": estimates not labelled"));
            // Sizing's cost objective needs a price; the source says where it comes from.
            QVERIFY2(type.priceUsd && *type.priceUsd > 0.0, qPrintable(name + ": no price_usd"));
            QVERIFY2(source.contains("price_usd"), qPrintable(name + ": price_usd not sourced"));
        }
    }

    // The bundled example's DGX H100 and the catalog's are the same machine, so the figures
    // must agree; only the wording of the citation may differ.
    void exampleAgreesWithCatalog()
    {
        Scenario example;
        QString error;
        QVERIFY2(load("resources/examples/two-rack-h100.json", example, error), qPrintable(error));
        const NodeType *fromExample = findType(example, "dgx-h100");
        const NodeType *fromCatalog = findType(m_catalog, "dgx-h100");
        QVERIFY(fromExample && fromCatalog);
        NodeType a = *fromExample;
        NodeType b = *fromCatalog;
        a.source.clear();
        b.source.clear();
        QVERIFY(a == b);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "test_catalog.moc"
