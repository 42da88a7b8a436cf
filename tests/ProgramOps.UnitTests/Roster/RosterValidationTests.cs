using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Infrastructure.Text;
using static ProgramOps.UnitTests.Roster.RosterFiles;

namespace ProgramOps.UnitTests.Roster;

public sealed class RosterValidationTests
{
    private static async Task<RosterRecord> RowAsync(string row) =>
        Assert.Single(await RecordsAsync(Lines(JapaneseHeader, row)));

    private static async Task<RosterRowProblem> ProblemAsync(string row)
    {
        var record = await RowAsync(row);
        Assert.Equal(2, record.Line);
        return SingleProblem(record);
    }

    [Fact]
    public async Task A_valid_row_is_normalised()
    {
        var row = Assert.IsType<ValidRosterRecord>(await RowAsync(
            "０１２３,　山田　　太郎 ,やまだ　たろう,ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＣＯＭ, 営業部 東日本課 ,１９８０"));
        Assert.Equal(new ValidRosterRecord(2, "0123", "山田 太郎", "ヤマダ タロウ", "TARO.YAMADA@EXAMPLE.COM", "営業部 東日本課", 1980), row);
    }

    [Fact]
    public async Task Optional_fields_may_be_empty()
    {
        var row = Assert.IsType<ValidRosterRecord>(await RowAsync("1,山田 太郎,,taro@example.com,,"));
        Assert.Equal((null, null, null), (row.Kana, row.Department, row.BirthYear));
    }

    [Theory]
    [InlineData(",山田 太郎,,taro@example.com,,", RosterField.EmployeeNumber, "社員番号")]
    [InlineData("　,山田 太郎,,taro@example.com,,", RosterField.EmployeeNumber, "社員番号")]
    [InlineData("1,,,taro@example.com,,", RosterField.Name, "氏名")]
    [InlineData("1,山田 太郎,,,,", RosterField.Email, "メールアドレス")]
    public async Task A_required_value_may_not_be_missing(string row, RosterField field, string column) =>
        Assert.Equal(new RosterRowProblem(RosterProblem.MissingValue, field, column, ""), await ProblemAsync(row));

    [Theory]
    [InlineData("taro")]
    [InlineData("taro@")]
    [InlineData("@example.com")]
    [InlineData("taro@example")]
    [InlineData("taro yamada@example.com")]
    [InlineData("taro@@example.com")]
    [InlineData("taro@example..com")]
    [InlineData("taro@-example.com")]
    [InlineData("山田@example.com")]
    [InlineData("taro@example.com (自宅)")]
    [InlineData("taro..yamada@docomo.ne.jp")]
    [InlineData("taro.yamada.@docomo.ne.jp")]
    [InlineData(".taro@example.com")]
    public async Task Malformed_email_addresses_are_rejected_with_the_value(string email) =>
        Assert.Equal(
            new RosterRowProblem(RosterProblem.MalformedEmail, RosterField.Email, "メールアドレス", email),
            await ProblemAsync($"1,山田 太郎,,{email},,"));

    [Theory]
    [InlineData("taro.yamada@example.com")]
    [InlineData("taro+roster@mail.example.co.jp")]
    [InlineData("t_yamada-01@sub-domain.example.com")]
    public void Addresses_in_use_are_accepted(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData("山田", "山田")]
    [InlineData("Yamada", "Yamada")]
    [InlineData("やまだ たろう1", "ヤマダ タロウ1")]
    public async Task Kana_must_be_katakana_after_hiragana_become_katakana_or_the_row_is_kept_without_it(string kana, string value)
    {
        var row = Assert.IsType<ValidRosterRecord>(await RowAsync($"1,山田 太郎,{kana},taro@example.com,,"));
        Assert.Null(row.Kana);
        var warning = Assert.Single(row.Warnings);
        Assert.Equal(new RosterRowProblem(RosterProblem.KanaNotKatakana, RosterField.Kana, "フリガナ", value), warning);
        Assert.True(warning.IsWarning);
    }

    [Theory]
    [InlineData("1899")]
    [InlineData("2027")]
    [InlineData("80")]
    [InlineData("S55")]
    [InlineData("1980年")]
    [InlineData("19801")]
    [InlineData("１９８０.5")]
    public async Task A_birth_year_is_four_digits_from_1900_to_this_year_or_the_row_is_kept_without_it(string year)
    {
        var row = Assert.IsType<ValidRosterRecord>(await RowAsync($"1,山田 太郎,,taro@example.com,人事部,{year}"));
        Assert.Equal((null, "人事部"), (row.BirthYear, row.Department));
        Assert.Equal(new RosterRowProblem(RosterProblem.InvalidBirthYear, RosterField.BirthYear, "生年", JapaneseTextOf(year)), Assert.Single(row.Warnings));
    }

    [Theory]
    [InlineData("1900", 1900)]
    [InlineData("2026", 2026)]
    [InlineData("１９８０", 1980)]
    public async Task Birth_years_at_the_edges_are_accepted(string year, int expected) =>
        Assert.Equal(expected, Assert.IsType<ValidRosterRecord>(await RowAsync($"1,山田 太郎,,taro@example.com,,{year}")).BirthYear);

