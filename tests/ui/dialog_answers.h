#pragma once

// Answering the modal dialogs a GUI test triggers (the main window's questions, a file
// import's summary), shared by the window's test suites.
#include <QApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

#include <deque>
#include <functional>

namespace headroom::test {

// Answers the modal dialogs the window opens, one handler per dialog, in order; records what
// each said. A dialog nobody expected is rejected and recorded as unexpected.
class DialogAnswers : public QObject
{
public:
    using Handler = std::function<void(QWidget *)>;

    DialogAnswers()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswers::poll);
        m_timer.start();
    }

    void expect(Handler handler) { m_handlers.push_back(std::move(handler)); }
    bool allAnswered() const { return m_handlers.empty(); }

    QStringList texts;      // what each dialog said, in order
    QStringList unexpected; // class names of dialogs nobody expected

private:
    void poll()
    {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || qobject_cast<QProgressDialog *>(dialog) ||
            dialog->property("answered").toBool())
            return;
        dialog->setProperty("answered", true);
        if (auto *box = qobject_cast<QMessageBox *>(dialog))
            texts << box->text() + QLatin1Char('\n') + box->informativeText();
        else if (auto *input = qobject_cast<QInputDialog *>(dialog))
            texts << input->labelText();
        if (m_handlers.empty()) {
            unexpected << QString::fromLatin1(dialog->metaObject()->className());
            QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
            return;
        }
        Handler handler = std::move(m_handlers.front());
        m_handlers.pop_front();
        handler(dialog);
    }

    QTimer m_timer;
    std::deque<Handler> m_handlers;
};

inline DialogAnswers::Handler clickButton(const char *objectName)
{
    return [objectName](QWidget *dialog) {
        auto *button = dialog->findChild<QPushButton *>(QString::fromLatin1(objectName));
        QVERIFY2(button, objectName);
        QMetaObject::invokeMethod(button, "click", Qt::QueuedConnection);
    };
}

inline DialogAnswers::Handler answerInt(int value, int *proposed = nullptr)
{
    return [value, proposed](QWidget *dialog) {
        auto *input = qobject_cast<QInputDialog *>(dialog);
        QVERIFY(input);
        if (proposed)
            *proposed = input->intValue();
        input->setIntValue(value);
        QMetaObject::invokeMethod(input, "accept", Qt::QueuedConnection);
    };
}

inline DialogAnswers::Handler acknowledge()
{
    return [](QWidget *dialog) {
        QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
    };
}

} // namespace headroom::test
