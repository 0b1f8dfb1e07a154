#include "report/report_pdf.h"

#include "report/chart_painter.h"
#include "report/report_document.h"
#include "report/report_style.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

namespace headroom::report {
namespace {

// A4 in points, and the text column: the margins leave room for the running head and the
// page number, and the column is as wide as the charts are laid out for.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
// The PDF writer's resolution; text and lines are vectors, so it only sets how finely they are
// placed, and the preview lays pages out at it too (reportPageImages).
constexpr double kPdfResolution = 600.0;
constexpr double kLeft = (kPageWidth - kReportChartWidthPt) / 2.0;
constexpr double kRight = kLeft + kReportChartWidthPt;
constexpr double kTop = 62.0;
constexpr double kBottom = kPageHeight - 56.0;
constexpr double kWidth = kReportChartWidthPt;

constexpr double kBodyPt = 9.5;
constexpr double kTablePt = 8.0;
constexpr double kNotePt = 7.8;
constexpr double kCellPadX = 4.0;
constexpr double kCellPadY = 2.6;

QFont monoFont(double pointSize)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Noto Sans Mono"),
                      QStringLiteral("Liberation Mono")});
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(pointSize);
    return font;
}

// Wrapped text, laid out for one width. Breaks at word boundaries, and inside a word only
// when the word alone is wider than the line (a hash, a long node name): never cut off.
struct TextBox
{
    std::shared_ptr<QTextLayout> layout;
    double height = 0.0; // points
};

// Lays the document out on pages and, when it has a painter, draws it. Run once without a
// painter to count the pages, then again to draw them with "page n of N".
class PageFlow
{
public:
    PageFlow(QPaintDevice *metricsDevice, QPainter *painter, std::function<bool()> newPage,
             const ReportDocument &document, int pageCount)
        : m_device(metricsDevice)
        , m_painter(painter)
        , m_newPage(std::move(newPage))
        , m_document(document)
        , m_pageCount(pageCount)
        , m_scale(metricsDevice->logicalDpiY() / 72.0)
    {}

    bool run()
    {
        startPage();
        for (const ReportBlock &block : m_document.blocks) {
            std::visit([this](const auto &b) { draw(b); }, block);
            if (m_failed)
                return false;
        }
        place(0.0, 0.0); // a heading with nothing after it
        return !m_failed;
    }

    int pages() const { return m_page; }

private:
    // --- Text ---

    TextBox layoutText(const QString &text, const QFont &font, double width,
                       Qt::Alignment alignment = Qt::AlignLeft) const
    {
        TextBox box;
        box.layout = std::make_shared<QTextLayout>(text, font, m_device);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        option.setAlignment(alignment);
        box.layout->setTextOption(option);
        box.layout->beginLayout();
        double y = 0.0;
        for (QTextLine line = box.layout->createLine(); line.isValid();
             line = box.layout->createLine()) {
            line.setLeadingIncluded(true);
            line.setLineWidth(width * m_scale);
            line.setPosition(QPointF(0.0, y));
            y += line.height();
        }
        box.layout->endLayout();
        box.height = y / m_scale;
        return box;
    }

    void drawText(const TextBox &box, double x, double y, const QColor &color)
    {
        if (!m_painter)
            return;
        m_painter->setPen(color);
        box.layout->draw(m_painter, QPointF(x, y) * m_scale);
    }

    double textWidth(const QString &text, const QFont &font) const
    {
        return QFontMetricsF(font, m_device).horizontalAdvance(text) / m_scale;
    }

    // Width of the longest word: the narrowest a column can be without breaking inside one.
    double longestWord(const QString &text, const QFont &font) const
    {
        double widest = 0.0;
        const QFontMetricsF metrics(font, m_device);
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            widest = std::max(widest, metrics.horizontalAdvance(word) / m_scale);
        return widest;
    }

    // --- Drawing primitives (points) ---

    void fill(const QRectF &rect, const QColor &color)
    {
        if (m_painter)
            m_painter->fillRect(QRectF(rect.topLeft() * m_scale, rect.size() * m_scale), color);
    }

    void hline(double x0, double x1, double y, const QColor &color, double width)
    {
        if (!m_painter)
            return;
        QPen pen(color, width * m_scale);
        pen.setCapStyle(Qt::FlatCap);
        m_painter->setPen(pen);
        m_painter->drawLine(QPointF(x0, y) * m_scale, QPointF(x1, y) * m_scale);
    }

