#include "core/io/input_excerpt.h"

namespace headroom {

std::string inputExcerpt(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t cut = maxBytes;
    // Back up over UTF-8 continuation bytes (10xxxxxx) so no character is split.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    std::string out(text.substr(0, cut));
    out.append("...");
    return out;
}

std::string quotedInput(std::string_view text, std::size_t maxBytes)
{
    std::string out = "\"";
    out.append(inputExcerpt(text, maxBytes));
    out.append("\"");
    return out;
}

} // namespace headroom
