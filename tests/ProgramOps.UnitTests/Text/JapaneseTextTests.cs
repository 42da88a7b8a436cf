using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.UnitTests.Text;

public sealed class JapaneseTextTests
{
    [Theory]
    [InlineData("  株式会社　サンプル  ", "株式会社 サンプル")]
    [InlineData("１２３４", "1234")]
    [InlineData("ｻﾝﾌﾟﾙ", "サンプル")]
    [InlineData("ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ABC@example.com")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Normalize_folds_widths_and_collapses_spaces(string? input, string expected) =>
        Assert.Equal(expected, JapaneseText.Normalize(input));

    [Fact]
    public void Hiragana_becomes_katakana_and_other_text_is_kept() =>
        Assert.Equal("サンプルショウジ ABC", JapaneseText.ToKatakana("さんぷるしょうじ ABC"));

    [Theory]
    [InlineData("ヤマダ タロウ", true)]
    [InlineData("ヤマダ・ハナコ", true)]
    [InlineData("ケンコウホケンクミアイ", true)]
    [InlineData("やまだ", false)]
    [InlineData("Yamada", false)]
    [InlineData("山田", false)]
    public void Katakana_readings_are_recognised(string text, bool expected) =>
        Assert.Equal(expected, JapaneseText.IsKatakanaReading(text));
}
