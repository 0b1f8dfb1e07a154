// The CLI's own error messages (app/cli/command_line.h): running out of memory names the input
// and what was under way instead of printing "std::bad_alloc" (issue 15; docs/design.md §6.8).
#include "app/cli/command_line.h"

#include <QtTest>

#include <new>
#include <stdexcept>

using namespace headroom::cli;

class TestCliMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outOfMemoryNamesTheInputAndTheStep()
    {
        const QString message =
                failureMessage(std::bad_alloc(), "trace.swf", QStringLiteral("sizing it"));
        QVERIFY2(message.startsWith("trace.swf: out of memory while sizing it; "),
                 qPrintable(message));
        QVERIFY2(!message.contains("bad_alloc"), qPrintable(message));
    }

    void outOfMemoryWithoutAnInputStillSaysWhatRanOut()
    {
        const QString message = failureMessage(std::bad_alloc());
        QVERIFY2(message.startsWith("out of memory; "), qPrintable(message));
    }

    void otherErrorsKeepTheirOwnText()
    {
        const std::invalid_argument error("jobs.csv:3: field \"slots\": not a number");
        QCOMPARE(failureMessage(error, "jobs.csv", QStringLiteral("importing it")),
                 QStringLiteral("jobs.csv:3: field \"slots\": not a number"));
    }

    void succeedsSaysWhetherTheStepThrew()
    {
        QVERIFY(succeeds([] {}));
        QVERIFY(!succeeds([] { throw std::bad_alloc(); }, "x.json", QStringLiteral("reading it")));
        QVERIFY(!succeeds([] { throw std::runtime_error("no"); }));
    }
};

QTEST_GUILESS_MAIN(TestCliMessages)
#include "test_cli_messages.moc"
