#pragma once

#include "core/io/import/jobs_csv.h"

#include <QDialog>
#include <QString>

#include <array>
#include <string>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace headroom::ui {

// Which column of a jobs CSV holds each job field (docs/design.md §9, `import csv --map`):
// the first rows in a table, a combo box per field prefilled from the header names, the time
// format, and what the import makes of each previewed row (a job, a skip and why, or the
// exact error with line and column) before it runs. OK stays off while the mapping misses a
// required field or a previewed row would stop the import.
class CsvMappingDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr std::size_t kPreviewRows = 20;

    // `text`: the start of the file (the preview reads no further than kPreviewRows rows).
    CsvMappingDialog(const QString &path, std::string text, QWidget *parent = nullptr);

    CsvJobColumns columns() const;
    CsvTimeFormat timeFormat() const;
    // What the preview says: "18 jobs, 1 skipped, 1 error" and the first error.
    QString previewStatus() const;
    const CsvPreview &preview() const { return m_preview; }

private:
    void updatePreview();

    struct FieldBox
    {
        const char *key;
        std::string CsvJobColumns::*member;
        QComboBox *box = nullptr;
    };

    QString m_path;
    std::string m_text;
    std::array<FieldBox, 9> m_fields;
    QComboBox *m_timeFormat;
    QTableWidget *m_table;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    CsvPreview m_preview;
};

// The first bytes of a CSV, enough for the preview: up to `bytes`, cut after the last full line.
std::string readCsvStart(const QString &path, qint64 bytes = 1 << 18);

} // namespace headroom::ui
