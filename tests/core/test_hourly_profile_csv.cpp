// Hourly profiles from CSV (core/io/hourly_profile_csv.h): both layouts, headers and the
// habits of spreadsheet exports; every bad row names the file, the line and the field.
#include "core/io/hourly_profile_csv.h"
#include "core/io/input_error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace headroom;
using Values = std::vector<double>;
Q_DECLARE_METATYPE(Values)

namespace {

std::optional<InputError> errorOf(const std::string &text, const std::string &name = "p.csv")
{
    try {
        parseHourlyProfileCsv(text, name);
    } catch (const InputError &error) {
        return error;
    }
    return std::nullopt;
}

} // namespace

class TestHourlyProfileCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<Values>("expected");
        QTest::newRow("hour,value")
                << QByteArray("0,0.12\n1,0.15\n2,0.31\n") << Values{0.12, 0.15, 0.31};
        QTest::newRow("header") << QByteArray("hour,price_usd_per_kwh\n0,0.12\n1,0.15\n")
                                << Values{0.12, 0.15};
        QTest::newRow("single column") << QByteArray("0.3\n0.25\n0.2") << Values{0.3, 0.25, 0.2};
        QTest::newRow("single column with header")
                << QByteArray("g_co2_per_kwh\n420\n380\n") << Values{420, 380};
        QTest::newRow("hours in any order") << QByteArray("2,3\n0,1\n1,2\n") << Values{1, 2, 3};
        QTest::newRow("clock hours")
                << QByteArray("00:00,5\n01:00,6\n02:00:00,7\n") << Values{5, 6, 7};
        QTest::newRow("CRLF, BOM, quotes, spaces")
                << QByteArray("\xEF\xBB\xBF\"hour\",\"value\"\r\n \"0\" , \"1.5\" \r\n1,+2\r\n")
                << Values{1.5, 2};
        QTest::newRow("semicolons") << QByteArray("hour;value\n0;1e-1\n1;0\n") << Values{0.1, 0};
        QTest::newRow("tabs") << QByteArray("0\t10\n1\t20\n") << Values{10, 20};
        QTest::newRow("blank lines and comments")
                << QByteArray("# day-ahead prices\n\n0,1\n\n# night\n1,2\n\n") << Values{1, 2};
        QTest::newRow("negative zero reads as zero") << QByteArray("-0\n") << Values{0};
    }

    void reads()
    {
        QFETCH(QByteArray, text);
        QFETCH(Values, expected);
        const HourlyProfile profile = parseHourlyProfileCsv(text.toStdString(), "p.csv");
        QCOMPARE(profile.values, expected);
        for (double v : profile.values)
            QVERIFY(!std::signbit(v));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty file") << QByteArray("") << 0 << ""
                                    << "no values: the file is empty";
        QTest::newRow("only blank lines") << QByteArray("\n\n  \n") << 0 << ""
                                          << "file is empty";
        QTest::newRow("only a header") << QByteArray("hour,value\n") << 0 << ""
                                       << "no values after the header line";
        QTest::newRow("non-numeric value")
                << QByteArray("hour,value\n0,0.1\n1,n/a\n") << 3 << "2 (value)"
                << "not a number: \"n/a\"";
        QTest::newRow("non-numeric single value") << QByteArray("0.1\nabc\n") << 2 << "1 (value)"
                                                  << "not a number: \"abc\"";
        QTest::newRow("decimal comma") << QByteArray("0;0,12\n") << 1 << "2 (value)"
                                       << "write decimals with a point: 0.12";
        QTest::newRow("negative") << QByteArray("0,0.1\n1,-0.5\n") << 2 << "2 (value)"
                                  << "must be >= 0 (is -0.5)";
        QTest::newRow("NaN") << QByteArray("0,0.1\n1,nan\n") << 2 << "2 (value)"
                             << "must be a finite number";
        QTest::newRow("infinity") << QByteArray("1\ninf\n") << 2 << "1 (value)"
                                  << "must be a finite number";
        QTest::newRow("empty value") << QByteArray("0,1\n1,\n") << 2 << "2 (value)"
                                     << "empty";
        QTest::newRow("bad hour") << QByteArray("0,1\nnoon,2\n") << 2 << "1 (hour)"
                                  << "not an hour: \"noon\"";
        QTest::newRow("half hour") << QByteArray("0,1\n0.5,2\n") << 2 << "1 (hour)"
                                   << "must be a whole hour";
        QTest::newRow("negative hour") << QByteArray("-1,2\n") << 1 << "1 (hour)"
                                       << "count from 0";
        QTest::newRow("duplicate hour") << QByteArray("0,1\n1,2\n1,3\n") << 3 << "1 (hour)"
                                        << "hour 1 appears twice (also on line 2)";
        QTest::newRow("gap") << QByteArray("0,1\n1,2\n3,4\n") << 0 << "hour"
                             << "hour 2 is missing (hours must run from 0 to 3";
        QTest::newRow("hours from 1") << QByteArray("1,1\n2,2\n") << 0 << "hour"
                                      << "hour 0 is missing";
        QTest::newRow("three columns") << QByteArray("0,1,2\n") << 1 << ""
                                       << "found 3 fields";
        QTest::newRow("mixed columns") << QByteArray("0,1\n2\n") << 2 << ""
                                       << "expected 2 fields like the lines before, found 1";
    }

    void refuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const std::optional<InputError> error = errorOf(text.toStdString());
        QVERIFY2(error, "no error");
        QCOMPARE(error->file(), std::string("p.csv"));
        QCOMPARE(error->line(), line);
        QCOMPARE(QString::fromStdString(error->field()), field);
        QVERIFY2(QString::fromStdString(error->message()).contains(message), error->what());
        // what() leads with the file and line, the way editors jump to them.
        const QString what = QString::fromUtf8(error->what());
        QVERIFY(what.startsWith(line > 0 ? QStringLiteral("p.csv:%1: ").arg(line)
                                         : QStringLiteral("p.csv: ")));
    }

    void tooManyValues()
    {
        std::string text;
        for (int i = 0; i <= 100000; ++i)
            text += "1\n";
        const std::optional<InputError> error = errorOf(text);
        QVERIFY(error);
        QCOMPARE(error->line(), 100001);
        QVERIFY(QString::fromStdString(error->message()).contains("too many values"));
    }

    void loadsFilesAndNamesThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string good = dir.filePath("price.csv").toStdString();
        std::ofstream(good) << "hour,usd\n0,0.1\n1,0.2\n";
        QCOMPARE(loadHourlyProfileCsv(good).values, (Values{0.1, 0.2}));

        const std::string bad = dir.filePath("bad.csv").toStdString();
        std::ofstream(bad) << "0.1\n0.2\nx\n";
        try {
            loadHourlyProfileCsv(bad);
            QFAIL("no error");
        } catch (const InputError &error) {
            QCOMPARE(error.file(), bad);
            QCOMPARE(QString::fromUtf8(error.what()), QString::fromStdString(bad) +
                                                              ":3: field 1 (value): not a "
                                                              "number: \"x\"");
        }

        const std::string missing = dir.filePath("missing.csv").toStdString();
        try {
            loadHourlyProfileCsv(missing);
            QFAIL("no error");
        } catch (const InputError &error) {
            QCOMPARE(error.file(), missing);
        }
    }
};

QTEST_APPLESS_MAIN(TestHourlyProfileCsv)
#include "test_hourly_profile_csv.moc"
