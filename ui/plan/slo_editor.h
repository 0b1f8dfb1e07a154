#pragma once

#include "core/plan/slo.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace headroom::ui {

// The service levels of a planning study as a small table: one row per SLO with the metric
// (a numeric key of the metrics JSON, docs/design.md §7.4, shown with its unit), ≤ or ≥, and
// the value in that unit. Rows of plain widgets in a grid rather than a QTableWidget, so Tab
// walks every field and screen readers name each one.
class SloEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SloEditor(QWidget *parent = nullptr);

    // The keys an SLO may name (numericMetricKeys), and the currency of `cost`.
    void setKeys(const std::vector<std::string> &keys, const QString &currency);
    void setSlos(const std::vector<Slo> &slos);
    std::vector<Slo> slos() const;
    int rowCount() const { return int(m_rows.size()); }
    // The fields in Tab order, row by row, and the Add button last.
    QList<QWidget *> focusChain() const;

    // As "KEY<=VALUE" texts, for QSettings; unknown keys and malformed texts are skipped.
    QStringList texts() const;
    void setTexts(const QStringList &texts);

public Q_SLOTS:
    void addRow();

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QComboBox *key = nullptr;
        QComboBox *bound = nullptr;
        QDoubleSpinBox *value = nullptr;
        QLabel *unit = nullptr;
        QToolButton *remove = nullptr;
    };

    Row &appendRow(const Slo &slo);
    void removeRow(QToolButton *button);
    void discard(Row &row);
    void updateUnit(Row &row);
    void relayout();

    std::vector<std::string> m_keys;
    QString m_currency = QStringLiteral("USD");
    std::vector<Row> m_rows;
    QGridLayout *m_grid;
    QPushButton *m_add;
};

} // namespace headroom::ui
