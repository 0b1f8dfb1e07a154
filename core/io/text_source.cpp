#include "core/io/text_source.h"

#include "core/io/input_error.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace headroom {
namespace {

constexpr std::size_t kInputChunk = std::size_t(256) << 10;
constexpr std::size_t kTextChunk = std::size_t(1) << 20;
// zlib counts in 32-bit unsigned ints.
constexpr std::size_t kZlibSlice = std::size_t(1) << 30;

std::string errnoMessage(int error)
{
    return std::generic_category().message(error);
}

struct FileCloser
{
    void operator()(std::FILE *file) const { std::fclose(file); }
};

std::uint64_t fileSize(const std::string &path)
{
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    return error ? 0 : std::uint64_t(size);
}

// A buffer for a file of `bytes` (0: unknown): the whole file and one spare byte when that is
// less than `most`, so a small file costs a small buffer (the importers and the GUI open many
// small files; the fuzz targets one per run), and `most` otherwise. A power of two from 4 KiB.
std::size_t bufferFor(std::uint64_t bytes, std::size_t most)
{
    if (bytes == 0 || bytes >= most)
        return most;
    return std::max(std::bit_ceil(std::size_t(bytes) + 1), std::size_t(1) << 12);
}

} // namespace

namespace detail {

// The bytes of a file, gunzipped when it starts with the gzip magic number.
class ByteReader
{
public:
    explicit ByteReader(const std::string &path)
        : m_path(path)
        , m_fileSize(fileSize(path))
        , m_inCapacity(bufferFor(m_fileSize, kInputChunk))
        , m_in(new unsigned char[m_inCapacity])
    {
        errno = 0;
        m_file.reset(std::fopen(path.c_str(), "rb"));
        if (!m_file)
            throw InputError(m_path, 0, "", "cannot open: " + errnoMessage(errno));
        while (m_inEnd < 2 && fillInput()) {
        }
        m_gzip = isGzip(unread());
        if (!m_gzip) {
            m_sizeHint = m_fileSize;
            return;
        }
        // 16 + 15: gzip wrapper only, largest window.
        if (inflateInit2(&m_zs, 16 + MAX_WBITS) != Z_OK)
            throw InputError(m_path, 0, "", "cannot decompress: out of memory");
        m_zsReady = true;
        m_sizeHint = gzipSizeHint();
    }
    ~ByteReader()
    {
        if (m_zsReady)
            inflateEnd(&m_zs);
    }
    ByteReader(const ByteReader &) = delete;
    ByteReader &operator=(const ByteReader &) = delete;

    std::uint64_t sizeHint() const { return m_sizeHint; }
    bool gzip() const { return m_gzip; }

    // Up to `capacity` bytes of text; 0 only at the end.
    std::size_t read(char *out, std::size_t capacity)
    {
        return m_gzip ? readGzip(out, capacity) : readPlain(out, capacity);
    }

private:
    std::string_view unread() const
    {
        return {reinterpret_cast<const char *>(m_in.get()) + m_inBegin, m_inEnd - m_inBegin};
    }

    // Moves what is unread to the front and reads more behind it. False at the end of the
    // file. Only called with less than a chunk unread, so there is always room.
    bool fillInput()
    {
        if (m_inEof)
            return false;
        if (m_inBegin > 0) {
            std::memmove(m_in.get(), m_in.get() + m_inBegin, m_inEnd - m_inBegin);
            m_inEnd -= m_inBegin;
            m_inBegin = 0;
        }
        const std::size_t got = readFile(m_in.get() + m_inEnd, m_inCapacity - m_inEnd);
        m_inEnd += got;
        return got > 0;
    }

    std::size_t readFile(void *out, std::size_t capacity)
    {
        errno = 0;
        const std::size_t got = std::fread(out, 1, capacity, m_file.get());
        if (got == 0) {
            if (std::ferror(m_file.get()))
                throw InputError(m_path, 0, "",
                                 "cannot read: " + errnoMessage(errno ? errno : EIO));
            m_inEof = true;
        }
        return got;
    }

