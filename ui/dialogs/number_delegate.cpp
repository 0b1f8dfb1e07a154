#include "ui/dialogs/number_delegate.h"

#include <QDoubleValidator>
#include <QLineEdit>

namespace headroom::ui {

NumberDelegate::NumberDelegate(double minimum, double maximum, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_minimum(minimum)
    , m_maximum(maximum)
{}

QWidget *NumberDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                      const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    auto *validator = new QDoubleValidator(m_minimum, m_maximum, 9, edit);
    validator->setNotation(QDoubleValidator::StandardNotation);
    validator->setLocale(QLocale::c());
    edit->setValidator(validator);
    edit->setFrame(false);
    return edit;
}

void NumberDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    static_cast<QLineEdit *>(editor)->setText(
            QString::number(index.data(Qt::EditRole).toDouble(), 'g', 12));
}

void NumberDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const
{
    const auto *edit = static_cast<QLineEdit *>(editor);
    bool ok = false;
    const double value = QLocale::c().toDouble(edit->text().trimmed(), &ok);
    // Intermediate text ("", "0.") leaves the cell as it was.
    if (ok && value >= m_minimum && value <= m_maximum)
        model->setData(index, value, Qt::EditRole);
}

QString NumberDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    // Every digit, as typed: a table of figures is for checking them.
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 12);
    return QStyledItemDelegate::displayText(value, locale);
}

} // namespace headroom::ui
