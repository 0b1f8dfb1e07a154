// SWF traces from a file, plain or gzip (core/io/swf_reader.h, core/io/text_source.h): the
// streaming line reader, gunzip on the fly, and the whole-file and head readers.
#include "core/io/swf_reader.h"
#include "core/io/text_source.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const std::string path = fuzz::writeScratchFile(fuzz::bytes(data, size));
    fuzz::expectReadOrInputError([&] { readSwf(path, fuzz::kSwfOptions); });
    fuzz::expectReadOrInputError([&] { readTextHead(path, 64); });
    fuzz::expectReadOrInputError([&] {
        const std::string text = readTextFile(path);
        LineReader lines(text);
        for (std::string_view line; lines.next(line);) {
        }
    });
    return 0;
}
