using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Clients.KeyPersons;

namespace ProgramOps.UnitTests.Clients;

public sealed class ValidatorTests
{
    private static readonly IStringLocalizer<ClientsText> Text = new StringLocalizer<ClientsText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public ValidatorTests() => CultureInfo.CurrentUICulture = new CultureInfo("ja");

    private static Dictionary<string, string> Errors<T>(FluentValidation.IValidator<T> validator, T input) =>
        validator.Validate(input).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void A_complete_client_is_valid()
    {
        var input = new ClientInput { Name = "テスト健康保険組合", NameKana = "テストケンコウホケンクミアイ", EligiblePopulation = 12000, CsStyles = [CsStyle.Consulting, CsStyle.RequiredAction] };

        Assert.Empty(Errors(new ClientInputValidator(Text), input));
    }

    [Fact]
    public void Client_errors_begin_with_the_field_label_in_japanese()
    {
        var errors = Errors(new ClientInputValidator(Text), new ClientInput { Name = "", NameKana = "abc", EligiblePopulation = -1, Kind = (ClientKind)42 });

        Assert.Equal("名称: 名称を入力してください。", errors[nameof(ClientInput.Name)]);
        Assert.Contains("カタカナ", errors[nameof(ClientInput.NameKana)]);
        Assert.Contains("10,000,000", errors[nameof(ClientInput.EligiblePopulation)]);
        Assert.Equal("種別: 選択肢から選んでください。", errors[nameof(ClientInput.Kind)]);
        Assert.Equal("CSスタイル: 1つ以上選んでください。", errors[nameof(ClientInput.CsStyles)]);
    }

    [Fact]
    public void Messages_switch_to_english_with_the_ui_culture()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var errors = Errors(new ClientInputValidator(Text), new ClientInput { Name = "" });

        Assert.Equal("Name: Enter the name.", errors[nameof(ClientInput.Name)]);
    }

    [Fact]
    public void Normalising_a_client_turns_hiragana_reading_into_katakana_and_blank_notes_into_null()
    {
        var normalized = new ClientInput { Name = " ＡＢＣ商事 ", NameKana = "えーびーしー", Notes = "   " }.Normalized();

        Assert.Equal("ABC商事", normalized.Name);
        Assert.Equal("エービーシー", normalized.NameKana);
        Assert.Null(normalized.Notes);
    }

    [Fact]
    public void Contract_end_before_start_and_zero_seats_are_refused()
    {
        var errors = Errors(new ContractInputValidator(Text), new ContractInput
        {
            ProgramName = "禁煙プログラム", Seats = 0, PricePerSeatJpy = -1,
            StartDate = new DateOnly(2026, 4, 1), EndDate = new DateOnly(2026, 3, 31),
        });

        Assert.Equal("終了日: 終了日は開始日以降にしてください。", errors[nameof(ContractInput.EndDate)]);
        Assert.Contains("席数", errors[nameof(ContractInput.Seats)]);
        Assert.Contains("単価", errors[nameof(ContractInput.PricePerSeatJpy)]);
    }

    [Fact]
    public void A_contract_must_be_for_a_chosen_program_whatever_its_name_says() =>
        Assert.Equal("プログラム: 契約のプログラムを選んでください。",
            Errors(new ContractInputValidator(Text), new ContractInput { ProgramName = "禁煙プログラム（3か月）", Seats = 5 })[nameof(ContractInput.ProgramId)]);

    [Fact]
    public void Contract_dates_are_required()
    {
        var errors = Errors(new ContractInputValidator(Text), new ContractInput { ProgramName = "禁煙", Seats = 5 });

        Assert.Equal("開始日: 日付を入力してください。", errors[nameof(ContractInput.StartDate)]);
        Assert.Equal("終了日: 日付を入力してください。", errors[nameof(ContractInput.EndDate)]);
    }

    [Fact]
    public void Contract_report_fields_need_a_positive_eligible_population_with_its_date_and_fees_of_zero_or_more()
    {
        var valid = new ContractInput
        {
            ProgramId = 1, ProgramName = "禁煙", Seats = 5, StartDate = new DateOnly(2026, 4, 1), EndDate = new DateOnly(2027, 3, 31),
            EligiblePopulation = 1200, EligiblePopulationAsOf = new DateOnly(2026, 3, 1), FeePerIttSuccessJpy = 50_000, FeePerCompleterJpy = 0,
        };
        Assert.True(new ContractInputValidator(Text).Validate(valid).IsValid);

        var errors = Errors(new ContractInputValidator(Text), valid with { EligiblePopulation = 0, FeePerVerifiedSuccessJpy = -1 });
        Assert.Contains("対象者数", errors[nameof(ContractInput.EligiblePopulation)]);
        Assert.Contains("成果報酬", errors[nameof(ContractInput.FeePerVerifiedSuccessJpy)]);

        var withoutDate = Errors(new ContractInputValidator(Text), valid with { EligiblePopulationAsOf = null });
        Assert.Contains("日付", withoutDate[nameof(ContractInput.EligiblePopulationAsOf)]);
        Assert.True(new ContractInputValidator(Text).Validate(valid with { EligiblePopulation = null, EligiblePopulationAsOf = null }).IsValid);
    }

    [Theory]
    [InlineData("hanako@example.co.jp", "03-1234-5678", true)]
    [InlineData("hanako@", null, false)]
    [InlineData(null, "call me", false)]
    [InlineData(null, "+81 3-1234-5678", true)]
    public void Key_person_contact_details_are_checked(string? email, string? phone, bool valid)
    {
        var input = new KeyPersonInput { Name = "山田 花子", Email = email, Phone = phone };

        Assert.Equal(valid, new KeyPersonInputValidator(Text).Validate(input).IsValid);
    }
}