    // --- Pages ---

    void startPage()
    {
        ++m_page;
        m_y = kTop;
        m_atPageTop = true;
        if (!m_painter)
            return;
        const QFont small = style::font(7.5);
        const QColor grey = style::secondaryText();
        if (m_page > 1) {
            const TextBox head = layoutText(m_document.runningHead, small, kWidth * 0.7);
            drawText(head, kLeft, 30.0, grey);
            const TextBox kind = layoutText(QStringLiteral("Capacity planning report"), small,
                                            kWidth, Qt::AlignRight);
            drawText(kind, kLeft, 30.0, grey);
            hline(kLeft, kRight, 30.0 + std::max(head.height, kind.height) + 3.0, style::rule(),
                  0.5);
        }
        const double footY = kPageHeight - 38.0;
        hline(kLeft, kRight, footY - 4.0, style::rule(), 0.5);
        drawText(layoutText(m_document.footer, small, kWidth * 0.7), kLeft, footY, grey);
        const QString number =
                m_pageCount > 0 ? QStringLiteral("Page %1 of %2").arg(m_page).arg(m_pageCount)
                                : QStringLiteral("Page %1").arg(m_page);
        drawText(layoutText(number, small, kWidth, Qt::AlignRight), kLeft, footY, grey);
    }

    void breakPage()
    {
        if (m_newPage && !m_newPage()) {
            m_failed = true;
            return;
        }
        startPage();
    }

    // Makes room for a block `height` points tall, `gap` below what precedes it, starting a
    // new page when it does not fit on this one. A heading waiting to be drawn goes first,
    // on the same page as the block it introduces. A block taller than a page is drawn at
    // the top of one and runs into the margin rather than looping.
    void place(double gap, double height)
    {
        if (m_heading) {
            const PendingHeading heading = std::move(*m_heading);
            m_heading.reset();
            double before = m_atPageTop ? 0.0 : heading.gap;
            if (!m_atPageTop && m_y + before + heading.height + height > kBottom) {
                breakPage();
                before = 0.0;
            }
            m_y += before;
            drawHeading(heading);
            return;
        }
        if (m_atPageTop)
            return;
        if (m_y + gap + height > kBottom)
            breakPage();
        else
            m_y += gap;
    }

    void advance(double height)
    {
        m_y += height;
        m_atPageTop = false;
    }

    // --- Blocks ---

    void draw(const ReportTitleBlock &block)
    {
        const TextBox title = layoutText(block.title, style::font(21.0, true), kWidth);
        drawText(title, kLeft, m_y, style::text());
        advance(title.height + 4.0);
        if (!block.subtitle.isEmpty()) {
            const TextBox subtitle = layoutText(block.subtitle, style::font(10.0), kWidth);
            drawText(subtitle, kLeft, m_y, style::secondaryText());
            advance(subtitle.height + 5.0);
        }
        const TextBox meta = layoutText(block.meta, style::font(8.5), kWidth);
        drawText(meta, kLeft, m_y, style::secondaryText());
        advance(meta.height + 5.0);
        hline(kLeft, kRight, m_y, style::color(style::Blue), 1.6);
        advance(8.0);
    }

    struct PendingHeading
    {
        TextBox text;
        bool section = true;
        double gap = 0.0;
        double height = 0.0; // text, rule and the space under them
    };

    void draw(const ReportHeading &block)
    {
        PendingHeading heading;
        heading.section = block.level <= 2;
        heading.text =
                layoutText(block.text, style::font(heading.section ? 14.0 : 11.0, true), kWidth);
        heading.gap = heading.section ? 18.0 : 10.0;
        heading.height = heading.text.height + (heading.section ? 11.0 : 4.0);
        // Two headings in a row stay together with the first block after them.
        place(0.0, heading.gap + heading.height + 40.0);
        m_heading = std::move(heading);
    }

    void drawHeading(const PendingHeading &heading)
    {
        drawText(heading.text, kLeft, m_y, style::text());
        if (heading.section) {
            hline(kLeft, kRight, m_y + heading.text.height + 2.5, style::rule(), 0.7);
        }
        advance(heading.height);
    }

