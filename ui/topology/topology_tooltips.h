#pragma once

#include <QString>

#include <cstddef>
#include <vector>

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

class TopologyScene;
struct DownNode;

// The tooltips of the topology editor: what a zone, rack or node is, and, while a run is
// loaded, how busy it is and what it draws. Zones, racks and nodes are indices in the scene's
// topology order.
class TopologyToolTips
{
public:
    TopologyToolTips(const Scenario &scenario, const TopologyScene &scene, bool runLoaded)
        : m_scenario(scenario)
        , m_scene(scene)
        , m_runLoaded(runLoaded)
    {}

    // `running`: positions of the jobs running on the node now; `down`: its failure or
    // outage if it is down, with `now` the run's time (for the repair countdown).
    QString node(int node, const std::vector<std::size_t> &running, const DownNode *down = nullptr,
                 double now = 0.0) const;
    QString rack(int rack) const;
    QString zone(int zone) const;

private:
    // Accelerators of nodes [first, last) and how many of them are busy.
    struct Load
    {
        long long accelerators = 0;
        long long busy = 0;
    };
    Load loadOf(int first, int last) const;
    // "Busy: 12 of 16 (75 %)" while a run is loaded; empty otherwise.
    QString busyLine(const Load &load) const;

    const Scenario &m_scenario;
    const TopologyScene &m_scene;
    bool m_runLoaded;
};

} // namespace headroom::ui
