// The planning section of a report (docs/design.md §7): the sizing study and the runway, each
// with its chart and its table. Kept apart from report_document.cpp, whose sections describe
// one run; these describe many.
#include "report/plan_report.h"

#include "report/plan_figures.h"
#include "report/report_document.h"
#include "report/report_format.h"
#include "report/report_style.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace headroom::report {
namespace {

using style::Color;

// Tables list at most this many points; the CLI's --points-csv and RESULT.json have all.
constexpr std::size_t kMaxPointRows = 60;

QString str(const std::string &text)
{
    return QString::fromStdString(text);
}

// The value of an SLO's key in an evaluation: the verdict holds it.
double sloValue(const std::vector<SloVerdict> &verdicts, std::size_t slo)
{
    return slo < verdicts.size() ? verdicts[slo].value : std::nan("");
}

QString verdictText(bool met)
{
    return met ? QStringLiteral("meets") : QStringLiteral("breaks");
}

double maxOf(const std::vector<QPointF> &points, bool y)
{
    double top = 0.0;
    for (const QPointF &p : points)
        top = std::max(top, y ? p.y() : p.x());
    return top;
}

ChartLine markerSeries(const QString &name, int color)
{
    ChartLine line;
    line.name = name;
    line.color = color;
    line.markers = true;
    line.joined = false;
    return line;
}

ChartSpec oneTypeChart(const SizingResult &result, const QString &currency)
{
    const SizingRequest &request = result.request;
    const Slo &slo = request.slos.front();
    const VaryRange &range = request.vary.front();
    std::map<int, const SizingPoint *> byCount; // the first evaluation of each count
    for (const SizingPoint &point : result.points)
        byCount.emplace(point.counts.front(), &point);
    double top = slo.limit;
    for (const auto &[count, point] : byCount)
        top = std::max(top, sloValue(point->verdicts, 0));
    const MetricAxis axis = metricAxis(slo.key, top, currency);

    ChartSpec chart;
    chart.title = QStringLiteral("%1 against %2 nodes").arg(metricLabel(slo.key), str(range.type));
    chart.xAxis = ChartSpec::XAxis::Number;
    chart.xTitle = QStringLiteral("%1 nodes").arg(str(range.type));
    chart.yTitle = axis.unit.isEmpty()
                           ? metricLabel(slo.key)
                           : QStringLiteral("%1 (%2)").arg(metricLabel(slo.key), axis.unit);
    // Half a node of margin, so that the dots at the ends are drawn whole.
    chart.xMin = range.min - 0.5;
    chart.xMax = std::max(range.max, range.min + 1) + 0.5;
    ChartLine curve;
    curve.color = Color::Blue;
    ChartLine met = markerSeries(QStringLiteral("meets every SLO"), Color::Green);
    ChartLine broken = markerSeries(QStringLiteral("breaks an SLO"), Color::Red);
    for (const auto &[count, point] : byCount) {
        const QPointF p(count, sloValue(point->verdicts, 0) / axis.divisor);
        if (!std::isfinite(p.y()))
            continue;
        curve.points.push_back(p);
        (point->feasible ? met : broken).points.push_back(p);
    }
    chart.lines = {curve, met, broken};
    chart.rules.push_back({ChartRule::Direction::Horizontal, slo.limit / axis.divisor,
                           QStringLiteral("SLO: %1").arg(sloText(slo, currency)), Color::Red,
                           true});
    if (const SizingPoint *best = result.recommendedPoint()) {
        chart.rules.push_back({ChartRule::Direction::Vertical, double(best->counts.front()),
                               QStringLiteral("recommended: %1 nodes").arg(best->counts.front()),
                               Color::Green, false});
    }
    chart.subtitle = QStringLiteral("%1 configurations simulated").arg(result.points.size());
    return chart;
}

ChartSpec mixChart(const SizingResult &result, const QString &currency)
{
    const SizingRequest &request = result.request;
    const Slo &slo = request.slos.front();
    double right = slo.limit;
    for (const SizingPoint &point : result.points)
        right = std::max(right, sloValue(point.verdicts, 0));
    const MetricAxis axis = metricAxis(slo.key, right, currency);

    ChartSpec chart;
    chart.title = QStringLiteral("%1 against %2, every evaluated mix")
                          .arg(objectiveLabel(request.objective), metricLabel(slo.key));
    chart.xAxis = ChartSpec::XAxis::Number;
    chart.xTitle = axis.unit.isEmpty()
                           ? metricLabel(slo.key)
                           : QStringLiteral("%1 (%2)").arg(metricLabel(slo.key), axis.unit);
    chart.yTitle = request.objective == SizingObjective::Cost
                           ? QStringLiteral("USD")
                           : (request.objective == SizingObjective::Energy
                                      ? QStringLiteral("kWh")
                                      : QStringLiteral("accelerators"));
    ChartLine met = markerSeries(QStringLiteral("meets every SLO"), Color::Green);
    ChartLine broken = markerSeries(QStringLiteral("breaks an SLO"), Color::Red);
    ChartLine best = markerSeries(QStringLiteral("recommended"), Color::Orange);
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const SizingPoint &point = result.points[i];
        const QPointF p(sloValue(point.verdicts, 0) / axis.divisor, point.objective);
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        (int(i) == result.recommended ? best : point.feasible ? met : broken).points.push_back(p);
    }
    chart.lines = {met, broken, best};
    chart.xMin = 0.0;
    chart.xMax = std::max({maxOf(met.points, false), maxOf(broken.points, false),
                           maxOf(best.points, false), slo.limit / axis.divisor}) *
                 1.05;
    if (!(chart.xMax > 0.0))
        chart.xMax = 1.0;
    chart.rules.push_back({ChartRule::Direction::Vertical, slo.limit / axis.divisor,
                           QStringLiteral("SLO: %1").arg(sloText(slo, currency)), Color::Red,
                           true});
    chart.subtitle = QStringLiteral("%1 configurations simulated").arg(result.points.size());
    return chart;
}

