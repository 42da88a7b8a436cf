using System.Text;
using ProgramOps.Web.Features.Cohorts.Roster;
using static ProgramOps.UnitTests.Roster.RosterFiles;

namespace ProgramOps.UnitTests.Roster;

public sealed class RosterEncodingTests
{
    private static readonly string Text = Lines(JapaneseHeader, "1001,山田 太郎,ヤマダ タロウ,taro@example.com,人事部,1980");

    private static void AssertTaro(List<RosterRecord> records)
    {
        var row = Assert.IsType<ValidRosterRecord>(Assert.Single(records));
        Assert.Equal(("1001", "山田 太郎", "ヤマダ タロウ", "人事部"), (row.EmployeeNumber, row.Name, row.Kana, row.Department));
    }

    [Fact]
    public async Task Utf8_with_a_byte_order_mark_is_detected_and_the_mark_is_not_part_of_the_first_header()
    {
        var (reader, records) = await ReadAsync(Utf8(Text, bom: true));
        Assert.Equal(RosterEncoding.Utf8, reader.Encoding);
        Assert.Equal("社員番号", reader.Header.Columns[0].Header);
        Assert.Equal(RosterField.EmployeeNumber, reader.Header.Columns[0].Field);
        AssertTaro(records);
    }

    [Fact]
    public async Task Utf8_without_a_byte_order_mark_is_detected()
    {
        var (reader, records) = await ReadAsync(Utf8(Text));
        Assert.Equal(RosterEncoding.Utf8, reader.Encoding);
        AssertTaro(records);
    }

    [Fact]
    public async Task Cp932_as_Excel_saves_it_is_detected()
    {
        var (reader, records) = await ReadAsync(Cp932(Text));
        Assert.Equal(RosterEncoding.ShiftJis, reader.Encoding);
        AssertTaro(records);
    }

    [Fact]
    public async Task Half_width_katakana_in_Cp932_become_full_width()
    {
        var (_, records) = await ReadAsync(Cp932(Lines(JapaneseHeader, "1001,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,taro@example.com,,")));
        Assert.Equal("ヤマダ タロウ", Assert.IsType<ValidRosterRecord>(Assert.Single(records)).Kana);
    }

    [Fact]
    public async Task A_forced_encoding_is_used_without_detection()
    {
        // Every byte of this ASCII file is valid UTF-8, so only the caller's choice makes it Shift_JIS.
        var ascii = Lines("employee number,name,email", "1001,Taro Yamada,taro@example.com");
        var (reader, records) = await ReadAsync(Cp932(ascii), Options(RosterEncoding.ShiftJis));
        Assert.Equal(RosterEncoding.ShiftJis, reader.Encoding);
        Assert.IsType<ValidRosterRecord>(Assert.Single(records));

        var (forcedUtf8, utf8Records) = await ReadAsync(Utf8(Text), Options(RosterEncoding.Utf8));
        Assert.Equal(RosterEncoding.Utf8, forcedUtf8.Encoding);
        AssertTaro(utf8Records);
    }

    [Fact]
    public async Task Cp932_forced_as_Utf8_fails_at_the_header_line_with_advice()
    {
        var failure = await Assert.ThrowsAsync<RosterEncodingException>(() => OpenAsync(Cp932(Text), Options(RosterEncoding.Utf8)));
        Assert.Equal((RosterEncoding.Utf8, 1), (failure.Encoding, failure.Line));
        Assert.Equal("The file is not valid UTF-8 at line 1: save the file as UTF-8 or choose Shift_JIS.", failure.Message);
    }

