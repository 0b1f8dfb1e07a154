#pragma once

namespace headroom {

// The object and value types of a pointer to a data member (`&Job::slots`: Job and int): what
// the field tables of the scenario file (core/io/json_fields.h) and of the GUI's one-field edits
// (ui/document/scenario_fields.h) are built on.
template<typename>
struct MemberPointer;

template<typename O, typename T>
struct MemberPointer<T O::*>
{
    using Object = O;
    using Value = T;
};

} // namespace headroom
