#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <vector>

class QIODevice;

namespace headroom::report {

struct ReportDocument;

// The report as A4 pages, laid out once for every output: text, tables and charts are
// vectors in the PDF (QPdfWriter), and the preview images are the same pages rasterised.
// Needs a QGuiApplication (fonts).

// Writes the PDF to `device`, which must be open for writing. Returns false and sets `error`
// when the writer fails.
bool writeReportPdf(const ReportDocument &document, QIODevice *device, QString *error = nullptr);

// The PDF's bytes (writeReportPdf into memory); empty, with `error` set, when the writer fails.
QByteArray reportPdf(const ReportDocument &document, QString *error = nullptr);

// The pages as images at `dpi` (white background), for previews and tests.
std::vector<QImage> reportPageImages(const ReportDocument &document, double dpi);

} // namespace headroom::report
