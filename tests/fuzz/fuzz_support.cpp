#include "tests/fuzz/fuzz_support.h"

#include <fstream>
#include <unistd.h>

namespace headroom::fuzz {

std::string writeScratchFile(std::string_view content)
{
    static const std::string path =
            "/tmp/headroom-fuzz-" + std::to_string(static_cast<long>(::getpid())) + ".bin";
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
        std::perror(path.c_str());
        std::abort();
    }
    return path;
}

} // namespace headroom::fuzz
