using ProgramOps.Web.Features.Cohorts.Roster;
using static ProgramOps.UnitTests.Roster.RosterFiles;

namespace ProgramOps.UnitTests.Roster;

public sealed class RosterHeaderTests
{
    private static RosterHeaderMap Map(string header, RosterColumnMapping? mapping = null) =>
        RosterHeaderMap.Resolve(header.Split(','), mapping ?? new());

    private static RosterField?[] Fields(RosterHeaderMap map) => [.. map.Columns.Select(c => c.Field)];

    [Theory]
    [InlineData("社員番号,氏名,フリガナ,メールアドレス,部署,生年")]
    [InlineData("従業員番号,名前,ふりがな,メール,所属,生まれ年")]
    [InlineData("職員番号,姓名,カナ,Eメール,部署名,生年（西暦）")]
    [InlineData("社員コード,氏名,氏名カナ,ｅ－ｍａｉｌ,所属部署,生年(西暦)")]
    [InlineData("被保険者番号,氏名,フリガナ,E-Mail,所属,生年")]
    [InlineData("Employee Number,Name,Kana,Email,Department,Birth Year")]
    [InlineData("employee_id,full name,furigana,e-mail,dept,year of birth")]
    [InlineData("EMPLOYEE-NO,NAME,KANA,MAIL,DIVISION,BIRTH_YEAR")]
    [InlineData("Emp ID,Full Name,Furigana,E-mail,Division,Year Of Birth")]
    [InlineData("ＥＭＰＬＯＹＥＥ　ＩＤ, 氏名 ,ﾌﾘｶﾞﾅ,Ｅメール,部署,生年")]
    public void Japanese_and_English_header_names_map_ignoring_case_width_spaces_underscores_and_hyphens(string header)
    {
        var map = Map(header);
        Assert.Equal(
            [RosterField.EmployeeNumber, RosterField.Name, RosterField.Kana, RosterField.Email, RosterField.Department, RosterField.BirthYear],
            Fields(map));
        Assert.True(map.IsComplete);
        Assert.Empty(map.UnmappedColumns);
        Assert.All(map.Columns, c => Assert.Equal(RosterColumnSource.Automatic, c.Source));
    }

    [Fact]
    public void Unknown_headers_are_reported_with_the_required_fields_nobody_holds()
    {
        var map = Map("社員番号,氏名,連絡先,備考,,部署");
        Assert.Equal([(2, "連絡先"), (3, "備考")], map.UnmappedColumns.Select(c => (c.Index, c.Header)));
        Assert.Equal([RosterField.Email], map.MissingRequiredFields);
        Assert.Equal(RosterColumnSource.Blank, map.Columns[4].Source);
        Assert.False(map.IsComplete);
    }

    [Fact]
    public void A_file_without_a_header_misses_every_required_field()
    {
        var map = Map("");
        Assert.Equal(RosterFields.Required, map.MissingRequiredFields);
        Assert.Empty(map.UnmappedColumns);
    }

    [Fact]
    public void Two_columns_with_names_of_one_field_are_ambiguous_until_the_caller_chooses()
    {
        var map = Map("社員番号,従業員番号,氏名,メール");
        Assert.Equal([RosterField.EmployeeNumber], map.AmbiguousFields);
        Assert.Null(map.ColumnOf(RosterField.EmployeeNumber));
        Assert.False(map.IsComplete);

        var chosen = Map("社員番号,従業員番号,氏名,メール", new RosterColumnMapping().Ignore("社員番号"));
        Assert.True(chosen.IsComplete);
        Assert.Equal(1, chosen.ColumnOf(RosterField.EmployeeNumber));
        Assert.Equal(new RosterColumn(0, "社員番号", null, RosterColumnSource.Explicit), chosen.Columns[0]);
    }

    [Fact]
    public void An_explicit_mapping_by_index_or_header_text_overrides_the_names()
    {
        var mapping = new RosterColumnMapping()
            .Map(2, RosterField.Email)
            .Map("ｶﾅ氏名 (全角)", RosterField.Kana)
            .Map("メール", RosterField.Department);
        var map = Map("社員番号,氏名,連絡先,カナ氏名（全角）,メール", mapping);

        Assert.Equal([RosterField.EmployeeNumber, RosterField.Name, RosterField.Email, RosterField.Kana, RosterField.Department], Fields(map));
        Assert.Equal(RosterColumnSource.Explicit, map.Columns[2].Source);
        Assert.True(map.IsComplete);
        Assert.Empty(map.UnmappedColumns);
    }

    [Fact]
    public void A_field_chosen_for_another_column_leaves_the_column_named_after_it_unmapped()
    {
        var map = Map("社員番号,氏名,メール,会社メール", new RosterColumnMapping().Map("会社メール", RosterField.Email));
        Assert.Equal(3, map.ColumnOf(RosterField.Email));
        Assert.Equal(new RosterColumn(2, "メール", null, RosterColumnSource.Unmapped), Assert.Single(map.UnmappedColumns));
        Assert.True(map.IsComplete);
    }

    [Fact]
    public void The_index_wins_over_the_header_text()
    {
        var mapping = new RosterColumnMapping().Map("連絡先", RosterField.Department).Map(2, RosterField.Email);
        Assert.Equal(RosterField.Email, Map("社員番号,氏名,連絡先", mapping).Columns[2].Field);
    }

    [Fact]
    public async Task Rows_cannot_be_read_until_the_header_is_complete()
    {
        await using var reader = await OpenAsync(Utf8(Lines("社員番号,氏名,連絡先", "1,山田,a@example.com")));
        Assert.Equal([RosterField.Email], reader.Header.MissingRequiredFields);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync(TestContext.Current.CancellationToken)) { }
        });
    }

    [Fact]
    public async Task The_explicit_mapping_of_the_options_applies_to_the_rows()
    {
        var (reader, records) = await ReadAsync(
            Utf8(Lines("番号,お客様名,連絡先", "１２３,山田 太郎,ａ＠ｅｘａｍｐｌｅ．ｃｏｍ")),
            Options(mapping: new RosterColumnMapping().Map(0, RosterField.EmployeeNumber).Map(1, RosterField.Name).Map(2, RosterField.Email)));
        Assert.True(reader.Header.IsComplete);
        var row = Assert.IsType<ValidRosterRecord>(Assert.Single(records));
        Assert.Equal(("123", "山田 太郎", "a@example.com"), (row.EmployeeNumber, row.Name, row.Email));
    }

    [Fact]
    public async Task Rows_can_be_read_once()
    {
        await using var reader = await OpenAsync(Utf8(Lines("社員番号,氏名,メール", "1,山田,a@example.com")));
        await foreach (var _ in reader.ReadAsync(TestContext.Current.CancellationToken)) { }
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync(TestContext.Current.CancellationToken)) { }
        });
    }
}