void add(std::vector<ReportBlock> &blocks, ReportBlock block)
{
    blocks.push_back(std::move(block));
}

void paragraph(std::vector<ReportBlock> &blocks, const QString &text,
               ReportParagraph::Style style = ReportParagraph::Style::Body)
{
    blocks.emplace_back(ReportParagraph{text, style});
}

QString rangesText(const std::vector<VaryRange> &vary)
{
    QStringList parts;
    for (const VaryRange &range : vary)
        parts << QStringLiteral("%1 from %2 to %3")
                         .arg(str(range.type))
                         .arg(range.min)
                         .arg(range.max);
    return parts.join(QStringLiteral(", "));
}

QString slosText(const std::vector<Slo> &slos, const QString &currency)
{
    QStringList parts;
    for (const Slo &slo : slos)
        parts << sloText(slo, currency);
    return parts.join(QStringLiteral(" and "));
}

void sizingSection(const PlanningStudies &studies, std::vector<ReportBlock> &out)
{
    const SizingResult &result = *studies.sizing;
    const SizingRequest &request = result.request;
    out.emplace_back(ReportHeading{2, QStringLiteral("Sizing to service levels")});
    paragraph(out,
              QStringLiteral("The study varied %1, looking for the configuration that meets %2 "
                             "at the least %3. It simulated %4 configurations in %5 rounds, "
                             "starting from the workload's analytic bounds.")
                      .arg(rangesText(request.vary), slosText(request.slos, studies.currency),
                           objectiveLabel(request.objective))
                      .arg(result.points.size())
                      .arg(result.rounds));
    if (studies.sizingForBreach && studies.runway && studies.runway->breachMonth)
        paragraph(out, QStringLiteral("It sized the cluster for the load of month %1 of the "
                                      "runway, %2× today's, when the present cluster first "
                                      "breaks an SLO.")
                               .arg(*studies.runway->breachMonth)
                               .arg(number(studies.runway->breachLoadScale, 2)));
    if (result.cancelled)
        paragraph(out,
                  QStringLiteral("The study was cancelled; what follows is what it had "
                                 "evaluated by then."),
                  ReportParagraph::Style::Note);

    const SizingPoint *best = result.recommendedPoint();
    if (best) {
        ReportFacts facts;
        QString now;
        if (studies.currentCounts.size() == request.vary.size())
            now = QStringLiteral("now %1").arg(countsText(request.vary, studies.currentCounts));
        facts.facts.push_back(
                {QStringLiteral("Recommended"), countsText(request.vary, best->counts), now});
        const RunCost &cost = best->evaluation.cost;
        facts.facts.push_back({QStringLiteral("Cost over the run"),
                               cost.addsUp() ? money(cost.totalUsd(), QStringLiteral("USD"))
                                             : money(cost.energy, str(cost.energyCurrency)),
                               costText(cost)});
        for (std::size_t i = 0; i < request.slos.size() && i < best->verdicts.size(); ++i) {
            facts.facts.push_back(
                    {metricLabel(request.slos[i].key),
                     metricValue(request.slos[i].key, best->verdicts[i].value, studies.currency),
                     QStringLiteral("SLO %1").arg(sloText(request.slos[i], studies.currency))});
        }
        add(out, std::move(facts));
    }
    paragraph(out, sizingSummary(result));
    add(out, ReportFigure{sizingChart(result, studies.currency)});

    if (best) {
        ReportTable table;
        table.header = {QStringLiteral("Node type"), QStringLiteral("Range"), QStringLiteral("Now"),
                        QStringLiteral("Recommended"), QStringLiteral("One fewer")};
        table.numeric = {false, false, true, true, false};
        for (std::size_t i = 0; i < request.vary.size(); ++i) {
            QString neighbour = QStringLiteral("—");
            for (const NeighbourCheck &check : result.neighbours) {
                if (check.vary == int(i))
                    neighbour = check.verdict == NeighbourVerdict::Breaks
                                        ? QStringLiteral("breaks an SLO")
                                : check.verdict == NeighbourVerdict::AtMinimum
                                        ? QStringLiteral("range minimum")
                                        : QStringLiteral("meets the SLOs, costs more");
            }
            table.rows.push_back(
                    {str(request.vary[i].type),
                     QStringLiteral("%1–%2").arg(request.vary[i].min).arg(request.vary[i].max),
                     i < studies.currentCounts.size() ? count(studies.currentCounts[i])
                                                      : QStringLiteral("—"),
                     count(best->counts[i]), neighbour});
        }
        table.note = QStringLiteral("\"One fewer\": the recommendation with one node fewer of "
                                    "that type, simulated to check the answer.");
        add(out, std::move(table));
    }
    if (!result.nonMonotone.empty()) {
        const NonMonotonePair &pair = result.nonMonotone.front();
        paragraph(out,
                  QStringLiteral("Queueing is not monotone in capacity here: %1 meet the SLOs "
                                 "but %2 do not (%3 such pairs). More nodes are not always "
                                 "better; the recommendation was simulated, not inferred.")
                          .arg(countsText(request.vary, result.points[pair.fewer].counts),
                               countsText(request.vary, result.points[pair.more].counts))
                          .arg(result.nonMonotone.size()),
                  ReportParagraph::Style::Note);
    }

    ReportTable points;
    points.header = {QStringLiteral("#"), QStringLiteral("Configuration")};
    points.numeric = {true, false};
    for (const Slo &slo : request.slos) {
        points.header << metricLabel(slo.key);
        points.numeric.push_back(true);
    }
    points.header << QStringLiteral("Objective") << QStringLiteral("SLOs");
    points.numeric.push_back(true);
    points.numeric.push_back(false);
    std::vector<std::size_t> order(result.points.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    // By configuration, so the table reads along the range.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return result.points[a].counts < result.points[b].counts;
    });
    for (std::size_t row = 0; row < order.size() && row < kMaxPointRows; ++row) {
        const std::size_t i = order[row];
        const SizingPoint &point = result.points[i];
        QStringList cells{QString::number(i), countsText(request.vary, point.counts)};
        if (int(i) == result.recommended)
            cells[1] += QStringLiteral(" (recommended)");
        for (std::size_t s = 0; s < request.slos.size(); ++s)
            cells << metricValue(request.slos[s].key, sloValue(point.verdicts, s),
                                 studies.currency);
        cells << objectiveValue(request.objective, point.objective) << verdictText(point.feasible);
        points.rows.push_back(cells);
    }
    points.note = order.size() > kMaxPointRows
                          ? QStringLiteral("The first %1 of %2 configurations by node count; "
                                           "headroom-cli size --points-csv lists all.")
                                    .arg(kMaxPointRows)
                                    .arg(order.size())
                          : QStringLiteral("Every configuration the search simulated, by node "
                                           "count; # is the order of evaluation.");
    out.emplace_back(ReportHeading{3, QStringLiteral("Evaluated configurations")});
    add(out, std::move(points));
}

