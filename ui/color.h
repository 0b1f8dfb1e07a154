#pragma once

#include <QColor>

#include <cstdint>
#include <string_view>

namespace headroom::ui {

// Colour helpers shared by every view that picks its own colours (topology, live charts,
// Gantt timeline, node type icons), so that they agree on what "dark" means and a name gets
// the same hue everywhere.

// a blended towards b by t (0: a, 1: b), opaque.
QColor mix(const QColor &a, const QColor &b, double t);

// WCAG 2 relative luminance: 0 for black, 1 for white, perceptually weighted.
double relativeLuminance(const QColor &color);

// Whether a palette is a dark one, judged by the colour a view paints on (QPalette::Window or
// QPalette::Base): its relative luminance is below 0.2, near the 0.18 at which black and white
// text contrast equally. The one test for every view, so they all switch together.
bool isDark(const QColor &background);

// FNV-1a of the bytes: the same name gets the same colour in every run, on every machine
// (std::hash promises neither).
std::uint32_t stableHash(std::string_view text);

// A hue (0..359 degrees) for a name, from stableHash().
int stableHue(std::string_view text);

} // namespace headroom::ui
