namespace ProgramOps.Web.Features.Revenue;

/// <summary>
/// 顧客生涯価値: LTV = annual recurring revenue × expected lifetime, where the expected lifetime in years is 1 ÷ the
/// segment's annual logo churn (clients lost over clients at the start of the year, pooled over the completed fiscal
/// years measured). With no client lost there is no estimate of the lifetime, so no LTV.
/// </summary>
public static class LifetimeValue
{
    public static double? ExpectedLifetimeYears(int lostClients, int openingClients) =>
        lostClients == 0 || openingClients == 0 ? null : (double)openingClients / lostClients;

    public static decimal? Of(decimal annualRevenue, double? lifetimeYears) =>
        lifetimeYears is { } years ? decimal.Round(annualRevenue * (decimal)years, 0) : null;
}
