#pragma once

#include <QSaveFile>
#include <QString>

#include <string>

namespace headroom::cli {

// One output of a run, written atomically: the content goes to a temporary file next to the
// target, which replaces the target only on commit(). A run that fails leaves any earlier
// file of that name untouched and no partial file behind.
class OutputFile
{
public:
    explicit OutputFile(const QString &path);

    bool open();
    void setContent(std::string content) { m_content = std::move(content); }
    bool commit();
    QString errorText() const { return m_error; }

private:
    QString m_path;
    QSaveFile m_file;
    std::string m_content;
    QString m_error;
};

} // namespace headroom::cli
