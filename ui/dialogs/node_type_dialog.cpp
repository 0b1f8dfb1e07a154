#include "ui/dialogs/node_type_dialog.h"

#include "core/model/limits.h"
#include "ui/dialogs/message_label.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace headroom::ui {

NodeTypeDialog::NodeTypeDialog(const NodeType &initial, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
{
    setWindowTitle(isNew ? tr("Add Node Type")
                         : tr("Edit Node Type %1").arg(QString::fromStdString(initial.name)));

    m_name = new QLineEdit(QString::fromStdString(initial.name), this);
    m_name->setObjectName("name");
    m_name->setToolTip(tr("Unique name; nodes and job constraints refer to it"));
    m_model = new QLineEdit(QString::fromStdString(initial.acceleratorModel), this);
    m_model->setObjectName("acceleratorModel");
    m_model->setPlaceholderText(tr("e.g. NVIDIA H100 SXM5 80GB"));
    m_model->setToolTip(tr("The accelerator, for display and reports"));
    m_accelerators = new QSpinBox(this);
    m_accelerators->setObjectName("accelerators");
    m_accelerators->setRange(1, limits::kMaxSlots);
    m_accelerators->setValue(initial.accelerators);
    m_accelerators->setToolTip(tr("Accelerators per node: the schedulable slots jobs ask for"));
    m_tflops = new QDoubleSpinBox(this);
    m_tflops->setObjectName("peakTflops");
    m_tflops->setRange(0.0, 1e6);
    m_tflops->setDecimals(1);
    m_tflops->setSuffix(tr(" TFLOP/s"));
    m_tflops->setValue(initial.peakTflopsPerAccelerator);
    m_tflops->setToolTip(tr("Dense BF16 peak of one accelerator (H100 SXM: 989; A100 SXM: "
                            "312). Sizes LLM training jobs."));
    m_idleW = new QDoubleSpinBox(this);
    m_idleW->setObjectName("idleW");
    m_idleW->setRange(0.0, 1e7);
    m_idleW->setDecimals(0);
    m_idleW->setSuffix(tr(" W"));
    m_idleW->setValue(initial.power.idleW());
    m_idleW->setToolTip(tr("Whole-node draw with idle accelerators"));
    m_maxW = new QDoubleSpinBox(this);
    m_maxW->setObjectName("maxW");
    m_maxW->setRange(0.0, 1e7);
    m_maxW->setDecimals(0);
    m_maxW->setSuffix(tr(" W"));
    m_maxW->setValue(initial.power.maxW());
    m_maxW->setToolTip(tr("Whole-node draw at full accelerator load (DGX H100: 10 200 W)"));
    m_bootS = new QDoubleSpinBox(this);
    m_bootS->setObjectName("bootS");
    m_bootS->setRange(0.0, 1e6);
    m_bootS->setDecimals(0);
    m_bootS->setSuffix(tr(" s"));
    m_bootS->setValue(initial.bootS);
    m_bootS->setToolTip(tr("Time from power-on until jobs can start"));
    m_source = new QLineEdit(QString::fromStdString(initial.source), this);
    m_source->setObjectName("source");
    m_source->setPlaceholderText(tr("datasheet or URL the figures come from"));
    m_source->setToolTip(tr("Where the figures come from, so a report can cite them"));

    m_mtbfH = new QDoubleSpinBox(this);
    m_mtbfH->setObjectName("mtbfH");
    m_mtbfH->setRange(0.0, limits::kMaxHours);
    m_mtbfH->setDecimals(2);
    m_mtbfH->setSuffix(tr(" h"));
    m_mtbfH->setSpecialValueText(tr("never fails"));
    m_mtbfH->setValue(initial.mtbfH);
    m_mtbfH->setToolTip(tr("Mean time between failures of one node, in hours; failures come "
                           "at random (exponential gaps) when the scenario turns them on. "
                           "Llama 3's 16k-GPU run saw one interruption about every 3 hours."));
    m_repairH = new QDoubleSpinBox(this);
    m_repairH->setObjectName("repairH");
    m_repairH->setRange(0.0, limits::kMaxHours);
    m_repairH->setDecimals(2);
    m_repairH->setSuffix(tr(" h"));
    m_repairH->setValue(initial.repairH);
    m_repairH->setToolTip(tr("How long a failed node stays down before it is back, idle"));
    m_repairDistribution = new QComboBox(this);
    m_repairDistribution->setObjectName("repairDistribution");
    m_repairDistribution->addItem(tr("Fixed"), int(RepairDistribution::Fixed));
    m_repairDistribution->addItem(tr("Exponential (that mean)"),
                                  int(RepairDistribution::Exponential));
    m_repairDistribution->setCurrentIndex(
            m_repairDistribution->findData(int(initial.repairDistribution)));
    m_repairDistribution->setToolTip(tr("Every repair takes exactly the repair time, or a "
                                        "random time with that mean"));

    // Room for a full accelerator model name and a datasheet reference.
    const int fieldWidth = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 18;
    for (QLineEdit *edit : {m_name, m_model, m_source})
        edit->setMinimumWidth(fieldWidth);

    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Accelerator &model:"), m_model);
    form->addRow(tr("&Accelerators per node:"), m_accelerators);
    form->addRow(tr("&Peak per accelerator:"), m_tflops);
    form->addRow(tr("&Idle power:"), m_idleW);
    form->addRow(tr("Ma&x power:"), m_maxW);
    form->addRow(tr("&Boot time:"), m_bootS);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("M&TBF per node:"), m_mtbfH);
    form->addRow(tr("&Repair time:"), m_repairH);
    form->addRow(tr("Repair &varies:"), m_repairDistribution);
    if (initial.power.kind() == PowerCurve::Kind::Table) {
        auto *note = new QLabel(tr("This type has an 11-point power table. Changing idle or "
                                   "max power replaces it with a linear curve."),
                                this);
        note->setWordWrap(true);
        form->addRow(note);
    }

    m_message = newMessageLabel(this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName("buttons");
    m_buttons->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Add") : tr("Apply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NodeTypeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_name, m_model, m_source})
        connect(edit, &QLineEdit::textChanged, this, &NodeTypeDialog::update);
    for (QDoubleSpinBox *spin : {m_tflops, m_idleW, m_maxW, m_bootS, m_mtbfH, m_repairH})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &NodeTypeDialog::update);
    connect(m_repairDistribution, &QComboBox::currentIndexChanged, this, &NodeTypeDialog::update);
    connect(m_accelerators, &QSpinBox::valueChanged, this, &NodeTypeDialog::update);
    update();
}