    void draw(const ReportParagraph &block)
    {
        QFont font = style::font(kBodyPt);
        QColor color = style::text();
        double inset = 0.0;
        if (block.style == ReportParagraph::Style::Note) {
            font = style::font(kNotePt);
            color = style::secondaryText();
        } else if (block.style == ReportParagraph::Style::Code) {
            font = monoFont(8.0);
            inset = 5.0;
        }
        const TextBox text = layoutText(block.text, font, kWidth - 2 * inset);
        place(block.style == ReportParagraph::Style::Note ? 4.0 : 7.0, text.height + 2 * inset);
        if (inset > 0.0)
            fill(QRectF(kLeft, m_y, kWidth, text.height + 2 * inset), style::shade());
        drawText(text, kLeft + inset, m_y + inset, color);
        advance(text.height + 2 * inset);
    }

    void draw(const ReportFacts &block)
    {
        constexpr int kColumns = 3;
        constexpr double kGap = 7.0;
        constexpr double kPad = 6.5;
        const double cellWidth = (kWidth - (kColumns - 1) * kGap) / kColumns;
        const double inner = cellWidth - 2 * kPad;
        for (std::size_t first = 0; first < block.facts.size(); first += kColumns) {
            struct Cell
            {
                TextBox label, value, detail;
            };
            std::vector<Cell> cells;
            double height = 0.0;
            for (std::size_t i = first; i < std::min(block.facts.size(), first + kColumns); ++i) {
                const ReportFacts::Fact &fact = block.facts[i];
                Cell cell{layoutText(fact.label, style::font(7.5), inner),
                          layoutText(fact.value, style::font(14.0, true), inner),
                          layoutText(fact.detail, style::font(7.3), inner)};
                height = std::max(height, cell.label.height + cell.value.height +
                                                  cell.detail.height + 2 * kPad + 2.0);
                cells.push_back(std::move(cell));
            }
            place(first == 0 ? 6.0 : kGap, height);
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const double x = kLeft + double(c) * (cellWidth + kGap);
                fill(QRectF(x, m_y, cellWidth, height), style::shade());
                double y = m_y + kPad;
                drawText(cells[c].label, x + kPad, y, style::secondaryText());
                y += cells[c].label.height + 1.0;
                drawText(cells[c].value, x + kPad, y, style::text());
                y += cells[c].value.height + 1.0;
                drawText(cells[c].detail, x + kPad, y, style::secondaryText());
            }
            advance(height);
        }
    }

    void draw(const ReportList &block)
    {
        double gap = 6.0;
        for (const ReportList::Item &item : block.items) {
            if (item.level > 0) {
                constexpr double kPad = 5.0;
                const TextBox text =
                        layoutText(item.text, style::font(kBodyPt), kWidth - 3 * kPad - 3.0);
                const double height = text.height + 2 * kPad;
                place(gap, height);
                gap = 4.0;
                fill(QRectF(kLeft, m_y, kWidth, height), style::shade());
                fill(QRectF(kLeft, m_y, 3.0, height), style::severity(item.level));
                drawText(text, kLeft + 3.0 + 2 * kPad, m_y + kPad, style::text());
                advance(height);
            } else {
                const TextBox bullet = layoutText(QStringLiteral("•"), style::font(kBodyPt), 10.0);
                const TextBox text = layoutText(item.text, style::font(kBodyPt), kWidth - 14.0);
                place(gap, text.height);
                gap = 2.0;
                drawText(bullet, kLeft + 3.0, m_y, style::text());
                drawText(text, kLeft + 14.0, m_y, style::text());
                advance(text.height);
            }
        }
    }

    std::vector<double> columnWidths(const ReportTable &table, const QFont &font,
                                     const QFont &headerFont) const
    {
        const std::size_t columns = std::size_t(table.header.size());
        std::vector<double> natural(columns, 0.0);
        std::vector<double> minimum(columns, 0.0);
        auto measure = [&](std::size_t c, const QString &text, const QFont &f) {
            natural[c] = std::max(natural[c], textWidth(text, f) + 2 * kCellPadX);
            minimum[c] = std::max(minimum[c], longestWord(text, f) + 2 * kCellPadX);
        };
        for (std::size_t c = 0; c < columns; ++c)
            measure(c, table.header.at(qsizetype(c)), headerFont);
        for (const QStringList &row : table.rows) {
            for (std::size_t c = 0; c < columns && c < std::size_t(row.size()); ++c)
                measure(c, row.at(qsizetype(c)), font);
        }
        // No column may claim more than half the width by its longest word alone (a hash):
        // such words break anywhere instead.
        for (double &m : minimum)
            m = std::min(m, kWidth / 2.0);
        double total = 0.0;
        for (const double w : natural)
            total += w;
        std::vector<double> widths = natural;
        if (total <= kWidth) {
            // Spread the spare width evenly: tables span the column like the HTML ones.
            const double extra = (kWidth - total) / double(columns);
            for (double &w : widths)
                w += extra;
            return widths;
        }
        // Too wide: take the excess from the columns that can wrap, in proportion to how much
        // each can give.
        double slack = 0.0;
        for (std::size_t c = 0; c < columns; ++c)
            slack += natural[c] - std::min(natural[c], minimum[c]);
        const double excess = total - kWidth;
        if (slack >= excess && slack > 0.0) {
            for (std::size_t c = 0; c < columns; ++c)
                widths[c] = natural[c] -
                            (natural[c] - std::min(natural[c], minimum[c])) * excess / slack;
            return widths;
        }
        double minimumTotal = 0.0;
        for (std::size_t c = 0; c < columns; ++c)
            minimumTotal += std::min(natural[c], minimum[c]);
        for (std::size_t c = 0; c < columns; ++c)
            widths[c] = std::min(natural[c], minimum[c]) * kWidth / minimumTotal;
        return widths;
    }

    double drawRow(const QStringList &cells, const std::vector<double> &widths,
                   const std::vector<bool> &numeric, const QFont &font, bool header,
                   const std::vector<TextBox> *prepared = nullptr)
    {
        std::vector<TextBox> boxes;
        if (prepared) {
            boxes = *prepared;
        } else {
            for (std::size_t c = 0; c < widths.size(); ++c) {
                const QString text =
                        c < std::size_t(cells.size()) ? cells.at(qsizetype(c)) : QString();
                const bool right = c < numeric.size() && numeric[c];
                boxes.push_back(layoutText(text, font, widths[c] - 2 * kCellPadX,
                                           right ? Qt::AlignRight : Qt::AlignLeft));
            }
        }
        double height = 0.0;
        for (const TextBox &box : boxes)
            height = std::max(height, box.height);
        height += 2 * kCellPadY;
        if (header)
            fill(QRectF(kLeft, m_y, kWidth, height), style::shade());
        double x = kLeft;
        for (std::size_t c = 0; c < boxes.size(); ++c) {
            drawText(boxes[c], x + kCellPadX, m_y + kCellPadY, style::text());
            x += widths[c];
        }
        hline(kLeft, kRight, m_y + height, header ? style::rule() : style::grid(),
              header ? 0.7 : 0.5);
        advance(height);
        return height;
    }

    void draw(const ReportTable &table)
    {
        const QFont font = style::font(kTablePt);
        const QFont headerFont = style::font(kTablePt, true);
        const std::vector<double> widths = columnWidths(table, font, headerFont);
        auto prepare = [&](const QStringList &cells, const QFont &f) {
            std::vector<TextBox> boxes;
            for (std::size_t c = 0; c < widths.size(); ++c) {
                const QString text =
                        c < std::size_t(cells.size()) ? cells.at(qsizetype(c)) : QString();
                const bool right = c < table.numeric.size() && table.numeric[c];
                boxes.push_back(layoutText(text, f, widths[c] - 2 * kCellPadX,
                                           right ? Qt::AlignRight : Qt::AlignLeft));
            }
            return boxes;
        };
        auto rowHeight = [](const std::vector<TextBox> &boxes) {
            double h = 0.0;
            for (const TextBox &b : boxes)
                h = std::max(h, b.height);
            return h + 2 * kCellPadY;
        };
        const std::vector<TextBox> header = prepare(table.header, headerFont);
        const double headerHeight = rowHeight(header);
        bool first = true;
        for (const QStringList &row : table.rows) {
            const std::vector<TextBox> boxes = prepare(row, font);
            const double height = rowHeight(boxes);
            // The header repeats at the top of every page the table continues on, and never
            // stands alone at the bottom of one.
            if (first)
                place(8.0, headerHeight + 3.0 * height);
            else if (m_y + height > kBottom)
                breakPage();
            if (first || m_atPageTop) {
                drawRow(table.header, widths, table.numeric, headerFont, true, &header);
                first = false;
            }
            drawRow(row, widths, table.numeric, font, false, &boxes);
        }
        if (table.rows.empty()) {
            place(8.0, headerHeight);
            drawRow(table.header, widths, table.numeric, headerFont, true, &header);
        }
        if (!table.note.isEmpty()) {
            const TextBox note = layoutText(table.note, style::font(kNotePt), kWidth);
            place(3.0, note.height);
            drawText(note, kLeft, m_y, style::secondaryText());
            advance(note.height);
        }
    }

    void draw(const ReportFigure &figure)
    {
        const double height = figure.chart.heightPt;
        place(14.0, height);
        if (m_painter)
            paintChart(*m_painter, figure.chart,
                       QRectF(QPointF(kLeft, m_y) * m_scale, QSizeF(kWidth, height) * m_scale));
        advance(height);
    }

    QPaintDevice *m_device;
    QPainter *m_painter;
    std::function<bool()> m_newPage;
    const ReportDocument &m_document;
    int m_pageCount;
    double m_scale;
    int m_page = 0;
    double m_y = kTop;
    bool m_atPageTop = true;
    bool m_failed = false;
    std::optional<PendingHeading> m_heading;
};

} // namespace