void runwaySection(const PlanningStudies &studies, std::vector<ReportBlock> &out)
{
    const RunwayResult &result = *studies.runway;
    const RunwayRequest &request = result.request;
    out.emplace_back(ReportHeading{2, QStringLiteral("Runway")});
    paragraph(out, QStringLiteral("Month m runs the scenario at (1 + %1)^m times today's load, "
                                  "for months 0 to %2, against %3.")
                           .arg(percent(request.growthPerMonth, 1))
                           .arg(request.months)
                           .arg(slosText(request.slos, studies.currency)));
    QString sentence = runwaySentence(result, studies.currency);
    QStringList again; // load is not always monotone either
    for (const RunwayMonth &month : result.months) {
        if (result.breachMonth && month.month > *result.breachMonth && month.meetsSlos &&
            !month.evaluation.cancelled)
            again << QString::number(month.month);
    }
    if (!again.isEmpty())
        sentence += QStringLiteral(" With more load, the SLOs hold again in month%1 %2: "
                                   "queueing is not monotone in load, so read the whole curve.")
                            .arg(again.size() == 1 ? QString() : QStringLiteral("s"),
                                 again.join(QStringLiteral(", ")));
    paragraph(out, sentence);
    if (result.cancelled)
        paragraph(out,
                  QStringLiteral("The study was cancelled; months it did not finish are "
                                 "not shown."),
                  ReportParagraph::Style::Note);
    add(out, ReportFigure{runwayChart(result, studies.currency)});

    ReportTable table;
    table.header = {QStringLiteral("Month"), QStringLiteral("Load")};
    table.numeric = {true, true};
    for (const Slo &slo : request.slos) {
        table.header << metricLabel(slo.key);
        table.numeric.push_back(true);
    }
    table.header << QStringLiteral("SLOs");
    table.numeric.push_back(false);
    for (const RunwayMonth &month : result.months) {
        if (month.evaluation.cancelled)
            continue;
        QStringList cells{QString::number(month.month),
                          number(month.loadScale, 2) + QStringLiteral("×")};
        for (std::size_t s = 0; s < request.slos.size(); ++s)
            cells << metricValue(request.slos[s].key, sloValue(month.verdicts, s),
                                 studies.currency);
        cells << verdictText(month.meetsSlos);
        table.rows.push_back(cells);
    }
    add(out, std::move(table));
}

} // namespace

