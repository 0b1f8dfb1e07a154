// LLM training time from 6·N·D (core/workload/llm_sizing.h), checked against hand arithmetic
// and a published training run.
#include "core/workload/llm_sizing.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace headroom;

class TestLlmSizing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void h100Example()
    {
        // 70e9 parameters on 2e12 tokens: 6·N·D = 8.4e23 FLOP. 1024 H100 SXM at 989 TFLOP/s
        // dense BF16 and 40 % MFU deliver 1024 · 989e12 · 0.4 = 4.050944e17 FLOP/s, so
        // 8.4e23 / 4.050944e17 = 2,073,590.75 s, just under 24 days.
        const double seconds = llmTrainingSeconds(70e9, 2e12, 1024, 989.0, 0.4);
        QCOMPARE(seconds, 8.4e23 / 4.050944e17);
        QVERIFY(std::abs(seconds - 2073590.748) < 0.01);
        QVERIFY(std::abs(seconds / 86400.0 - 24.0) < 0.001);
    }

    void llama2Published()
    {
        // Llama 2 70B (Touvron et al. 2023, Table 2): 2.0e12 tokens, 1,720,320 A100-80GB
        // GPU-hours. At the A100's 312 TFLOP/s dense BF16 that is an MFU of about 0.435; the
        // formula with one accelerator gives accelerator-seconds, so it must land within 0.1 %
        // of the published GPU-hours.
        const double gpuHours = llmTrainingSeconds(70e9, 2e12, 1, 312.0, 0.435) / 3600.0;
        QVERIFY2(std::abs(gpuHours - 1720320.0) / 1720320.0 < 0.001,
                 qPrintable(QString::number(gpuHours, 'f', 0)));
    }

    // Against 7e9 parameters on 1e12 tokens, 64 accelerators at 989 TFLOP/s and 50 % MFU.
    void scalesInverselyWithHardware_data()
    {
        QTest::addColumn<double>("parameters");
        QTest::addColumn<int>("accelerators");
        QTest::addColumn<double>("mfu");
        QTest::addColumn<double>("factor");
        QTest::newRow("twice the accelerators") << 7e9 << 128 << 0.5 << 0.5;
        QTest::newRow("half the MFU") << 7e9 << 64 << 0.25 << 2.0;
        QTest::newRow("twice the parameters") << 14e9 << 64 << 0.5 << 2.0;
    }
    void scalesInverselyWithHardware()
    {
        QFETCH(double, parameters);
        QFETCH(int, accelerators);
        QFETCH(double, mfu);
        QFETCH(double, factor);
        const double base = llmTrainingSeconds(7e9, 1e12, 64, 989.0, 0.5);
        QCOMPARE(llmTrainingSeconds(parameters, 1e12, accelerators, 989.0, mfu), base * factor);
    }

    // MFU 1 is the physical limit and still allowed.
    void mfuOfOneIsAllowed()
    {
        QVERIFY(std::isfinite(llmTrainingSeconds(7e9, 1e12, 64, 989.0, 1.0)));
    }

    void invalidInputs_data()
    {
        QTest::addColumn<double>("parameters");
        QTest::addColumn<double>("tokens");
        QTest::addColumn<int>("accelerators");
        QTest::addColumn<double>("tflops");
        QTest::addColumn<double>("mfu");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("zero parameters") << 0.0 << 1e12 << 8 << 989.0 << 0.4;
        QTest::newRow("negative tokens") << 7e9 << -1.0 << 8 << 989.0 << 0.4;
        QTest::newRow("zero accelerators") << 7e9 << 1e12 << 0 << 989.0 << 0.4;
        QTest::newRow("negative accelerators") << 7e9 << 1e12 << -8 << 989.0 << 0.4;
        QTest::newRow("no peak figure") << 7e9 << 1e12 << 8 << 0.0 << 0.4;
        QTest::newRow("zero mfu") << 7e9 << 1e12 << 8 << 989.0 << 0.0;
        QTest::newRow("mfu above 1") << 7e9 << 1e12 << 8 << 989.0 << 1.01;
        QTest::newRow("nan parameters") << nan << 1e12 << 8 << 989.0 << 0.4;
        QTest::newRow("infinite tokens") << 7e9 << inf << 8 << 989.0 << 0.4;
        QTest::newRow("overflow") << 1e300 << 1e300 << 1 << 1e-300 << 0.4;
    }

    void invalidInputs()
    {
        QFETCH(double, parameters);
        QFETCH(double, tokens);
        QFETCH(int, accelerators);
        QFETCH(double, tflops);
        QFETCH(double, mfu);
        QVERIFY(std::isnan(llmTrainingSeconds(parameters, tokens, accelerators, tflops, mfu)));
    }
};

QTEST_GUILESS_MAIN(TestLlmSizing)
#include "test_llm_sizing.moc"