void NodeTypeDialog::offerCatalog(std::vector<NodeType> catalog)
{
    if (catalog.empty() || m_startFrom)
        return;
    m_catalog = std::move(catalog);
    m_startFrom = new QComboBox(this);
    m_startFrom->setObjectName("catalog");
    // Entries name long models; the list may be wider than the field, the dialog no wider.
    m_startFrom->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_startFrom->setMinimumContentsLength(24);
    m_startFrom->setToolTip(tr("Fill the fields from a type of the bundled hardware catalog, "
                               "with its cited figures and price"));
    m_startFrom->addItem(tr("Blank"));
    for (const NodeType &type : m_catalog)
        m_startFrom->addItem(QStringLiteral("%1 (%2 × %3)")
                                     .arg(QString::fromStdString(type.name))
                                     .arg(type.accelerators)
                                     .arg(QString::fromStdString(type.acceleratorModel)));
    m_form->insertRow(0, tr("Start &from:"), m_startFrom);
    connect(m_startFrom, &QComboBox::currentIndexChanged, this, &NodeTypeDialog::startFrom);
}

void NodeTypeDialog::startFrom(int index)
{
    if (index < 1 || index > int(m_catalog.size()))
        return;
    m_initial = m_catalog[std::size_t(index - 1)];
    m_name->setText(QString::fromStdString(m_initial.name));
    m_model->setText(QString::fromStdString(m_initial.acceleratorModel));
    m_accelerators->setValue(m_initial.accelerators);
    m_tflops->setValue(m_initial.peakTflopsPerAccelerator);
    m_idleW->setValue(m_initial.power.idleW());
    m_maxW->setValue(m_initial.power.maxW());
    m_bootS->setValue(m_initial.bootS);
    m_source->setText(QString::fromStdString(m_initial.source));
    m_mtbfH->setValue(m_initial.mtbfH);
    m_repairH->setValue(m_initial.repairH);
    m_repairDistribution->setCurrentIndex(
            m_repairDistribution->findData(int(m_initial.repairDistribution)));
    // Long texts read from their start, not from where typing would continue.
    for (QLineEdit *edit : {m_name, m_model, m_source})
        edit->setCursorPosition(0);
    update();
}

NodeType NodeTypeDialog::nodeType() const
{
    NodeType type = m_initial;
    type.name = m_name->text().trimmed().toStdString();
    type.acceleratorModel = m_model->text().trimmed().toStdString();
    type.accelerators = m_accelerators->value();
    type.peakTflopsPerAccelerator = m_tflops->value();
    const bool powerTouched = m_idleW->value() != m_initial.power.idleW() ||
                              m_maxW->value() != m_initial.power.maxW();
    if (powerTouched || m_initial.power.kind() == PowerCurve::Kind::Linear)
        type.power = PowerCurve::linear(m_idleW->value(), m_maxW->value());
    type.bootS = m_bootS->value();
    type.source = m_source->text().trimmed().toStdString();
    // The spin boxes round to their decimals: an untouched figure keeps its full value.
    if (m_mtbfH->value() != QString::number(m_initial.mtbfH, 'f', 2).toDouble())
        type.mtbfH = m_mtbfH->value();
    if (m_repairH->value() != QString::number(m_initial.repairH, 'f', 2).toDouble())
        type.repairH = m_repairH->value();
    type.repairDistribution =
            static_cast<RepairDistribution>(m_repairDistribution->currentData().toInt());
    return type;
}

void NodeTypeDialog::update()
{
    const NodeType type = nodeType();
    m_problem.clear();
    if (type.name.empty())
        m_problem = tr("A node type needs a name.");
    else if (type.power.maxW() < type.power.idleW())
        m_problem = tr("Max power must be at least the idle power.");
    else if (const std::string p = type.power.problem(); !p.empty())
        m_problem = tr("Power: %1").arg(QString::fromStdString(p));
    else if (type.mtbfH > 0.0 && type.mtbfH < limits::kMinMtbfH)
        m_problem = tr("An MTBF under %1 h would fail nodes many times an hour; 0 means never.")
                            .arg(limits::kMinMtbfH);
    m_message->setText(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

void NodeTypeDialog::accept()
{
    if (!m_problem.isEmpty())
        return;
    if (m_commit) {
        QString why;
        if (!m_commit(nodeType(), &why)) {
            // An unchanged type is no refusal: there is simply nothing to do.
            if (why.isEmpty() && nodeType() == m_initial) {
                QDialog::accept();
                return;
            }
            m_message->setText(why.isEmpty() ? tr("The node type could not be changed.") : why);
            return;
        }
    }
    QDialog::accept();
}

} // namespace headroom::ui