ChartSpec sizingChart(const SizingResult &result, const QString &currency)
{
    if (result.request.vary.empty() || result.request.slos.empty())
        return {};
    return result.request.vary.size() == 1 ? oneTypeChart(result, currency)
                                           : mixChart(result, currency);
}

ChartSpec runwayChart(const RunwayResult &result, const QString &currency)
{
    ChartSpec chart;
    if (result.request.slos.empty())
        return chart;
    const Slo &slo = result.request.slos.front();
    double top = slo.limit;
    for (const RunwayMonth &month : result.months) {
        if (!month.evaluation.cancelled)
            top = std::max(top, sloValue(month.verdicts, 0));
    }
    const MetricAxis axis = metricAxis(slo.key, top, currency);
    chart.title = QStringLiteral("%1 per month of growth").arg(metricLabel(slo.key));
    chart.subtitle =
            QStringLiteral("load grows %1 a month").arg(percent(result.request.growthPerMonth, 1));
    chart.xAxis = ChartSpec::XAxis::Number;
    chart.xTitle = QStringLiteral("month");
    chart.yTitle = axis.unit.isEmpty()
                           ? metricLabel(slo.key)
                           : QStringLiteral("%1 (%2)").arg(metricLabel(slo.key), axis.unit);
    chart.xMin = -0.5;
    chart.xMax = std::max(1, result.request.months) + 0.5;
    ChartLine line;
    line.name = metricLabel(slo.key);
    line.color = Color::Blue;
    line.markers = true;
    for (const RunwayMonth &month : result.months) {
        const double value = sloValue(month.verdicts, 0) / axis.divisor;
        if (!month.evaluation.cancelled && std::isfinite(value))
            line.points.emplace_back(month.month, value);
    }
    chart.lines = {line};
    chart.rules.push_back({ChartRule::Direction::Horizontal, slo.limit / axis.divisor,
                           QStringLiteral("SLO: %1").arg(sloText(slo, currency)), Color::Red,
                           true});
    if (result.breachMonth) {
        chart.rules.push_back({ChartRule::Direction::Vertical, double(*result.breachMonth),
                               QStringLiteral("first breach: month %1").arg(*result.breachMonth),
                               Color::Orange, false});
    }
    return chart;
}

