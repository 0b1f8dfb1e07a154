#include "report/report_html.h"

#include "report/chart_painter.h"
#include "report/report_document.h"
#include "report/report_style.h"

#include <algorithm>

namespace headroom::report {
namespace {

using style::escaped;

QString css()
{
    const QString text = style::text().name();
    const QString secondary = style::secondaryText().name();
    const QString rule = style::rule().name();
    const QString grid = style::grid().name();
    const QString shade = style::shade().name();
    const QString accent = style::color(style::Blue).name();
    QString out = QStringLiteral(R"(
:root { color-scheme: light; }
body { margin: 0; background: #e9edf1; color: TEXT; font: 14px/1.45 FONTS; }
main { max-width: 920px; margin: 24px auto; background: #ffffff; padding: 36px 48px 48px;
       box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
h1 { font-size: 26px; line-height: 1.2; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid RULE; }
h3 { font-size: 15px; margin: 22px 0 8px; }
.subtitle { color: SECONDARY; margin: 0 0 8px; }
.meta { color: SECONDARY; font-size: 12px; margin: 0; padding-bottom: 12px;
        border-bottom: 2px solid ACCENT; }
p { margin: 8px 0; }
.note { color: SECONDARY; font-size: 12px; }
.code { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, Consolas, monospace;
        font-size: 12px; background: SHADE; padding: 6px 8px; overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr));
         gap: 10px; margin: 12px 0; }
.fact { background: SHADE; padding: 10px 12px; border-radius: 4px; }
.fact .label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em;
               color: SECONDARY; }
.fact .value { font-size: 22px; font-weight: bold; line-height: 1.3; }
.fact .detail { font-size: 12px; color: SECONDARY; }
ul { padding-left: 22px; }
ul.risks { list-style: none; padding: 0; }
ul.risks li { margin: 6px 0; padding: 6px 10px 6px 12px; background: SHADE;
              border-left: 4px solid ACCENT; }
ul.risks li.severity-2 { border-left-color: SEV2; }
ul.risks li.severity-3 { border-left-color: SEV3; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 10px 0 4px; }
th { text-align: left; background: SHADE; border-bottom: 1px solid RULE; padding: 5px 8px; }
td { padding: 4px 8px; border-bottom: 1px solid GRID; overflow-wrap: anywhere; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: 18px 0; }
svg.chart { display: block; width: 100%; height: auto; }
@page { size: A4; margin: 16mm; }
@media print {
  body { background: none; }
  main { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  figure, tr, .fact, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
)");
    out.replace(QStringLiteral("TEXT"), text)
            .replace(QStringLiteral("SECONDARY"), secondary)
            .replace(QStringLiteral("RULE"), rule)
            .replace(QStringLiteral("GRID"), grid)
            .replace(QStringLiteral("SHADE"), shade)
            .replace(QStringLiteral("ACCENT"), accent)
            .replace(QStringLiteral("SEV2"), style::severity(2).name())
            .replace(QStringLiteral("SEV3"), style::severity(3).name())
            .replace(QStringLiteral("FONTS"), style::fontFamilyCss());
    return out;
}

class HtmlWriter
{
public:
    QString out;

    void operator()(const ReportTitleBlock &block)
    {
        out += QStringLiteral("<header>\n<h1>") + escaped(block.title) + QStringLiteral("</h1>\n");
        if (!block.subtitle.isEmpty())
            out += QStringLiteral("<p class=\"subtitle\">") + escaped(block.subtitle) +
                   QStringLiteral("</p>\n");
        out += QStringLiteral("<p class=\"meta\">") + escaped(block.meta) +
               QStringLiteral("</p>\n</header>\n");
    }
    void operator()(const ReportHeading &block)
    {
        const QString tag = block.level <= 2 ? QStringLiteral("h2") : QStringLiteral("h3");
        out += QLatin1Char('<') + tag + QLatin1Char('>') + escaped(block.text) +
               QStringLiteral("</") + tag + QStringLiteral(">\n");
    }
    void operator()(const ReportParagraph &block)
    {
        switch (block.style) {
        case ReportParagraph::Style::Body:
            out += QStringLiteral("<p>");
            break;
        case ReportParagraph::Style::Note:
            out += QStringLiteral("<p class=\"note\">");
            break;
        case ReportParagraph::Style::Code:
            out += QStringLiteral("<p class=\"code\">");
            break;
        }
        out += escaped(block.text) + QStringLiteral("</p>\n");
    }
    void operator()(const ReportFacts &block)
    {
        out += QStringLiteral("<div class=\"facts\">\n");
        for (const ReportFacts::Fact &fact : block.facts) {
            out += QStringLiteral("<div class=\"fact\"><div class=\"label\">") +
                   escaped(fact.label) + QStringLiteral("</div><div class=\"value\">") +
                   escaped(fact.value) + QStringLiteral("</div><div class=\"detail\">") +
                   escaped(fact.detail) + QStringLiteral("</div></div>\n");
        }
        out += QStringLiteral("</div>\n");
    }
    void operator()(const ReportList &block)
    {
        const bool risks = std::any_of(block.items.begin(), block.items.end(),
                                       [](const ReportList::Item &item) { return item.level > 0; });
        out += risks ? QStringLiteral("<ul class=\"risks\">\n") : QStringLiteral("<ul>\n");
        for (const ReportList::Item &item : block.items) {
            if (risks)
                out += QStringLiteral("<li class=\"severity-%1\">").arg(item.level);
            else
                out += QStringLiteral("<li>");
            out += escaped(item.text) + QStringLiteral("</li>\n");
        }
        out += QStringLiteral("</ul>\n");
    }
    void operator()(const ReportTable &block)
    {
        auto cellClass = [&](qsizetype column) {
            return std::size_t(column) < block.numeric.size() && block.numeric[std::size_t(column)]
                           ? QStringLiteral(" class=\"num\"")
                           : QString();
        };
        out += QStringLiteral("<table>\n<thead><tr>");
        for (qsizetype c = 0; c < block.header.size(); ++c)
            out += QStringLiteral("<th") + cellClass(c) + QLatin1Char('>') +
                   escaped(block.header.at(c)) + QStringLiteral("</th>");
        out += QStringLiteral("</tr></thead>\n<tbody>\n");
        for (const QStringList &row : block.rows) {
            out += QStringLiteral("<tr>");
            for (qsizetype c = 0; c < row.size(); ++c)
                out += QStringLiteral("<td") + cellClass(c) + QLatin1Char('>') +
                       escaped(row.at(c)) + QStringLiteral("</td>");
            out += QStringLiteral("</tr>\n");
        }
        out += QStringLiteral("</tbody>\n</table>\n");
        if (!block.note.isEmpty())
            out += QStringLiteral("<p class=\"note\">") + escaped(block.note) +
                   QStringLiteral("</p>\n");
    }
    void operator()(const ReportFigure &block)
    {
        out += QStringLiteral("<figure>\n") + chartSvg(block.chart, kReportChartWidthPt) +
               QStringLiteral("\n</figure>\n");
    }
};

} // namespace

QString reportHtml(const ReportDocument &document)
{
    HtmlWriter writer;
    writer.out.reserve(256 * 1024);
    writer.out += QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\"/>\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            "<meta name=\"generator\" content=\"Headroom\"/>\n<title>");
    writer.out += escaped(document.title) + QStringLiteral("</title>\n<style>");
    writer.out += css();
    writer.out += QStringLiteral("</style>\n</head>\n<body>\n<main>\n");
    for (const ReportBlock &block : document.blocks)
        std::visit(writer, block);
    writer.out += QStringLiteral("</main>\n</body>\n</html>\n");
    return writer.out;
}

} // namespace headroom::report