bool writeReportPdf(const ReportDocument &document, QIODevice *device, QString *error)
{
    QPdfWriter writer(device);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Point));
    // Text and lines are vectors; the resolution only sets how finely they are placed.
    writer.setResolution(int(kPdfResolution));
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("Headroom"));

    PageFlow count(&writer, nullptr, {}, document, 0);
    count.run();

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot start the PDF writer");
        return false;
    }
    PageFlow flow(
            &writer, &painter, [&writer] { return writer.newPage(); }, document, count.pages());
    const bool ok = flow.run();
    painter.end();
    if (!ok && error)
        *error = QStringLiteral("cannot add a page to the PDF");
    return ok;
}

QByteArray reportPdf(const ReportDocument &document, QString *error)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    if (!writeReportPdf(document, &buffer, error))
        return {};
    return pdf;
}

std::vector<QImage> reportPageImages(const ReportDocument &document, double dpi)
{
    // Laid out at the PDF's resolution, not the image's: text wraps by font metrics, which at
    // preview resolutions round differently, and the preview then broke pages where the PDF
    // does not. So every page claims the PDF writer's resolution (fonts resolve to the same
    // sizes as in the PDF) and the painter scales the drawing down to the image's pixels.
    const QSize size(int(std::lround(kPageWidth / 72.0 * dpi)),
                     int(std::lround(kPageHeight / 72.0 * dpi)));
    const int layoutDotsPerMeter = int(std::lround(kPdfResolution / 0.0254));
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    const double shrink = dpi / kPdfResolution;
    auto blankPage = [&](QSize pixels) {
        QImage page(pixels, QImage::Format_RGB32);
        page.setDotsPerMeterX(layoutDotsPerMeter);
        page.setDotsPerMeterY(layoutDotsPerMeter);
        page.fill(Qt::white);
        return page;
    };
    auto startPainting = [&](QPainter &painter, QImage &page) {
        const bool ok = painter.begin(&page);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(shrink, shrink);
        return ok;
    };

    QImage metrics = blankPage(QSize(1, 1));
    PageFlow count(&metrics, nullptr, {}, document, 0);
    count.run();

    std::vector<QImage> pages;
    pages.push_back(blankPage(size));
    QPainter painter;
    startPainting(painter, pages.back());
    auto next = [&] {
        painter.end();
        pages.push_back(blankPage(size));
        return startPainting(painter, pages.back());
    };
    PageFlow flow(&metrics, &painter, next, document, count.pages());
    flow.run();
    painter.end();
    for (QImage &page : pages) {
        page.setDotsPerMeterX(dotsPerMeter);
        page.setDotsPerMeterY(dotsPerMeter);
    }
    return pages;
}

} // namespace headroom::report