    std::size_t readPlain(char *out, std::size_t capacity)
    {
        if (m_inBegin < m_inEnd) {
            const std::size_t n = std::min(capacity, m_inEnd - m_inBegin);
            std::memcpy(out, m_in.get() + m_inBegin, n);
            m_inBegin += n;
            return n;
        }
        return m_inEof ? 0 : readFile(out, capacity);
    }

    std::size_t readGzip(char *out, std::size_t capacity)
    {
        if (m_finished || capacity == 0)
            return 0;
        const auto outSlice = static_cast<uInt>(std::min(capacity, kZlibSlice));
        m_zs.next_out = reinterpret_cast<Bytef *>(out);
        m_zs.avail_out = outSlice;
        while (m_zs.avail_out == outSlice) {
            if (m_inBegin == m_inEnd && !fillInput())
                corrupt("unexpected end of data (truncated file?)");
            const auto inSlice = static_cast<uInt>(m_inEnd - m_inBegin);
            m_zs.next_in = m_in.get() + m_inBegin;
            m_zs.avail_in = inSlice;
            const int status = inflate(&m_zs, Z_NO_FLUSH);
            m_inBegin = m_inEnd - m_zs.avail_in;
            if (status == Z_STREAM_END) {
                if (!startNextMember()) {
                    m_finished = true;
                    break;
                }
                continue;
            }
            // With input and room for output, inflate either progresses or reports an error; a
            // Z_BUF_ERROR without progress would loop for ever.
            const bool progressed = m_zs.avail_in != inSlice || m_zs.avail_out != outSlice;
            if (status != Z_OK && (status != Z_BUF_ERROR || !progressed))
                corrupt(m_zs.msg);
        }
        return outSlice - m_zs.avail_out;
    }

    // gzip concatenates members into one stream (cat a.gz b.gz, pigz). Anything else after a
    // complete member is ignored, as gzip and zlib's gzread do.
    bool startNextMember()
    {
        while (m_inEnd - m_inBegin < 2 && fillInput()) {
        }
        if (!isGzip(unread()))
            return false;
        if (inflateReset(&m_zs) != Z_OK)
            corrupt(m_zs.msg);
        return true;
    }

    [[noreturn]] void corrupt(const char *detail) const
    {
        std::string message = "corrupt gzip data";
        if (detail)
            message += std::string(": ") + detail;
        throw InputError(m_path, 0, "", message);
    }

    // The uncompressed size in the last member's trailer (modulo 2^32). Sanity-capped: a
    // corrupt trailer must not make a caller reserve gigabytes.
    std::uint64_t gzipSizeHint()
    {
        const std::uint64_t compressed = m_fileSize;
        std::fpos_t position;
        unsigned char trailer[4];
        if (compressed < 18 || std::fgetpos(m_file.get(), &position) != 0)
            return 0;
        const bool readTrailer = std::fseek(m_file.get(), -4, SEEK_END) == 0 &&
                                 std::fread(trailer, 1, 4, m_file.get()) == 4;
        if (std::fsetpos(m_file.get(), &position) != 0)
            throw InputError(m_path, 0, "", "cannot read: " + errnoMessage(errno ? errno : EIO));
        if (!readTrailer)
            return 0;
        const std::uint64_t size = std::uint64_t(trailer[0]) | std::uint64_t(trailer[1]) << 8 |
                                   std::uint64_t(trailer[2]) << 16 |
                                   std::uint64_t(trailer[3]) << 24;
        return std::min(size, compressed * 16);
    }

    std::string m_path;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::uint64_t m_fileSize; // 0 when unknown (a pipe, a device)
    std::size_t m_inCapacity;
    std::unique_ptr<unsigned char[]> m_in; // unread input is [m_inBegin, m_inEnd)
    std::size_t m_inBegin = 0;
    std::size_t m_inEnd = 0;
    bool m_inEof = false;
    bool m_gzip = false;
    bool m_zsReady = false;
    bool m_finished = false;
    z_stream m_zs{};
    std::uint64_t m_sizeHint = 0;
};

} // namespace detail

