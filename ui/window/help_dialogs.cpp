#include "ui/window/help_dialogs.h"

#include "headroom_version.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace headroom::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::Help", text);
}

// README.md as ui/CMakeLists.txt compiles it in.
constexpr const char *kReadme = ":/help/README.md";

QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}

QDialog *showMarkdown(QWidget *parent, const QString &objectName, const QString &title,
                      const QString &markdown)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *browser = new QTextBrowser(dialog);
    browser->setObjectName("helpText");
    // Links point into the repository, not to anything the app could open.
    browser->setOpenLinks(false);
    browser->setMarkdown(markdown);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(760, 640);
    dialog->show();
    return dialog;
}

} // namespace

QStringList userGuideSections()
{
    return {QStringLiteral("The desktop app"), QStringLiteral("Energy, caps and placement"),
            QStringLiteral("Reports")};
}

QString userGuideMarkdown()
{
    QFile file(QString::fromLatin1(kReadme));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const QStringList wanted = userGuideSections();
    QString out;
    for (const QString &title : wanted) {
        bool inside = false;
        for (const QString &line : lines) {
            if (line.startsWith(QStringLiteral("## "))) {
                inside = line.mid(3).trimmed() == title;
                if (inside)
                    out += QStringLiteral("\n## ") + title + QLatin1Char('\n');
                continue;
            }
            if (inside && !line.startsWith(QStringLiteral("![")))
                out += line + QLatin1Char('\n');
        }
    }
    return out;
}

QString shortcutsMarkdown(const QList<QAction *> &actions)
{
    QString out = tr("| Command | Keys |\n|---|---|\n");
    for (const QAction *action : actions) {
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        if (!keys.isEmpty())
            out += QStringLiteral("| %1 | %2 |\n").arg(plainText(action->text()), keys.join(", "));
    }
    out += tr("\nIn the topology editor:\n\n"
              "| Gesture | Does |\n|---|---|\n"
              "| Ctrl + wheel | zoom |\n"
              "| Middle button drag | pan |\n"
              "| Double-click a zone, rack or node | rename it |\n"
              "| Drag a node type onto a rack | add a node (hold Shift to add several) |\n"
              "| Drag a job onto a node, rack or zone | pin it there, or keep it there |\n");
    return out;
}

QDialog *showUserGuide(QWidget *parent, const QList<QAction *> &actions)
{
    QString markdown = tr("# Using Headroom\n");
    markdown += userGuideMarkdown();
    markdown += tr("\n## Keyboard shortcuts\n\n") + shortcutsMarkdown(actions);
    return showMarkdown(parent, QStringLiteral("userGuideDialog"), tr("Headroom User Guide"),
                        markdown);
}

QDialog *showKeyboardShortcuts(QWidget *parent, const QList<QAction *> &actions)
{
    return showMarkdown(parent, QStringLiteral("shortcutsDialog"), tr("Keyboard Shortcuts"),
                        shortcutsMarkdown(actions));
}

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, tr("About Headroom"),
                       tr("<h3>Headroom %1</h3><p>Capacity planning for AI compute clusters: "
                          "replay workloads on a simulated cluster and see utilization, load "
                          "balance, queueing and power.</p>")
                               .arg(QString::fromLatin1(kVersion)));
}

} // namespace headroom::ui