QString costText(const RunCost &cost)
{
    QString text = QStringLiteral("capital %1 + energy %2")
                           .arg(money(cost.capitalUsd, QStringLiteral("USD")),
                                money(cost.energy, str(cost.energyCurrency)));
    if (!cost.unpricedTypes.empty()) {
        QStringList names;
        for (const std::string &name : cost.unpricedTypes)
            names << str(name);
        text += QStringLiteral(" (no price for %1: counted as 0)").arg(names.join(", "));
    }
    return text;
}

QString sizingSummary(const SizingResult &result)
{
    const SizingRequest &request = result.request;
    const SizingPoint *best = result.recommendedPoint();
    if (!best) {
        if (result.cancelled)
            return QStringLiteral("Cancelled before any configuration met the SLOs.");
        return QStringLiteral("Nothing in the ranges meets the SLOs: %1").arg(str(result.reason));
    }
    QString text =
            QStringLiteral("%1 meet every SLO at the least %2: %3.")
                    .arg(countsText(request.vary, best->counts), objectiveLabel(request.objective),
                         objectiveValue(request.objective, best->objective));
    if (request.objective == SizingObjective::Cost)
        text += QStringLiteral(" That is %1.").arg(costText(best->evaluation.cost));
    return text;
}

QString runwaySentence(const RunwayResult &result, const QString &currency)
{
    const RunwayRequest &request = result.request;
    if (!result.problem.empty())
        return str(result.problem);
    if (!result.breachMonth) {
        if (result.cancelled)
            return QStringLiteral("Cancelled before the months were evaluated.");
        return QStringLiteral("Every SLO holds through month %1, at %2× today's load.")
                .arg(request.months)
                .arg(number(runwayLoadScale(request.growthPerMonth, request.months), 2));
    }
    const RunwayMonth &month = result.months[std::size_t(*result.breachMonth)];
    std::size_t broken = 0;
    while (broken + 1 < month.verdicts.size() && month.verdicts[broken].met)
        ++broken;
    const Slo &slo = request.slos[broken];
    const QString verb = slo.bound == Slo::Bound::AtMost ? QStringLiteral("passes")
                                                         : QStringLiteral("falls below");
    const QString limit = metricValue(slo.key, slo.limit, currency);
    if (*result.breachMonth == 0)
        return QStringLiteral("%1 already %2 %3 at today's load (it is %4).")
                .arg(metricLabel(slo.key), verb, limit,
                     metricValue(slo.key, month.verdicts[broken].value, currency));
    return QStringLiteral("%1 %2 %3 in month %4 at %5× today's load.")
            .arg(metricLabel(slo.key), verb, limit)
            .arg(*result.breachMonth)
            .arg(number(result.breachLoadScale, 2));
}

void appendPlanningSections(ReportDocument &document, const PlanningStudies &studies)
{
    if (studies.empty())
        return;
    std::vector<ReportBlock> blocks;
    const bool sizing = studies.sizing && !studies.sizing->request.vary.empty() &&
                        !studies.sizing->request.slos.empty();
    const bool runway = studies.runway && !studies.runway->request.slos.empty();
    if (sizing && !studies.sizingForBreach)
        sizingSection(studies, blocks);
    if (runway)
        runwaySection(studies, blocks);
    if (sizing && studies.sizingForBreach)
        sizingSection(studies, blocks);
    // Before the appendix, which is about reproducing the run.
    auto at = std::find_if(document.blocks.begin(), document.blocks.end(),
                           [](const ReportBlock &block) {
                               const auto *heading = std::get_if<ReportHeading>(&block);
                               return heading && heading->level == 2 &&
                                      heading->text.startsWith(QStringLiteral("Appendix"));
                           });
    document.blocks.insert(at, std::make_move_iterator(blocks.begin()),
                           std::make_move_iterator(blocks.end()));
}

} // namespace headroom::report
