#pragma once

#include "report/chart_spec.h"

#include <QString>
#include <QStringList>

#include <variant>
#include <vector>

namespace headroom::report {

struct ReportData;

// A report as a sequence of blocks: headings, text, key figures, tables and charts. The
// sections are written once, against this model (report_document.cpp); the HTML and PDF
// renderers only know how to draw each kind of block. All text is plain: renderers escape it.

struct ReportTitleBlock
{
    QString title;
    QString subtitle;
    QString meta;
};

struct ReportHeading
{
    int level = 2; // 2: section, 3: subsection
    QString text;
};

struct ReportParagraph
{
    enum class Style { Body, Note, Code };
    QString text;
    Style style = Style::Body;
};

// Key figures as tiles: a label, a large value, a line of detail.
struct ReportFacts
{
    struct Fact
    {
        QString label;
        QString value;
        QString detail;
    };
    std::vector<Fact> facts;
};

struct ReportList
{
    struct Item
    {
        QString text;
        int level = 0; // severity marker: 0 none, 1 low, 2 medium, 3 high
    };
    std::vector<Item> items;
};

struct ReportTable
{
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<bool> numeric; // per column: right-aligned
    QString note;              // under the table
};

struct ReportFigure
{
    ChartSpec chart;
};

using ReportBlock = std::variant<ReportTitleBlock, ReportHeading, ReportParagraph, ReportFacts,
                                 ReportList, ReportTable, ReportFigure>;

struct ReportDocument
{
    QString title;       // document title (HTML <title>, PDF metadata)
    QString runningHead; // page header of the PDF
    QString footer;      // page footer of the PDF, before the page number
    std::vector<ReportBlock> blocks;
};

ReportDocument buildReportDocument(const ReportData &data);

} // namespace headroom::report