bool isGzip(std::string_view bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string readTextFile(const std::string &path)
{
    detail::ByteReader reader(path);
    std::string text;
    // One spare byte lets the loop see the end without growing the buffer.
    const std::uint64_t hint = std::min<std::uint64_t>(reader.sizeHint(), std::uint64_t(1) << 30);
    text.resize(std::max<std::size_t>(std::size_t(hint) + 1, 1 << 12));
    std::size_t size = 0;
    for (;;) {
        if (size == text.size())
            text.resize(text.size() * 2);
        const std::size_t got = reader.read(text.data() + size, text.size() - size);
        if (got == 0)
            break;
        size += got;
    }
    text.resize(size);
    return text;
}

TextHead readTextHead(const std::string &path, std::size_t maxBytes)
{
    detail::ByteReader reader(path);
    TextHead head;
    head.gzip = reader.gzip();
    head.text.resize(maxBytes);
    std::size_t size = 0;
    while (size < maxBytes) {
        const std::size_t got = reader.read(head.text.data() + size, maxBytes - size);
        if (got == 0)
            break;
        size += got;
    }
    head.text.resize(size);
    return head;
}

bool LineReader::next(std::string_view &line)
{
    if (m_rest.empty())
        return false;
    const std::size_t end = m_rest.find('\n');
    if (end == std::string_view::npos) {
        line = m_rest;
        m_rest = {};
    } else {
        line = m_rest.substr(0, end);
        m_rest.remove_prefix(end + 1);
    }
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    // Saturates rather than wraps on absurd inputs (over 2^31 lines).
    if (m_lineNumber < INT_MAX)
        ++m_lineNumber;
    return true;
}

TextSource::TextSource(const std::string &path)
    : m_path(path)
    , m_reader(std::make_unique<detail::ByteReader>(path))
{
    m_capacity = bufferFor(m_reader->sizeHint(), kTextChunk);
    m_buffer.reset(new char[m_capacity]);
}

TextSource::~TextSource() = default;

std::uint64_t TextSource::sizeHint() const
{
    return m_reader->sizeHint();
}

bool TextSource::next(std::string_view &line)
{
    for (;;) {
        const std::size_t available = m_end - m_begin;
        const char *start = m_buffer.get() + m_begin;
        if (const void *newline = std::memchr(start, '\n', available)) {
            const auto length = std::size_t(static_cast<const char *>(newline) - start);
            line = {start, length};
            m_begin += length + 1;
            m_offset += length + 1;
            break;
        }
        if (!refill()) {
            if (m_begin == m_end)
                return false;
            line = {m_buffer.get() + m_begin, m_end - m_begin};
            m_offset += m_end - m_begin;
            m_begin = m_end;
            break;
        }
    }
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (m_lineNumber < INT_MAX)
        ++m_lineNumber;
    return true;
}

// Keeps the unfinished line, moved to the front, and reads more text behind it. False at the
// end of the text.
bool TextSource::refill()
{
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_capacity) {
        if (m_capacity >= kMaxLineBytes)
            throw InputError(m_path, m_lineNumber < INT_MAX ? m_lineNumber + 1 : INT_MAX, "",
                             "line longer than " + std::to_string(kMaxLineBytes >> 20) +
                                     " MiB: not a text file?");
        auto bigger = std::unique_ptr<char[]>(new char[m_capacity * 2]);
        std::memcpy(bigger.get(), m_buffer.get(), m_end);
        m_buffer = std::move(bigger);
        m_capacity *= 2;
    }
    const std::size_t got = m_reader->read(m_buffer.get() + m_end, m_capacity - m_end);
    if (got == 0) {
        m_eof = true;
        return false;
    }
    m_end += got;
    return true;
}

} // namespace headroom
