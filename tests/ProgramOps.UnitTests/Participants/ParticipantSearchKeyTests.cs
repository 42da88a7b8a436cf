using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Participants;

public sealed class ParticipantSearchKeyTests
{
    [Theory]
    [InlineData("佐藤 花子", "佐藤花子")]
    [InlineData("佐藤　花子", "佐藤花子")]
    [InlineData("サトウ ハナコ", "サトウハナコ")]
    [InlineData("さとう はなこ", "サトウハナコ")]
    [InlineData("ｻﾄｳ ﾊﾅｺ", "サトウハナコ")]
    [InlineData("Ｓａｔｏ Hanako", "satohanako")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_name_or_reading_is_kept_folded_as_the_search_folds_what_is_typed(string? written, string? key) =>
        Assert.Equal(key, ParticipantSearchKey.Of(written));

    [Fact]
    public void Starting_with_covers_exactly_the_keys_that_begin_with_the_typed_text()
    {
        var (from, to) = ParticipantSearchKey.StartingWith("さとう")!.Value;

        Assert.All(new[] { "サトウ", "サトウハナコ", "サトウ𠮷" }, key => Assert.InRange(string.CompareOrdinal(key, from), 0, int.MaxValue));
        Assert.All(new[] { "サトウ", "サトウハナコ", "サトウ𠮷" }, key => Assert.True(string.CompareOrdinal(key, to) < 0, key));
        Assert.True(string.CompareOrdinal("サトア", from) < 0);
        Assert.True(string.CompareOrdinal("サドウ", to) >= 0);
        Assert.Null(ParticipantSearchKey.StartingWith(" "));
    }

    [Fact]
    public void An_employee_number_or_e_mail_is_matched_as_written_once_trimmed_and_width_folded() =>
        Assert.Equal("E000123", ParticipantSearchKey.Exact(" Ｅ０００１２３ "));
}
