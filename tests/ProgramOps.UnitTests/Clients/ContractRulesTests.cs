using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;

namespace ProgramOps.UnitTests.Clients;

public sealed class ProgramNameMatchingTests
{
    private static readonly ProgramNames[] Programs =
    [
        new(1, ["smoking-12w", "禁煙プログラム（3か月）", "Smoking cessation (3 months)"]),
        new(2, ["weight-12w", "体重管理プログラム（3か月）", "Weight management (3 months)"]),
    ];

    [Theory]
    [InlineData("禁煙プログラム（3か月）", 1)]
    [InlineData("  禁煙プログラム(3か月)  ", 1)]
    [InlineData("禁煙プログラム（３か月）", 1)]
    [InlineData("SMOKING  CESSATION (3 MONTHS)", 1)]
    [InlineData("Ｓｍｏｋｉｎｇ－１２ｗ", 1)]
    [InlineData("smoking-12w", 1)]
    [InlineData("weight management (3 months)", 2)]
    public void A_name_differing_only_in_width_spaces_or_case_finds_its_program(string name, int program) =>
        Assert.Equal(program, ProgramNameMatching.Match(name, Programs));

    [Theory]
    [InlineData("禁煙")]
    [InlineData("禁煙プログラム")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_that_fits_no_program_is_left_for_a_person(string name) =>
        Assert.Null(ProgramNameMatching.Match(name, Programs));

    [Fact]
    public void A_name_two_programs_share_is_left_for_a_person() =>
        Assert.Null(ProgramNameMatching.Match("共通", [new(1, ["共通"]), new(2, ["共通"])]));

    [Fact]
    public void Half_width_katakana_folds_to_full_width() =>
        Assert.Equal(ProgramNameMatching.Fold("キンエン"), ProgramNameMatching.Fold("ｷﾝｴﾝ"));
}

public sealed class ContractChangesTests
{
    private static ContractForChange Contract(int id, int? program, string start, int seats, ContractStatus status = ContractStatus.Ended) =>
        new(id, program, DateOnly.Parse(start), seats, status);

    [Fact]
    public void The_first_contract_is_new() =>
        Assert.Equal(ContractChangeKind.New, ContractChanges.Classify([Contract(1, 1, "2025-04-01", 100)])[1]);

    [Theory]
    [InlineData(150, ContractChangeKind.Upsell)]
    [InlineData(60, ContractChangeKind.Downsell)]
    [InlineData(100, ContractChangeKind.Renewal)]
    public void A_renewal_of_the_same_program_compares_seats_with_the_contract_before(int seats, ContractChangeKind kind) =>
        Assert.Equal(kind, ContractChanges.Classify([Contract(1, 1, "2025-04-01", 100), Contract(2, 1, "2026-04-01", seats, ContractStatus.Active)])[2]);

    [Fact]
    public void Each_renewal_compares_with_the_latest_earlier_contract_of_its_program()
    {
        var kinds = ContractChanges.Classify([
            Contract(1, 1, "2024-04-01", 100), Contract(2, 1, "2025-04-01", 200), Contract(3, 1, "2026-04-01", 150, ContractStatus.Active)]);

        Assert.Equal([ContractChangeKind.New, ContractChangeKind.Upsell, ContractChangeKind.Downsell], [kinds[1], kinds[2], kinds[3]]);
    }

    [Fact]
    public void Another_program_for_a_client_that_has_one_is_a_second_program()
    {
        var kinds = ContractChanges.Classify([Contract(1, 1, "2025-04-01", 100, ContractStatus.Active), Contract(2, 2, "2025-10-01", 30, ContractStatus.Active)]);

        Assert.Equal(ContractChangeKind.SecondProgram, kinds[2]);
    }

    [Fact]
    public void Drafts_are_not_classified_and_do_not_count_as_history()
    {
        var kinds = ContractChanges.Classify([Contract(1, 1, "2025-04-01", 100, ContractStatus.Draft), Contract(2, 1, "2026-04-01", 50, ContractStatus.Active)]);

        Assert.False(kinds.ContainsKey(1));
        Assert.Equal(ContractChangeKind.New, kinds[2]);
    }

    [Fact]
    public void A_contract_without_a_program_is_never_called_a_renewal()
    {
        var kinds = ContractChanges.Classify([Contract(1, null, "2025-04-01", 100), Contract(2, null, "2026-04-01", 200)]);

        Assert.Equal(ContractChangeKind.New, kinds[2]);
    }

    [Fact]
    public void A_cancelled_contract_still_counts_as_the_contract_before_a_renewal() =>
        Assert.Equal(ContractChangeKind.Downsell, ContractChanges.Classify(
            [Contract(1, 1, "2025-04-01", 100, ContractStatus.Cancelled), Contract(2, 1, "2026-04-01", 80, ContractStatus.Active)])[2]);
}
