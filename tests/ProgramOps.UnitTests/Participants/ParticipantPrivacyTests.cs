using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Participants;

public sealed class ParticipantPrivacyTests
{
    [Fact]
    public void A_pseudonym_is_the_participant_number_behind_a_prefix_and_says_nothing_of_the_person()
    {
        Assert.Equal("P-000123", ParticipantPrivacy.Pseudonym(123));
        Assert.Equal("P-1234567", ParticipantPrivacy.Pseudonym(1_234_567));
    }

    [Theory]
    [InlineData("P-000123", 123L)]
    [InlineData("p123", 123L)]
    [InlineData(" Ｐ－０００１２３ ", 123L)]
    [InlineData("P-1234567", 1_234_567L)]
    [InlineData("山田太郎", null)]
    [InlineData("123", null)]
    [InlineData("P-", null)]
    [InlineData("P-12a", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_typed_label_is_read_back_to_its_participant(string? text, long? expected)
    {
        Assert.Equal(expected, ParticipantPrivacy.ParsePseudonym(text));
    }
}
