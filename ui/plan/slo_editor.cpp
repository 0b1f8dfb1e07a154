#include "ui/plan/slo_editor.h"

#include "report/plan_figures.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {
namespace {

constexpr int kMaxRows = 8;

int decimalsFor(const std::string &key)
{
    switch (report::metricKind(key)) {
    case report::MetricKind::Fraction:
    case report::MetricKind::Ratio:
        return 4;
    case report::MetricKind::Count:
        return 0;
    default:
        return 2;
    }
}

// The unit, and the value as people read it where that differs from the unit's figure
// ("s · 10.0 h" for 36000 s), so a long wait typed in seconds is still recognisable.
QString unitText(const std::string &key, double value, const QString &currency)
{
    const QString unit = report::metricUnit(key, currency);
    switch (report::metricKind(key)) {
    case report::MetricKind::Seconds:
    case report::MetricKind::Watts:
    case report::MetricKind::Fraction:
        return QStringLiteral("%1 · %2").arg(unit, report::metricValue(key, value, currency));
    default:
        return unit;
    }
}

} // namespace

SloEditor::SloEditor(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_add(new QPushButton(tr("&Add Service Level"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 3);
    m_grid->setColumnStretch(2, 2);
    m_grid->setColumnMinimumWidth(3, fontMetrics().horizontalAdvance(QStringLiteral("s · 10.0 h")));
    auto header = [this](const QString &text, int column) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), this);
        m_grid->addWidget(label, 0, column);
    };
    header(tr("Metric"), 0);
    header(tr("Bound"), 1);
    header(tr("Value"), 2);
    layout->addLayout(m_grid);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_add->setToolTip(tr("Add another service level; a configuration must meet all of them"));
    connect(m_add, &QPushButton::clicked, this, &SloEditor::addRow);
}

void SloEditor::setKeys(const std::vector<std::string> &keys, const QString &currency)
{
    const QStringList kept = texts();
    m_keys = keys;
    m_currency = currency;
    setTexts(kept);
}

QList<QWidget *> SloEditor::focusChain() const
{
    QList<QWidget *> chain;
    for (const Row &row : m_rows)
        chain << row.key << row.bound << row.value << row.remove;
    chain << m_add;
    return chain;
}

void SloEditor::setSlos(const std::vector<Slo> &slos)
{
    for (Row &row : m_rows)
        discard(row);
    m_rows.clear();
    for (const Slo &slo : slos) {
        if (std::find(m_keys.begin(), m_keys.end(), slo.key) != m_keys.end() &&
            int(m_rows.size()) < kMaxRows)
            appendRow(slo);
    }
    relayout();
    Q_EMIT changed();
}

std::vector<Slo> SloEditor::slos() const
{
    std::vector<Slo> out;
    for (const Row &row : m_rows) {
        Slo slo;
        slo.key = row.key->currentData().toString().toStdString();
        slo.bound = row.bound->currentIndex() == 0 ? Slo::Bound::AtMost : Slo::Bound::AtLeast;
        slo.limit = row.value->value();
        out.push_back(std::move(slo));
    }
    return out;
}

QStringList SloEditor::texts() const
{
    QStringList out;
    for (const Slo &slo : slos())
        out << QString::fromStdString(slo.text());
    return out;
}

void SloEditor::setTexts(const QStringList &texts)
{
    std::vector<Slo> parsed;
    for (const QString &text : texts) {
        if (const std::optional<Slo> slo = parseSlo(text.toStdString()))
            parsed.push_back(*slo);
    }
    setSlos(parsed);
}

void SloEditor::addRow()
{
    if (int(m_rows.size()) >= kMaxRows || m_keys.empty())
        return;
    // A wait SLO is what planners ask first; after that, whatever key is not used yet.
    std::string key = m_keys.front();
    for (const char *preferred : {"p95_wait_s", "jobs_rejected", "mean_bounded_slowdown"}) {
        const bool used = std::any_of(m_rows.begin(), m_rows.end(), [&](const Row &row) {
            return row.key->currentData().toString() == QLatin1String(preferred);
        });
        if (!used && std::find(m_keys.begin(), m_keys.end(), preferred) != m_keys.end()) {
            key = preferred;
            break;
        }
    }
    Row &row = appendRow({key, Slo::Bound::AtMost, key == "p95_wait_s" ? 3600.0 : 0.0});
    relayout();
    row.key->setFocus();
    Q_EMIT changed();
}

