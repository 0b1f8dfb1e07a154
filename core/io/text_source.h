#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace headroom {

namespace detail {
class ByteReader; // text_source.cpp: plain or gzip bytes of a file, a chunk at a time
}

// True when `bytes` starts with the gzip magic number (1f 8b). Files are recognised by their
// content, not their name: archives get renamed, and a plain file called .gz still reads.
bool isGzip(std::string_view bytes);

// The whole file in memory, gunzipped when it is gzip. Throws InputError(path, 0, "", ...)
// when the file cannot be opened or read, or when its gzip data is corrupt or truncated.
std::string readTextFile(const std::string &path);

// The start of a file's text: at most `maxBytes` bytes of it, gunzipped when the file is gzip
// (`gzip` says whether it was). For telling what a file holds without reading all of it.
// Throws as readTextFile() does, corrupt gzip data included.
struct TextHead
{
    std::string text;
    bool gzip = false;
};
TextHead readTextHead(const std::string &path, std::size_t maxBytes);

// Splits text already in memory into lines without copying it: each line is a view into the
// text. Accepts LF and CRLF line ends and a last line without one.
//
//     LineReader lines(text);
//     for (std::string_view line; lines.next(line);)
//         use(line, lines.lineNumber());
class LineReader
{
public:
    explicit LineReader(std::string_view text)
        : m_rest(text)
        , m_size(text.size())
    {}

    // The next line without its line end; false once the text is exhausted.
    bool next(std::string_view &line);
    // 1-based number of the line `next` returned last; 0 before the first.
    int lineNumber() const { return m_lineNumber; }
    // Bytes of text consumed so far, line ends included.
    std::uint64_t offset() const { return m_size - m_rest.size(); }
    std::uint64_t sizeHint() const { return m_size; }

private:
    std::string_view m_rest;
    std::size_t m_size;
    int m_lineNumber = 0;
};

// Reads a text file line by line, a chunk at a time, gunzipping gzip files on the fly. Same
// interface as LineReader; a line stays valid until the next call to next().
//
// Streaming matters for traces: touching fresh memory dominates the cost of loading a large
// file, so a reused buffer reads a 100 MB trace several times faster than a whole-file copy.
class TextSource
{
public:
    // Throws InputError(path, 0, "", ...) when the file cannot be opened or read.
    explicit TextSource(const std::string &path);
    ~TextSource();
    TextSource(const TextSource &) = delete;
    TextSource &operator=(const TextSource &) = delete;

    // Throws InputError on a read error, corrupt or truncated gzip data, or a line longer
    // than kMaxLineBytes (a binary file, most likely).
    bool next(std::string_view &line);
    int lineNumber() const { return m_lineNumber; }
    std::uint64_t offset() const { return m_offset; }
    // Expected size of the text: exact for a plain regular file, the gzip trailer's figure for
    // a gzip file, 0 when unknown. For reserving memory only.
    std::uint64_t sizeHint() const;
    const std::string &path() const { return m_path; }

    static constexpr std::size_t kMaxLineBytes = std::size_t(16) << 20;

private:
    bool refill();

    std::string m_path;
    std::unique_ptr<detail::ByteReader> m_reader;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0; // unread text is [m_begin, m_end)
    std::size_t m_end = 0;
    bool m_eof = false;
    int m_lineNumber = 0;
    std::uint64_t m_offset = 0;
};

} // namespace headroom
