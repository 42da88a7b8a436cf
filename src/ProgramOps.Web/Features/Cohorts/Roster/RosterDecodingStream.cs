using System.Text;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// Serves a roster file as UTF-8 whatever it was saved in, a chunk at a time: only the first chunk is looked at
/// to choose the encoding, and a byte that later turns out not to decode stops the read with the line it is on.
/// </summary>
public sealed class RosterDecodingStream : Stream
{
    public const int ChunkSize = 64 * 1024;

    private readonly Stream source;
    private readonly Decoder decoder;
    private readonly Encoder utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly byte[] raw = new byte[ChunkSize];
    private readonly char[] chars;
    private readonly byte[] decoded;
    private int rawStart;
    private int rawEnd;
    private int decodedStart;
    private int decodedEnd;
    private int linesBeforeRaw;
    private bool sourceEnded;

    private RosterDecodingStream(Stream source, RosterEncoding encoding)
    {
        this.source = source;
        Encoding = encoding;
        var strict = RosterEncodingDetector.StrictEncoding(encoding);
        decoder = strict.GetDecoder();
        chars = new char[strict.GetMaxCharCount(ChunkSize)];
        decoded = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(chars.Length)];
    }

    /// <summary>The encoding the file is read in: never <see cref="RosterEncoding.Auto"/>.</summary>
    public RosterEncoding Encoding { get; }

    /// <summary>Reads the first chunk of <paramref name="source"/> and, for <see cref="RosterEncoding.Auto"/>, detects the encoding from it.</summary>
    public static async Task<RosterDecodingStream> OpenAsync(Stream source, RosterEncoding requested, CancellationToken cancellationToken)
    {
        var firstChunk = new byte[ChunkSize];
        var length = 0;
        int read;
        while (length < firstChunk.Length && (read = await source.ReadAsync(firstChunk.AsMemory(length), cancellationToken)) > 0)
            length += read;
        var isWholeFile = length < firstChunk.Length;
        var encoding = requested == RosterEncoding.Auto
            ? RosterEncodingDetector.Detect(firstChunk.AsSpan(0, length), isWholeFile)
            : requested;
        var stream = new RosterDecodingStream(source, encoding);
        firstChunk.AsSpan(0, length).CopyTo(stream.raw);
        stream.rawEnd = length;
        stream.sourceEnded = isWholeFile;
        if (encoding == RosterEncoding.Utf8 && stream.raw.AsSpan(0, length).StartsWith(RosterEncodingDetector.Utf8Bom))
            stream.rawStart = RosterEncodingDetector.Utf8Bom.Length;
        return stream;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (decodedStart == decodedEnd)
        {
            if (rawStart == rawEnd && !sourceEnded) await FillRawAsync(cancellationToken);
            if (!Decode()) return 0;
        }
        return CopyDecoded(buffer.Span);
    }

    public override int Read(Span<byte> buffer)
    {
        while (decodedStart == decodedEnd)
        {
            if (rawStart == rawEnd && !sourceEnded) FillRaw();
            if (!Decode()) return 0;
        }
        return CopyDecoded(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private async ValueTask FillRawAsync(CancellationToken cancellationToken) =>
        Filled(await source.ReadAsync(raw, cancellationToken));

    private void FillRaw() => Filled(source.Read(raw));

    private void Filled(int read)
    {
        (rawStart, rawEnd) = (0, read);
        sourceEnded = read == 0;
    }

    /// <summary>Decodes what is in the raw buffer (flushing the decoder once the source has ended); false at the end.</summary>
    private bool Decode()
    {
        var input = raw.AsSpan(rawStart, rawEnd - rawStart);
        int bytesUsed, charCount;
        try
        {
            decoder.Convert(input, chars, flush: sourceEnded, out bytesUsed, out charCount, out _);
        }
        catch (DecoderFallbackException invalid)
        {
            // The index is negative when the bad sequence began in the previous chunk: on the line that chunk ended on.
            var before = input[..Math.Clamp(invalid.Index, 0, input.Length)];
            throw new RosterEncodingException(Encoding, linesBeforeRaw + before.Count((byte)'\n') + 1);
        }
        linesBeforeRaw += input[..bytesUsed].Count((byte)'\n');
        rawStart += bytesUsed;
        utf8.Convert(chars.AsSpan(0, charCount), decoded, flush: sourceEnded, out _, out var byteCount, out _);
        (decodedStart, decodedEnd) = (0, byteCount);
        return byteCount > 0 || !sourceEnded;
    }

    private int CopyDecoded(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, decodedEnd - decodedStart);
        decoded.AsSpan(decodedStart, count).CopyTo(buffer);
        decodedStart += count;
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