SloEditor::Row &SloEditor::appendRow(const Slo &slo)
{
    Row row;
    row.key = new QComboBox(this);
    for (const std::string &key : m_keys) {
        const QString unit = report::metricUnit(key, m_currency);
        const QString text =
                unit.isEmpty() ? QString::fromStdString(key)
                               : QStringLiteral("%1 (%2)").arg(QString::fromStdString(key), unit);
        row.key->addItem(text, QString::fromStdString(key));
        row.key->setItemData(row.key->count() - 1, report::metricLabel(key), Qt::ToolTipRole);
    }
    row.key->setCurrentIndex(row.key->findData(QString::fromStdString(slo.key)));
    row.key->setAccessibleName(tr("Metric"));
    row.bound = new QComboBox(this);
    row.bound->addItems({QStringLiteral("≤"), QStringLiteral("≥")});
    row.bound->setItemData(0, tr("at most"), Qt::ToolTipRole);
    row.bound->setItemData(1, tr("at least"), Qt::ToolTipRole);
    row.bound->setCurrentIndex(slo.bound == Slo::Bound::AtMost ? 0 : 1);
    row.bound->setAccessibleName(tr("Bound"));
    row.value = new QDoubleSpinBox(this);
    row.value->setRange(-1e15, 1e15);
    row.value->setAccessibleName(tr("Value"));
    row.unit = new QLabel(this);
    row.remove = new QToolButton(this);
    row.remove->setText(QStringLiteral("✕"));
    row.remove->setToolTip(tr("Remove this service level"));
    row.remove->setAccessibleName(tr("Remove service level"));
    m_rows.push_back(row);
    Row &added = m_rows.back();
    updateUnit(added); // the decimals, before the value is rounded to them
    added.value->setValue(slo.limit);
    updateUnit(added);
    QComboBox *keyBox = added.key;
    connect(keyBox, &QComboBox::currentIndexChanged, this, [this, keyBox] {
        for (Row &r : m_rows) {
            if (r.key == keyBox)
                updateUnit(r);
        }
        Q_EMIT changed();
    });
    connect(added.bound, &QComboBox::currentIndexChanged, this, &SloEditor::changed);
    QDoubleSpinBox *valueBox = added.value;
    QComboBox *keyOf = added.key;
    QLabel *unitLabel = added.unit;
    connect(valueBox, &QDoubleSpinBox::valueChanged, this,
            [this, valueBox, keyOf, unitLabel](double value) {
                const std::string key = keyOf->currentData().toString().toStdString();
                valueBox->setToolTip(report::metricValue(key, value, m_currency));
                unitLabel->setText(unitText(key, value, m_currency));
                Q_EMIT changed();
            });
    QToolButton *button = added.remove;
    connect(button, &QToolButton::clicked, this, [this, button] { removeRow(button); });
    return added;
}

void SloEditor::updateUnit(Row &row)
{
    const std::string key = row.key->currentData().toString().toStdString();
    row.value->setDecimals(decimalsFor(key));
    row.unit->setText(unitText(key, row.value->value(), m_currency));
    row.value->setToolTip(report::metricValue(key, row.value->value(), m_currency));
}

void SloEditor::removeRow(QToolButton *button)
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [button](const Row &row) { return row.remove == button; });
    if (it == m_rows.end())
        return;
    discard(*it);
    m_rows.erase(it);
    relayout();
    m_add->setFocus();
    Q_EMIT changed();
}

void SloEditor::discard(Row &row)
{
    for (QWidget *widget :
         std::initializer_list<QWidget *>{row.key, row.bound, row.value, row.unit, row.remove}) {
        m_grid->removeWidget(widget);
        widget->hide();
        widget->deleteLater();
    }
}

void SloEditor::relayout()
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const int r = int(i) + 1;
        m_grid->addWidget(row.key, r, 0);
        m_grid->addWidget(row.bound, r, 1);
        m_grid->addWidget(row.value, r, 2);
        m_grid->addWidget(row.unit, r, 3);
        m_grid->addWidget(row.remove, r, 4);
        // Tab order follows the rows.
        if (i > 0)
            setTabOrder(m_rows[i - 1].remove, row.key);
        setTabOrder(row.key, row.bound);
        setTabOrder(row.bound, row.value);
        setTabOrder(row.value, row.remove);
    }
    if (!m_rows.empty())
        setTabOrder(m_rows.back().remove, m_add);
    m_add->setEnabled(int(m_rows.size()) < kMaxRows);
}

} // namespace headroom::ui
