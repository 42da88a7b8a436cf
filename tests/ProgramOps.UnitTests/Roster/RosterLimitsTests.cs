using System.Text;
using ProgramOps.Web.Features.Cohorts.Roster;
using static ProgramOps.UnitTests.Roster.RosterFiles;

namespace ProgramOps.UnitTests.Roster;

/// <summary>A hostile file is refused at the line that goes too far, having read little more than that line.</summary>
public sealed class RosterLimitsTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_60_MB_line_is_refused_naming_line_1_after_reading_less_than_a_megabyte_of_it()
    {
        var file = new CountingStream(new RepeatedStream("a,"u8.ToArray(), 60L * MiB));

        var refused = await Assert.ThrowsAsync<RosterLimitException>(() => OpenAsync(file));

        Assert.Equal((RosterLimit.LineTooLong, 1), (refused.Limit, refused.Line));
        Assert.InRange(file.BytesRead, 1, MiB);
    }

    [Fact]
    public async Task A_long_line_among_rows_is_refused_naming_its_line()
    {
        var text = Lines(JapaneseHeader, "1,山田 太郎,,taro@example.com,,", "2,佐藤 花子,,hanako@example.com," + new string('x', 200_000) + ",", "3,鈴木 一郎,,ichiro@example.com,,");

        var refused = await Assert.ThrowsAsync<RosterLimitException>(() => ReadAsync(Utf8(text)));

        Assert.Equal((RosterLimit.LineTooLong, 3), (refused.Limit, refused.Line));
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_refused_at_the_line_it_opens_on()
    {
        var rows = Enumerable.Range(3, 20_000).Select(i => $"{i},山田 太郎{i},,taro{i}@example.com,,");
        var text = Lines([JapaneseHeader, "1,山田 太郎,,taro@example.com,,", "2,\"佐藤 花子,,hanako@example.com,,", .. rows]);

        var refused = await Assert.ThrowsAsync<RosterLimitException>(() => ReadAsync(Utf8(text)));

        Assert.Equal((RosterLimit.LineTooLong, 3), (refused.Limit, refused.Line));
    }

    [Fact]
    public async Task A_header_of_more_columns_than_a_roster_has_is_refused()
    {
        var header = string.Join(',', Enumerable.Range(1, RosterLimits.MaxColumns + 1).Select(i => $"列{i}"));

        var refused = await Assert.ThrowsAsync<RosterLimitException>(() => OpenAsync(Utf8(Lines(header, "1"))));

        Assert.Equal((RosterLimit.TooManyColumns, 1), (refused.Limit, refused.Line));
    }

    [Fact]
    public async Task Lines_up_to_the_limit_are_read()
    {
        var department = new string('x', 150);
        var (_, records) = await ReadAsync(Utf8(Lines(JapaneseHeader, $"1,山田 太郎,,taro@example.com,{department},1980")));

        Assert.Equal(department, Assert.IsType<ValidRosterRecord>(Assert.Single(records)).Department);
    }

    /// <summary>Serves <paramref name="pattern"/> over and over up to <paramref name="length"/> bytes, without holding them.</summary>
    private sealed class RepeatedStream(byte[] pattern, long length) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++) buffer[offset + i] = pattern[(position + i) % pattern.Length];
            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
