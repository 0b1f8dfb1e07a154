#pragma once

#include <QBrush>
#include <QColor>
#include <QPalette>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace headroom::ui {

// Which bar colour a tenant gets. The first twelve tenants to run get the qualitative colours
// in the order they first run (a run is deterministic, so a scenario always gets the same
// colours); later ones a hashed slot; jobs without a tenant the grey slot.
class TenantColorSlots
{
public:
    static constexpr std::size_t kQualitative = 12;
    static constexpr std::uint8_t kNoTenant = 255;

    std::uint8_t slotOf(const std::string &tenant);
    void clear() { m_slots.clear(); }

private:
    std::unordered_map<std::string, std::uint8_t> m_slots;
};

// The timeline's colours for one widget palette, light or dark: a bar colour per tenant slot
// and per job, each also dimmed (for bars of jobs that are not selected while others are),
// and the colours of row stripes, grid, occupancy strips and the "now" line.
class GanttPalette
{
public:
    explicit GanttPalette(const QPalette &palette);

    const QColor &tenantColor(std::uint8_t slot, bool dim) const
    {
        return (dim ? m_dimColors : m_colors)[slot];
    }
    const QColor &jobColor(std::uint32_t job, bool dim) const
    {
        return (dim ? m_dimColors : m_colors)[256 + jobSlot(job)];
    }
    // A scattering hash: neighbouring job positions get unrelated colours.
    static std::uint8_t jobSlot(std::uint32_t job);

    // A bar's outline, and the ink for its label.
    QColor outlineOf(const QColor &fill) const;
    static QColor inkOn(const QColor &fill);

    bool dark = false;
    QColor base;      // behind the bars
    QColor text;      // preemption marks
    QColor highlight; // selected rows and bars
    QColor stripe;    // every other row
    QColor grid;      // time grid, dropped history
    QColor occupancy; // bars too thin to draw one by one
    QColor separator; // between the header, the node names and the bars
    QColor now;       // the "now" line and label
    QColor failure;   // interruption marks and down nodes (docs/design.md §10)
    QBrush downBrush; // a node's row while it is down

private:
    std::array<QColor, 512> m_colors; // tenant slots, then job slots
    std::array<QColor, 512> m_dimColors;
};

} // namespace headroom::ui
