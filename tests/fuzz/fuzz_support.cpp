#include "tests/fuzz/fuzz_support.h"

#include <fstream>
#include <unistd.h>

namespace headroom::fuzz {

namespace {

// In memory (/dev/shm) where the system has it: truncating and rewriting a file on a disk
// file system makes ext4 write it back on close (its replace-by-truncate heuristic), which held
// fuzz_swf_file to under 200 runs a second on a busy disk.
std::string scratchDirectory()
{
    return ::access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
}

} // namespace

std::string writeScratchFile(std::string_view content)
{
    static const std::string path = scratchDirectory() + "/headroom-fuzz-" +
                                    std::to_string(static_cast<long>(::getpid())) + ".bin";
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