    [Fact]
    public async Task Cp932_after_a_first_chunk_of_plain_ascii_is_misdetected_as_Utf8_and_fails_naming_its_line()
    {
        var lines = new List<string> { "employee number,name,kana,email" };
        for (var i = 1; lines.Sum(l => l.Length + 2) < 3 * RosterDecodingStream.ChunkSize; i++)
            lines.Add($"{i},Taro Yamada {i},,taro{i}@example.com");
        lines.Add("99999,山田 太郎,ヤマダ タロウ,yamada@example.com");
        var badLine = lines.Count;
        lines.Add("100000,Hanako Sato,,hanako@example.com");
        var file = Cp932(Lines([.. lines]));

        await using var reader = await OpenAsync(file);
        Assert.Equal(RosterEncoding.Utf8, reader.Encoding);
        var read = 0;
        var failure = await Assert.ThrowsAsync<RosterEncodingException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync(TestContext.Current.CancellationToken)) read++;
        });
        Assert.Equal((RosterEncoding.Utf8, badLine), (failure.Encoding, failure.Line));
        Assert.Contains($"not valid UTF-8 at line {badLine}", failure.Message);
        Assert.InRange(read, 1, badLine - 2);
    }

    [Fact]
    public async Task Bytes_that_are_not_Shift_JIS_fail_naming_their_line()
    {
        // 0x81 0x20: a lead byte followed by a byte that cannot trail it.
        byte[] file = [.. Cp932(Lines(JapaneseHeader, "1001,山田 太郎,,taro@example.com,,")), .. "1002,"u8, 0x81, 0x20, .. ",,x@example.com,,\r\n"u8];
        var failure = await ReadUntilFailureAsync(file);
        Assert.Equal((RosterEncoding.ShiftJis, 3), (failure.Encoding, failure.Line));
        Assert.Equal("The file is not valid Shift_JIS at line 3: save the file as Shift_JIS or choose UTF-8.", failure.Message);
    }

    [Fact]
    public async Task A_Utf8_sequence_cut_off_at_the_end_of_the_file_fails_on_the_last_line()
    {
        byte[] file = [.. Utf8(Lines(JapaneseHeader, "1001,山田 太郎,,taro@example.com,,")), .. "1002,"u8, 0xE5, 0xB1];
        var failure = await ReadUntilFailureAsync(file, RosterEncoding.Utf8);
        Assert.Equal((RosterEncoding.Utf8, 3), (failure.Encoding, failure.Line));
    }

    [Fact]
    public async Task A_multi_byte_character_split_across_chunks_decodes()
    {
        var header = "employee number,name,email";
        // Rows of 95 bytes up to just before the first chunk's end, then a row whose 山 starts on its last byte.
        var fillers = Enumerable.Range(0, (RosterDecodingStream.ChunkSize - 150) / 95)
            .Select(i => $"{i:D6},{new string('a', 66)},a{i:D6}@example.com").ToList();
        var before = Encoding.UTF8.GetByteCount(Lines([header, .. fillers])) + "1001,".Length;
        var padding = new string('a', RosterDecodingStream.ChunkSize - before - 1);
        // The first chunk ends one byte into 山, so the decoder must carry the rest of it over.
        var text = Lines([header, .. fillers, $"1001,{padding}山田,taro@example.com"]);
        var (reader, records) = await ReadAsync(Utf8(text));
        Assert.Equal(RosterEncoding.Utf8, reader.Encoding);
        Assert.EndsWith("山田", Assert.IsType<ValidRosterRecord>(records[^1]).Name);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x81, 0x40 }, true, RosterEncoding.Utf8)]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62 }, true, RosterEncoding.Utf8)]
    [InlineData(new byte[] { 0xE5, 0xB1, 0xB1 }, true, RosterEncoding.Utf8)]
    [InlineData(new byte[] { 0x61, 0xE5, 0xB1 }, false, RosterEncoding.Utf8)]
    [InlineData(new byte[] { 0x61, 0xE5, 0xB1 }, true, RosterEncoding.ShiftJis)]
    [InlineData(new byte[] { 0x8E, 0x52, 0x93, 0x63 }, true, RosterEncoding.ShiftJis)]
    [InlineData(new byte[0], true, RosterEncoding.Utf8)]
    public void The_first_chunk_decides_the_encoding(byte[] firstChunk, bool isWholeFile, RosterEncoding expected) =>
        Assert.Equal(expected, RosterEncodingDetector.Detect(firstChunk, isWholeFile));

    [Fact]
    public async Task The_decoding_stream_serves_Cp932_as_Utf8_to_synchronous_readers_too()
    {
        await using var text = await RosterDecodingStream.OpenAsync(new MemoryStream(Cp932(Text)), RosterEncoding.Auto, TestContext.Current.CancellationToken);
        using var utf8 = new StreamReader(text, Encoding.UTF8);
        Assert.Equal(RosterEncoding.ShiftJis, text.Encoding);
        Assert.Equal(Text, utf8.ReadToEnd());
    }

    [Fact]
    public async Task Opening_reads_only_the_start_of_a_large_file()
    {
        var source = new CountingStream(Utf8(Lines([JapaneseHeader, .. Enumerable.Repeat("1,山田,,a@example.com,,", 200_000)])));
        await using var reader = await RosterReader.OpenAsync(source, Options(), TestContext.Current.CancellationToken);
        Assert.True(reader.Header.IsComplete);
        Assert.InRange(source.BytesRead, 1, 4 * RosterDecodingStream.ChunkSize);
        Assert.True(source.Length > 60 * RosterDecodingStream.ChunkSize);
    }

    /// <summary>A small file is read whole while the header is read, so the failure may come from either step.</summary>
    private static Task<RosterEncodingException> ReadUntilFailureAsync(byte[] file, RosterEncoding encoding = RosterEncoding.Auto) =>
        Assert.ThrowsAsync<RosterEncodingException>(async () =>
        {
            await using var reader = await OpenAsync(file, Options(encoding));
            await foreach (var _ in reader.ReadAsync(TestContext.Current.CancellationToken)) { }
        });

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xEE, 0xE0 }, "髙")]
    [InlineData(new byte[] { 0xED, 0x95 }, "﨑")]
    [InlineData(new byte[] { 0xED, 0x40 }, "纊")]
    [InlineData(new byte[] { 0xEE, 0xEF }, "i")] // ⅰ, folded by NFKC
    [InlineData(new byte[] { 0xEE, 0xF9 }, "¬")] // ￢, folded by NFKC
    public async Task NEC_selected_IBM_extensions_decode_as_Windows_reads_them(byte[] necSelected, string expected)
    {
        byte[] file = [.. Cp932(Lines(JapaneseHeader) + "1001,"), .. necSelected, .. Cp932("田 太郎,,taro@example.com,,\r\n")];

        var (reader, records) = await ReadAsync(file);

        Assert.Equal(RosterEncoding.ShiftJis, reader.Encoding);
        Assert.StartsWith(expected, Assert.IsType<ValidRosterRecord>(Assert.Single(records)).Name);
    }

    [Fact]
    public async Task Unassigned_codes_between_the_NEC_selected_extensions_still_fail_naming_the_line()
    {
        byte[] file = [.. Cp932(Lines(JapaneseHeader, "1001,山田 太郎,,taro@example.com,,") + "1002,"), 0xEE, 0xED, .. Cp932(",,jiro@example.com,,\r\n")];
        var failure = await ReadUntilFailureAsync(file, RosterEncoding.ShiftJis);
        Assert.Equal((RosterEncoding.ShiftJis, 3), (failure.Encoding, failure.Line));
    }
}
