#include "app/cli/output_file.h"

namespace headroom::cli {

OutputFile::OutputFile(const QString &path)
    : m_path(path)
    , m_file(path)
{}

bool OutputFile::open()
{
    if (m_file.open(QIODevice::WriteOnly))
        return true;
    m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
    return false;
}

bool OutputFile::commit()
{
    const auto size = static_cast<qint64>(m_content.size());
    if (m_file.write(m_content.data(), size) != size || !m_file.commit()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

} // namespace headroom::cli
