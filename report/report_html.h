#pragma once

#include <QString>

namespace headroom::report {

struct ReportDocument;

// The report as one self-contained HTML file: inline CSS, charts as inline SVG, no script and
// no remote resource (a Content-Security-Policy forbids both, should a browser be asked to).
// Every text of the document is escaped. Deterministic: the same document gives the same
// bytes.
QString reportHtml(const ReportDocument &document);

} // namespace headroom::report
