using ProgramOps.Web.Features.Clients;

namespace ProgramOps.UnitTests.Clients;

public sealed class ClientStatusRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ContractTerm Term(int startOffset, int endOffset, ContractStatus status) =>
        new(Today.AddDays(startOffset), Today.AddDays(endOffset), status);

    [Fact]
    public void No_contracts_is_a_prospect() =>
        Assert.Equal(ClientStatus.Prospect, ClientStatusRules.Derive([], Today));

    [Fact]
    public void Drafts_and_cancelled_contracts_that_never_ran_leave_a_prospect() =>
        Assert.Equal(ClientStatus.Prospect, ClientStatusRules.Derive(
            [Term(10, 100, ContractStatus.Draft), Term(30, 120, ContractStatus.Cancelled)], Today));

    [Theory]
    [InlineData(-30, 60)]
    [InlineData(-400, -35)]
    [InlineData(0, 365)]
    public void A_cancelled_contract_that_had_started_is_churn_like_an_ended_one(int start, int end) =>
        Assert.Equal(ClientStatus.Churned, ClientStatusRules.Derive([Term(start, end, ContractStatus.Cancelled)], Today));

    [Fact]
    public void A_cancelled_contract_beside_one_in_force_leaves_a_customer() =>
        Assert.Equal(ClientStatus.Customer, ClientStatusRules.Derive(
            [Term(-200, 100, ContractStatus.Cancelled), Term(-30, 300, ContractStatus.Active)], Today));

    [Fact]
    public void A_cancelled_contract_followed_by_a_signed_one_leaves_a_customer() =>
        Assert.Equal(ClientStatus.Customer, ClientStatusRules.Derive(
            [Term(-200, 100, ContractStatus.Cancelled), Term(30, 400, ContractStatus.Active)], Today));

    [Fact]
    public void A_cancelled_contract_beside_one_ending_soon_is_renewing() =>
        Assert.Equal(ClientStatus.Renewing, ClientStatusRules.Derive(
            [Term(-200, 100, ContractStatus.Cancelled), Term(-300, 30, ContractStatus.Active)], Today));

    [Fact]
    public void A_draft_after_a_cancelled_contract_does_not_bring_the_client_back() =>
        Assert.Equal(ClientStatus.Churned, ClientStatusRules.Derive(
            [Term(-200, 100, ContractStatus.Cancelled), Term(30, 400, ContractStatus.Draft)], Today));

    [Fact]
    public void An_active_contract_in_force_with_time_left_is_a_customer() =>
        Assert.Equal(ClientStatus.Customer, ClientStatusRules.Derive([Term(-30, 300, ContractStatus.Active)], Today));

    [Fact]
    public void An_active_contract_ending_within_the_renewal_window_is_renewing() =>
        Assert.Equal(ClientStatus.Renewing, ClientStatusRules.Derive(
            [Term(-300, ClientStatusRules.RenewalWindowDays, ContractStatus.Active)], Today));

    [Fact]
    public void A_contract_ending_one_day_after_the_window_is_still_a_customer() =>
        Assert.Equal(ClientStatus.Customer, ClientStatusRules.Derive(
            [Term(-300, ClientStatusRules.RenewalWindowDays + 1, ContractStatus.Active)], Today));

    [Fact]
    public void A_signed_follow_on_contract_ends_the_renewal_phase() =>
        Assert.Equal(ClientStatus.Customer, ClientStatusRules.Derive(
            [Term(-300, 20, ContractStatus.Active), Term(21, 386, ContractStatus.Active)], Today));

    [Fact]
    public void A_contract_that_starts_later_makes_a_customer_already() =>
        Assert.Equal(ClientStatus.Customer, ClientStatusRules.Derive([Term(30, 400, ContractStatus.Active)], Today));

    [Theory]
    [InlineData(ContractStatus.Ended)]
    [InlineData(ContractStatus.Active)]
    public void Only_past_contracts_is_churned(ContractStatus status) =>
        Assert.Equal(ClientStatus.Churned, ClientStatusRules.Derive([Term(-400, -35, status)], Today));

    [Fact]
    public void The_last_day_of_a_contract_still_counts_as_in_force() =>
        Assert.Equal(ClientStatus.Renewing, ClientStatusRules.Derive([Term(-300, 0, ContractStatus.Active)], Today));
}
