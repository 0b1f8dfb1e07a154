#pragma once

#include "core/io/input_error.h"

#include <filesystem>
#include <new>
#include <string>
#include <system_error>
#include <utility>

namespace headroom {

// Runs `read` (a reader of the file at `path`) and turns running out of memory into an
// InputError naming the file and its size: "std::bad_alloc" alone names neither what ran out
// nor on which input. The failed allocation is unwound before the message is built.
template<typename Read>
auto readingFile(const std::string &path, Read &&read) -> decltype(read())
{
    try {
        return std::forward<Read>(read)();
    } catch (const std::bad_alloc &) {
        std::error_code error;
        const auto bytes = std::filesystem::file_size(path, error);
        throw InputError(
                path, 0, "",
                "out of memory reading this file" +
                        (error ? std::string() : " (" + std::to_string(bytes) + " bytes)") +
                        "; it is too large, or asks for more than this machine has");
    }
}

} // namespace headroom
