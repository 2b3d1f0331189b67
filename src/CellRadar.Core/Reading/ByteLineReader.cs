using System.Buffers;

namespace CellRadar.Core.Reading;

/// <summary>
/// Splits a byte stream into lines without decoding it and without ever holding more than one line
/// (at most the size cap) in memory. A longer line is skipped and reported by its length.
/// </summary>
internal sealed class ByteLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly long _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public ByteLineReader(Stream stream, long maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(64 * 1024, maxLineBytes + 2));
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>
    /// The next line (without its line ending), valid until the next call. False at the end. A line over the cap
    /// comes back empty with <paramref name="overLength"/> set to its length in bytes. Throws what the stream throws.
    /// </summary>
    public bool Next(out ReadOnlyMemory<byte> line, out long overLength)
    {
        overLength = 0;
        while (true)
        {
            var idx = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (idx >= 0)
            {
                line = TrimCr(_buffer.AsMemory(_start, idx));
                _start += idx + 1;
                LineNumber++;
                return true;
            }
            if (_end - _start > _maxLineBytes)
            {
                overLength = SkipRestOfLine();
                line = default;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                line = TrimCr(_buffer.AsMemory(_start, _end - _start));
                var had = _end > _start;
                _start = _end;
                if (had) LineNumber++;
                return had;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_buffer.Length * 2L, _maxLineBytes + 2));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        else _end += n;
    }

    /// <summary>Discards the over-long line up to its newline, counting its bytes.</summary>
    private long SkipRestOfLine()
    {
        long skipped = _end - _start;
        _start = _end = 0;
        while (true)
        {
            var n = _stream.Read(_buffer, 0, _buffer.Length);
            if (n == 0) { _eof = true; return skipped; }
            var idx = _buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (idx >= 0)
            {
                skipped += idx;
                _start = idx + 1;
                _end = n;
                return skipped;
            }
            skipped += n;
        }
    }

    private static ReadOnlyMemory<byte> TrimCr(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
