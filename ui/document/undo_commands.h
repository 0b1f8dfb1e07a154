#pragma once

#include "ui/document/scenario_parts.h"

#include <QUndoCommand>

#include <cstddef>
#include <utility>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// Merge ids, one per field whose consecutive changes fold into one undo step (Tiled's pattern:
// one enum, so two commands never share an id by accident). Each id belongs to exactly one
// field in scenario_fields.h; ChangeValue relies on that when it merges.
enum class MergeId : int {
    None = -1, // never merged: whole objects, several objects, structural edits
    ScenarioName = 1,
    ScenarioDescription,
    ScenarioSeed,
    Scheduler,
    Placement,
    SampleInterval,
    SrtfRestartOverhead,
    RackSpreadPenalty,
    Horizon,
    Pue,
    ClusterPowerCap,
    PowerManagement,
    IdleTimeout,
    SpareNodes,
    ClusterDvfs,
    Currency,
    ElectricityPrice,
    CarbonIntensity,
    JobName,
    JobTenant,
    JobSubmit,
    JobSlots,
    JobRun,
    JobRequested,
    JobPriority,
    JobDedicated,
    JobNodeType,
    JobZone,
    JobRack,
    JobPin,
    JobCheckpointInterval,
    JobCheckpointCost,
    JobRestartOverhead,
    FailuresEnabled,
    FailureSeed,
    FailureRequeue,
};

// One field of an Object: how to read it and write it, and its merge id. `name` is the field
// in words for undo texts ("scheduler": "Change scheduler"), marked for translation.
template<typename Object, typename Value>
struct Field
{
    MergeId id = MergeId::None;
    const char *name = nullptr;
    Value (*get)(const Object &) = nullptr;
    void (*set)(Object &, Value) = nullptr;
};

// The object as a whole, as one value: for edits that are not about one field.
template<typename Object>
constexpr Field<Object, Object> wholeObject()
{
    return {MergeId::None, nullptr, [](const Object &object) { return object; },
            [](Object &object, Object value) { object = std::move(value); }};
}

// Sets one field of some objects in the document (after Tiled's ChangeValue): it holds the
// other value of each, and undo and redo both swap it with what the document has.
//
// A command on one field merges with the next command on the same field of the same objects
// (typing a name, stepping a spin box: one undo step); anything else is a new step. Merged
// back to where it started, the step disappears.
template<typename Object, typename Value>
class ChangeValue final : public QUndoCommand
{
public:
    ChangeValue(ScenarioDocument *document, Field<Object, Value> field,
                std::vector<std::size_t> indices, std::vector<Value> values, const QString &text,
                QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_field(field)
        , m_indices(std::move(indices))
        , m_values(std::move(values))
    {
        Q_ASSERT(m_indices.size() == m_values.size());
    }

    void undo() override { swap(); }
    void redo() override { swap(); }
    int id() const override { return static_cast<int>(m_field.id); }

    bool mergeWith(const QUndoCommand *other) override
    {
        // Equal ids are the same field, so `other` is a ChangeValue of the same types.
        Q_ASSERT(dynamic_cast<const ChangeValue *>(other));
        const auto *next = static_cast<const ChangeValue *>(other);
        if (next->m_document != m_document || next->m_indices != m_indices)
            return false;
        // `next` is already done and this command still holds the values from before the
        // first change: together they are this command as it is.
        setObsolete(currentValues() == m_values);
        return true;
    }

private:
    std::vector<Value> currentValues() const
    {
        std::vector<Value> values;
        values.reserve(m_indices.size());
        for (std::size_t index : m_indices)
            values.push_back(m_field.get(Part<Object>::get(*m_document, index)));
        return values;
    }

    void swap()
    {
        for (std::size_t i = 0; i < m_indices.size(); ++i) {
            Object object = Part<Object>::get(*m_document, m_indices[i]);
            Value other = std::move(m_values[i]); // not std::exchange: Value may be bool
            m_values[i] = m_field.get(object);
            m_field.set(object, std::move(other));
            Part<Object>::set(*m_document, m_indices[i], std::move(object));
        }
    }

    ScenarioDocument *m_document;
    Field<Object, Value> m_field;
    std::vector<std::size_t> m_indices; // which objects (jobs, services); {0} for the others
    std::vector<Value> m_values;        // what undo or redo puts back
};

// Jobs or services taken out of the scenario or put in, at ascending positions. While they are
// out, the command owns them (Tiled's AddRemoveLayer), so undo puts back the very objects.
template<typename Object>
class AddRemove : public QUndoCommand
{
protected:
    AddRemove(ScenarioDocument *document, std::vector<std::size_t> indices,
              std::vector<Object> detached, const QString &text, QUndoCommand *parent)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_indices(std::move(indices))
        , m_detached(std::move(detached))
    {}

    void putIn()
    {
        Part<Object>::insert(*m_document, m_indices, std::move(m_detached));
        m_detached.clear();
    }
    void takeOut() { m_detached = Part<Object>::remove(*m_document, m_indices); }

private:
    ScenarioDocument *m_document;
    std::vector<std::size_t> m_indices;
    std::vector<Object> m_detached; // held while out of the scenario
};

template<typename Object>
class AddObjects final : public AddRemove<Object>
{
public:
    // `objects` go to `indices` (ascending, one each).
    AddObjects(ScenarioDocument *document, std::vector<std::size_t> indices,
               std::vector<Object> objects, const QString &text, QUndoCommand *parent = nullptr)
        : AddRemove<Object>(document, std::move(indices), std::move(objects), text, parent)
    {}
    void redo() override { this->putIn(); }
    void undo() override { this->takeOut(); }
};

template<typename Object>
class RemoveObjects final : public AddRemove<Object>
{
public:
    // `indices` ascending and unique.
    RemoveObjects(ScenarioDocument *document, std::vector<std::size_t> indices, const QString &text,
                  QUndoCommand *parent = nullptr)
        : AddRemove<Object>(document, std::move(indices), {}, text, parent)
    {}
    void redo() override { this->takeOut(); }
    void undo() override { this->putIn(); }
};

} // namespace headroom::ui
