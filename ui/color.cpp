#include "ui/color.h"

#include <cmath>

namespace headroom::ui {
namespace {

// sRGB channel to linear light (WCAG 2 relative luminance).
double linearized(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

double relativeLuminance(const QColor &color)
{
    return 0.2126 * linearized(color.redF()) + 0.7152 * linearized(color.greenF()) +
           0.0722 * linearized(color.blueF());
}

bool isDark(const QColor &background)
{
    return relativeLuminance(background) < 0.2;
}

std::uint32_t stableHash(std::string_view text)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : text) {
        hash ^= std::uint8_t(c);
        hash *= 16777619u;
    }
    return hash;
}

int stableHue(std::string_view text)
{
    return int(stableHash(text) % 360u);
}

} // namespace headroom::ui
