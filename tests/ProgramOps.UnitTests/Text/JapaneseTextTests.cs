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
    [InlineData("山田 太郎", "山田 太郎")]
    [InlineData("山田\t太郎", "山田 太郎")]
    [InlineData("山田  太郎", "山田 太郎")]
    [InlineData("山田 \n太郎", "山田 太郎")]
    public void Normalize_folds_widths_and_collapses_spaces(string? input, string expected) =>
        Assert.Equal(expected, JapaneseText.Normalize(input));

    [Theory]
    [InlineData("さんぷるしょうじ ABC", "サンプルショウジ ABC")]
    [InlineData("サンプル", "サンプル")]
    [InlineData("", "")]
    public void Hiragana_becomes_katakana_and_other_text_is_kept(string text, string expected) =>
        Assert.Equal(expected, JapaneseText.ToKatakana(text));

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
