#include "ui/timeline/gantt_palette.h"

#include "ui/color.h"

#include <cmath>

namespace headroom::ui {

std::uint8_t TenantColorSlots::slotOf(const std::string &tenant)
{
    if (tenant.empty())
        return kNoTenant;
    const auto it = m_slots.find(tenant);
    if (it != m_slots.end())
        return it->second;
    const std::size_t seen = m_slots.size();
    std::uint8_t slot = 0;
    if (seen < kQualitative) {
        slot = std::uint8_t(seen);
    } else {
        std::uint32_t h = stableHash(tenant);
        h ^= (h >> 8) ^ (h >> 16) ^ (h >> 24);
        slot = std::uint8_t(kQualitative + std::uint8_t(h) % (kNoTenant - kQualitative));
    }
    m_slots.emplace(tenant, slot);
    return slot;
}

std::uint8_t GanttPalette::jobSlot(std::uint32_t job)
{
    std::uint32_t h = job * 2654435761u;
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return std::uint8_t(h);
}

GanttPalette::GanttPalette(const QPalette &palette)
    : base(palette.color(QPalette::Base))
    , text(palette.color(QPalette::Text))
    , highlight(palette.color(QPalette::Highlight))
{
    dark = isDark(base);
    stripe = mix(base, text, dark ? 0.06 : 0.035);
    grid = mix(base, text, dark ? 0.16 : 0.10);
    occupancy = mix(base, text, 0.55);
    separator = mix(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.3);
    now = dark ? QColor(255, 110, 100) : QColor(205, 40, 30);
    failure = dark ? QColor(255, 80, 70) : QColor(190, 20, 10);
    QColor hatch = failure;
    hatch.setAlphaF(0.45f);
    downBrush = QBrush(hatch, Qt::DiagCrossPattern);

    // Tableau-style qualitative colours: distinct at a glance and readable with dark text.
    static constexpr std::array<QRgb, TenantColorSlots::kQualitative> kQualitative{
            0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948,
            0xb07aa1, 0xff9da7, 0x9c755f, 0x499894, 0xd37295, 0x8cd17d};
    auto hashed = [this](int i) {
        // Golden-ratio hue steps spread neighbouring slots around the wheel; saturation and
        // lightness per mode so bars stand out on white and on near-black alike.
        const double hue = std::fmod(i * 0.6180339887498949, 1.0);
        const double saturation =
                dark ? 0.42 + 0.12 * ((i >> 1) % 2) : 0.50 + 0.15 * ((i >> 1) % 2);
        const double lightness = dark ? 0.42 + 0.08 * (i % 2) : 0.60 + 0.08 * (i % 2);
        return QColor::fromHslF(float(hue), float(saturation), float(lightness));
    };
    for (int i = 0; i < 256; ++i) {
        const bool qualitative = i < int(TenantColorSlots::kQualitative);
        QColor tenant = qualitative ? QColor(kQualitative[std::size_t(i)]) : hashed(i);
        if (dark && qualitative)
            tenant = mix(tenant, base, 0.18); // a little less glare on near-black
        if (i == TenantColorSlots::kNoTenant)
            tenant = mix(base, text, 0.38);
        m_colors[std::size_t(i)] = tenant;
        m_colors[std::size_t(256 + i)] = hashed(i);
    }
    for (std::size_t i = 0; i < m_colors.size(); ++i)
        m_dimColors[i] = mix(m_colors[i], base, 0.7);
}

QColor GanttPalette::outlineOf(const QColor &fill) const
{
    return dark ? fill.lighter(135) : fill.darker(135);
}

QColor GanttPalette::inkOn(const QColor &fill)
{
    return fill.lightnessF() > 0.55 ? QColor(20, 20, 20) : QColor(245, 245, 245);
}

} // namespace headroom::ui
