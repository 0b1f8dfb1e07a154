// headroom: the desktop application. Thin: sets up Qt and opens the main window on the file
// given, or on the bundled example cluster.
#include "headroom_version.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("Headroom");
    QApplication::setApplicationDisplayName("Headroom");
    QApplication::setOrganizationName("Headroom");
    QApplication::setApplicationVersion(headroom::kVersion);
    QApplication::setDesktopFileName("io.github.headroom.Headroom");
    QApplication::setWindowIcon(QIcon(":/icons/headroom.svg"));

    QCommandLineParser parser;
    parser.setApplicationDescription("Headroom: capacity planning for AI compute clusters.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file",
                                 "Scenario (.json) or trace (.swf, .swf.gz) to open. Without "
                                 "one, Headroom opens its bundled example cluster.",
                                 "[file]");
    parser.process(app);

    headroom::ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    const bool recovered = files.isEmpty() && window.offerRecovery();
    if (!files.isEmpty())
        window.openFile(files.first());
    else if (!recovered)
        window.openFile(":/examples/two-rack-h100.json");
    return QApplication::exec();
}
