using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

public sealed class FeedbackTextFoldingTests
{
    [Theory]
    [InlineData("ﾘﾏｲﾝﾀﾞｰ", "リマインダー")]
    [InlineData("りまいんだー", "リマインダー")]
    [InlineData("ＡＰＰ　Crash", "app crash")]
    [InlineData("ニコチン　ガム", "ニコチン ガム")]
    [InlineData("  禁煙\t開始日 ", "禁煙 開始日")]
    [InlineData(null, "")]
    public void Width_case_and_kana_are_folded(string? text, string expected) =>
        Assert.Equal(expected, FeedbackTextFolding.Fold(text));

    [Fact]
    public void Character_ngrams_do_not_cross_white_space()
    {
        var grams = FeedbackTextFolding.NGrams(FeedbackTextFolding.Fold("がむ 届く"), 2);

        Assert.Equal(new HashSet<string> { "ガム", "届ク" }, grams);
    }

    [Fact]
    public void Trigrams_of_a_Japanese_sentence_are_its_consecutive_characters()
    {
        var grams = FeedbackTextFolding.NGrams("禁煙開始日", 3);

        Assert.Equal(new HashSet<string> { "禁煙開", "煙開始", "開始日" }, grams);
    }

    [Fact]
    public void A_text_shorter_than_the_ngram_has_none() =>
        Assert.Empty(FeedbackTextFolding.NGrams("ガ", 2));
}
