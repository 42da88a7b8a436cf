using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Participants;

public sealed class InvitationCodeTests
{
    [Fact]
    public void Codes_are_twelve_characters_without_look_alikes_and_do_not_repeat()
    {
        var codes = new InvitationCode();

        var made = Enumerable.Range(0, 20_000).Select(_ => codes.Next()).ToList();

        Assert.All(made, code => Assert.Matches("^[2-9A-HJKMNP-Z]{12}$", code));
        Assert.Equal(made.Count, made.Distinct().Count());
        // Every character of the alphabet is used, so none is left out by the byte mapping.
        Assert.Equal(31, made.SelectMany(c => c).Distinct().Count());
    }

    [Fact]
    public void Codes_are_printed_in_groups_of_four()
    {
        Assert.Equal("ABCD-EFGH-JKMN", InvitationCode.Format("ABCDEFGHJKMN"));
    }
}
