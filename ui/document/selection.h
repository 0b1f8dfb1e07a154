#pragma once

#include <QObject>

#include <set>
#include <string>
#include <vector>

namespace headroom::ui {

// What the user has selected, shared by every view: cluster elements (zones, racks, nodes by
// name) and jobs (by position in Scenario::jobs). Views set it when the user clicks and
// follow it when someone else changes it; setting an identical selection emits nothing, so
// two views can mirror each other without loops.
class Selection : public QObject
{
    Q_OBJECT

public:
    using Names = std::set<std::string>;
    using JobIndices = std::vector<std::size_t>; // ascending

    explicit Selection(QObject *parent = nullptr);

    const Names &elements() const { return m_elements; }
    const JobIndices &jobs() const { return m_jobs; }
    bool isEmpty() const { return m_elements.empty() && m_jobs.empty(); }

    void setElements(Names names);
    void setJobs(JobIndices jobs);
    void clear();

Q_SIGNALS:
    void elementsChanged();
    void jobsChanged();

private:
    Names m_elements;
    JobIndices m_jobs;
};

} // namespace headroom::ui