    [Fact]
    public async Task Rows_with_too_many_or_too_few_columns_are_rejected_with_their_count()
    {
        var records = await RecordsAsync(Lines(
            JapaneseHeader,
            "1,山田 太郎,,taro@example.com,人事部,1980,余分",
            "2,佐藤 花子,,hanako@example.com",
            "3,鈴木 一郎,,ichiro@example.com,,"));
        Assert.Equal(new RosterRowProblem(RosterProblem.TooManyColumns, null, null, "7"), SingleProblem(records[0]));
        Assert.Equal(new RosterRowProblem(RosterProblem.TooFewColumns, null, null, "4"), SingleProblem(records[1]));
        Assert.IsType<ValidRosterRecord>(records[2]);
    }

    [Fact]
    public async Task Later_rows_with_an_employee_number_or_email_seen_before_name_the_first_line()
    {
        var (reader, records) = await ReadAsync(Utf8(Lines(
            JapaneseHeader,
            "1001,山田 太郎,,taro@example.com,,",
            "1002,佐藤 花子,,hanako@example.com,,",
            "１００１,山田 次郎,,jiro@example.com,,",
            "1003,佐藤 花子,,Hanako@Example.com,,",
            "1001,山田 三郎,,hanako@example.com,,")));

        Assert.IsType<ValidRosterRecord>(records[0]);
        Assert.IsType<ValidRosterRecord>(records[1]);
        Assert.Equal(new RosterRowProblem(RosterProblem.DuplicateEmployeeNumber, RosterField.EmployeeNumber, "社員番号", "1001", 2),
            SingleProblem(records[2]));
        Assert.Equal(new RosterRowProblem(RosterProblem.DuplicateEmail, RosterField.Email, "メールアドレス", "Hanako@Example.com", 3),
            SingleProblem(records[3]));
        Assert.Equal(
            [
                new RosterRowProblem(RosterProblem.DuplicateEmployeeNumber, RosterField.EmployeeNumber, "社員番号", "1001", 2),
                new RosterRowProblem(RosterProblem.DuplicateEmail, RosterField.Email, "メールアドレス", "hanako@example.com", 3),
            ],
            Assert.IsType<InvalidRosterRecord>(records[4]).Problems);
        Assert.Equal(new RosterSummary(5, 2, 3), reader.Summary);
    }

    [Fact]
    public async Task Every_problem_of_a_row_is_reported_together()
    {
        var record = Assert.IsType<InvalidRosterRecord>(await RowAsync(",,Yamada,taro@,,3000"));
        Assert.Equal(
            [RosterProblem.MissingValue, RosterProblem.MissingValue, RosterProblem.MalformedEmail, RosterProblem.KanaNotKatakana, RosterProblem.InvalidBirthYear],
            record.Problems.Select(p => p.Problem));
        Assert.Equal([false, false, false, true, true], record.Problems.Select(p => p.IsWarning));
    }

    [Fact]
    public async Task An_empty_file_misses_every_required_column()
    {
        await using var reader = await OpenAsync([]);
        Assert.Empty(reader.Header.Columns);
        Assert.Equal(RosterFields.Required, reader.Header.MissingRequiredFields);
    }

    [Fact]
    public async Task A_problem_row_names_the_person_it_is_about()
    {
        var record = Assert.IsType<InvalidRosterRecord>(await RowAsync("１００１,　山田　太郎,,taro@,,"));
        Assert.Equal(new RosterPerson("1001", "山田 太郎"), record.Person);
    }

    [Fact]
    public async Task A_value_longer_than_its_field_is_a_problem_that_echoes_only_its_start()
    {
        var longName = new string('山', 5_000);
        var record = Assert.IsType<InvalidRosterRecord>(await RowAsync($"1,{longName},,taro@example.com,,"));
        var problem = SingleProblem(record);
        Assert.Equal((RosterProblem.TooLong, RosterField.Name), (problem.Problem, problem.Field));
        Assert.Equal(RosterLimits.MaxEchoedLength, problem.Value.Length);
        Assert.Equal("", record.Person.Name);
    }

    [Fact]
    public async Task An_optional_value_longer_than_its_field_is_left_out_with_a_warning()
    {
        var row = Assert.IsType<ValidRosterRecord>(await RowAsync($"1,山田 太郎,,taro@example.com,{new string('部', 201)},1980"));
        Assert.Equal((null, 1980), (row.Department, row.BirthYear));
        Assert.Equal((RosterProblem.TooLong, RosterField.Department), (Assert.Single(row.Warnings).Problem, row.Warnings[0].Field));
    }

    [Fact]
    public async Task Control_characters_reject_a_required_value_and_drop_an_optional_one()
    {
        var record = Assert.IsType<InvalidRosterRecord>(await RowAsync("1,山田\0太郎,,taro@example.com,,"));
        Assert.Equal(new RosterRowProblem(RosterProblem.ControlCharacter, RosterField.Name, "氏名", "山田\uFFFD太郎"), SingleProblem(record));

        var kept = Assert.IsType<ValidRosterRecord>(await RowAsync("1,山田 太郎,,taro@example.com,営業\u202E部,"));
        Assert.Null(kept.Department);
        Assert.Equal(RosterProblem.ControlCharacter, Assert.Single(kept.Warnings).Problem);
    }

    private static string JapaneseTextOf(string value) => ProgramOps.Web.Infrastructure.Text.JapaneseText.Normalize(value);
}
