#pragma once

#include <string>
#include <string_view>

namespace headroom {

// What an input file holds: a Headroom scenario (JSON) or a Standard Workload Format trace.
enum class InputKind { Scenario, SwfTrace };

// Tells a scenario from a trace by the file's content, the one rule the CLI's `simulate` and
// the GUI's open and import share (docs/design.md §6.2). Archives get renamed and gzipped, so
// the name only decides what the content cannot:
//
// - gzip data (magic bytes 1f 8b) is unpacked first, whatever the name;
// - text that starts with `{` is a scenario;
// - text that starts with a `;` comment line or a row of numbers is a trace;
// - an empty file, or text that is neither, goes by its name: `.json` is a scenario (whose
//   reader then says where it is wrong), `.swf` a trace;
// - anything else is refused: "not gzip data" for a name ending in `.gz`, otherwise "neither
//   a scenario nor an SWF trace".
//
// Throws InputError(path, 0, "", ...) when the file cannot be read, its gzip data is corrupt,
// or it is refused as above.
InputKind detectInputKind(const std::string &path);

// The same for the start of a file's text already in memory; `wasGzip` says whether the file
// was gzip data. Exposed for tests.
InputKind detectInputKind(std::string_view head, bool wasGzip, const std::string &path);

} // namespace headroom
