#pragma once

class QTableView;

namespace headroom::ui {

// The look of the panels' read-only lists (services, placement explanation): whole rows
// selected one at a time, no editing, alternating rows on one line each, no row header, the
// last column taking the rest of the width.
void setUpReadOnlyTable(QTableView *view);

} // namespace headroom::ui
