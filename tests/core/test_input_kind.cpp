// Telling a scenario from an SWF trace by content (core/io/input_kind.h, docs/design.md §6.2):
// the one rule the CLI's simulate and the GUI's open and import share.
#include "core/io/input_error.h"
#include "core/io/input_kind.h"

#include <QtTest>

#include <zlib.h>

#include <optional>
#include <string>

Q_DECLARE_METATYPE(headroom::InputKind)

using namespace headroom;

namespace {

const std::string kScenario = "{\n  \"format\": \"headroom-scenario\",\n  \"version\": 1\n}\n";
const std::string kTrace = "; Version: 2.2\n; MaxNodes: 4\n1 0 -1 10 2 -1 -1 2 20 -1 1 1 -1 -1 "
                           "-1 -1 -1 -1\n";
const std::string kJobRowsOnly = "  1 0 -1 10 2 -1 -1 2 20 -1 1 1 -1 -1 -1 -1 -1 -1\n";

std::string gzipped(const std::string &text)
{
    // A gzip member with one stored deflate block: all zlib needs to read it back.
    z_stream zs{};
    std::string out(compressBound(uLong(text.size())) + 64, '\0');
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2");
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
    zs.avail_in = uInt(text.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate");
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

} // namespace

class TestInputKind : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string write(const QString &name, const std::string &bytes) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(bytes.data(), qint64(bytes.size()));
        return file.fileName().toStdString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The content decides, whatever the name says.
    void contentDecides_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<InputKind>("expected");
        auto bytes = [](const std::string &s) { return QByteArray::fromStdString(s); };
        QTest::newRow("scenario.json") << "a.json" << bytes(kScenario) << InputKind::Scenario;
        QTest::newRow("trace.swf") << "a.swf" << bytes(kTrace) << InputKind::SwfTrace;
        QTest::newRow("trace.swf.gz")
                << "a.swf.gz" << bytes(gzipped(kTrace)) << InputKind::SwfTrace;
        QTest::newRow("trace named .json") << "b.json" << bytes(kTrace) << InputKind::SwfTrace;
        QTest::newRow("scenario named .swf") << "b.swf" << bytes(kScenario) << InputKind::Scenario;
        QTest::newRow("gzip scenario")
                << "c.json.gz" << bytes(gzipped(kScenario)) << InputKind::Scenario;
        QTest::newRow("gzip trace, no suffix")
                << "trace" << bytes(gzipped(kTrace)) << InputKind::SwfTrace;
        QTest::newRow("plain trace named .gz")
                << "plain.swf.gz" << bytes(kTrace) << InputKind::SwfTrace;
        QTest::newRow("job rows without header")
                << "rows.txt" << bytes(kJobRowsOnly) << InputKind::SwfTrace;
        QTest::newRow("byte order mark")
                << "bom" << bytes("\xEF\xBB\xBF" + kScenario) << InputKind::Scenario;
        // Nothing to go by in the content: the name decides, so its reader reports the problem.
        QTest::newRow("empty .json") << "empty.json" << QByteArray() << InputKind::Scenario;
        QTest::newRow("empty .swf") << "empty.swf" << QByteArray() << InputKind::SwfTrace;
        QTest::newRow("broken .json")
                << "broken.json" << QByteArray("[1, 2]\n") << InputKind::Scenario;
        QTest::newRow("broken .swf")
                << "broken.swf" << QByteArray("one two three\n") << InputKind::SwfTrace;
    }

    void contentDecides()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(InputKind, expected);
        const std::string path = write(name, bytes.toStdString());
        QCOMPARE(detectInputKind(path), expected);
    }

    // What the content cannot be is refused with a reason that names the file.
    void refusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QByteArray binary(600, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 37 + 11) % 256);
        QTest::newRow("text named .swf.gz")
                << "text.swf.gz" << QByteArray("this is not a trace\n") << "not gzip data";
        QTest::newRow("binary named .swf.gz") << "binary.swf.gz" << binary << "not gzip data";
        QTest::newRow("empty .swf.gz") << "empty.swf.gz" << QByteArray() << "not gzip data";
        QTest::newRow("binary, no suffix") << "binary" << binary << "neither";
        QTest::newRow("text, no suffix") << "notes.txt" << QByteArray("hello\n") << "neither";
        QTest::newRow("empty, no suffix") << "empty" << QByteArray() << "empty";
        QTest::newRow("corrupt gzip")
                << "corrupt.swf.gz" << QByteArray("\x1f\x8b") + QByteArray(64, 'x')
                << "corrupt gzip data";
        QTest::newRow("missing") << "absent.swf" << QByteArray("-") << "cannot open";
    }

    void refusals()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const std::string path = bytes == "-" ? m_dir.filePath(name).toStdString()
                                              : write(name, bytes.toStdString());
        std::optional<InputError> error;
        try {
            detectInputKind(path);
        } catch (const InputError &e) {
            error = e;
        }
        QVERIFY(error);
        QCOMPARE(QString::fromStdString(error->file()), QString::fromStdString(path));
        QCOMPARE(error->line(), 0);
        QVERIFY2(QString::fromStdString(error->message()).contains(message), error->what());
    }
};

QTEST_GUILESS_MAIN(TestInputKind)
#include "test_input_kind.moc"
