using ProgramOps.Web.Features.Cohorts.Roster;
using static ProgramOps.UnitTests.Roster.RosterFiles;

namespace ProgramOps.UnitTests.Roster;

public sealed class RosterCsvGrammarTests
{
    private const string Header = "社員番号,氏名,メールアドレス,所属";

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task Lines_may_end_in_CRLF_or_LF(string lineEnd)
    {
        var text = string.Join(lineEnd, Header, "1,山田 太郎,a@example.com,人事部", "2,佐藤 花子,b@example.com,経理部") + lineEnd;
        var records = await RecordsAsync(text);
        Assert.Equal([2, 3], records.Select(r => r.Line));
        Assert.Equal(["人事部", "経理部"], records.Cast<ValidRosterRecord>().Select(r => r.Department));
    }

    [Fact]
    public async Task The_last_line_needs_no_line_end() =>
        Assert.Equal("経理部", Assert.IsType<ValidRosterRecord>(Assert.Single(
            await RecordsAsync(Header + "\r\n2,佐藤 花子,b@example.com,経理部"))).Department);

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_are_numbered_by_their_first_line()
    {
        var records = await RecordsAsync(Lines(
            Header,
            "1,山田 太郎,a@example.com,\"営業部, 東日本課\"",
            "2,\"佐藤 \"\"ハナ\"\" 花子\",b@example.com,\"経理部",
            "決算課",
            "第二係\"",
            "3,鈴木 一郎,c@example.com,総務部"));

        var rows = records.Cast<ValidRosterRecord>().ToList();
        Assert.Equal([2, 3, 6], rows.Select(r => r.Line));
        Assert.Equal("営業部, 東日本課", rows[0].Department);
        Assert.Equal("佐藤 \"ハナ\" 花子", rows[1].Name);
        // A line break inside a value is white space to fold like any other.
        Assert.Equal("経理部 決算課 第二係", rows[1].Department);
    }

    [Fact]
    public async Task Problems_in_a_row_after_a_multi_line_field_name_the_line_the_row_starts_on()
    {
        var records = await RecordsAsync(Lines(
            Header,
            "1,山田 太郎,a@example.com,\"営業部",
            "東日本課\"",
            "2,佐藤 花子,not-an-address,経理部"));
        Assert.Equal(4, records[1].Line);
        Assert.Equal(RosterProblem.MalformedEmail, SingleProblem(records[1]).Problem);
    }

    [Fact]
    public async Task A_file_with_only_a_header_has_no_rows()
    {
        var (reader, records) = await ReadAsync(Utf8(Lines(Header)));
        Assert.True(reader.Header.IsComplete);
        Assert.Empty(records);
        Assert.Equal(new RosterSummary(0, 0, 0), reader.Summary);
    }

    [Fact]
    public async Task Blank_lines_and_rows_of_empty_fields_are_skipped_and_not_counted()
    {
        var (reader, records) = await ReadAsync(Utf8(Lines(
            Header,
            "",
            "1,山田 太郎,a@example.com,人事部",
            ",,,",
            "  ,　, ,",
            "",
            "2,佐藤 花子,b@example.com,経理部",
            ",,",
            "")));
        Assert.Equal([3, 7], records.Select(r => r.Line));
        Assert.Equal(new RosterSummary(2, 2, 0), reader.Summary);
    }

    [Fact]
    public async Task Quotes_that_do_not_pair_up_reject_the_row()
    {
        var records = await RecordsAsync(Lines(
            Header,
            "1,山田 太郎,a@example.com,\"人事\"部",
            "2,佐藤 花子,b@example.com,経理部",
            "3,鈴木 一郎,c@example.com,\"総務部",
            "4,高橋 健,d@example.com,営業部"));

        Assert.Equal([2, 3, 4], records.Select(r => r.Line));
        Assert.Equal(new RosterRowProblem(RosterProblem.MalformedQuotes, null, null, "TextAfterClosingQuote"), SingleProblem(records[0]));
        Assert.IsType<ValidRosterRecord>(records[1]);
        // The unclosed quote swallows the rest of the file into one row, which is rejected where it starts.
        Assert.Equal(new RosterRowProblem(RosterProblem.MalformedQuotes, null, null, "UnterminatedQuote"), SingleProblem(records[2]));
    }
}
