using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Headline figures of a comparison scope (the program's other cohorts pooled, or the client's previous cohort).</summary>
public sealed record ComparisonScope(string Label, int Cohorts, OutcomeFigures Figures);

/// <summary>Everything one client's report on one cohort shows, already counted and suppressed. No I/O.</summary>
public sealed class ClientReport
{
    public required int CohortId { get; init; }
    public required string CohortName { get; init; }
    public required string CohortStatus { get; init; }
    public required DateOnly StartDate { get; init; }
    public required ProgramDefinition Program { get; init; }
    public required int ProgramVersion { get; init; }
    public required int ClientId { get; init; }
    public required string ClientName { get; init; }
    public required ReportScopeKind Scope { get; init; }
    /// <summary>The other clients whose people a rolled-up report counts too.</summary>
    public required int ClientsInCohort { get; init; }
    public required DateOnly DrawnOn { get; init; }
    public required int ReportWeek { get; init; }
    public required bool ProgramOver { get; init; }
    public required OutcomeFigures? Figures { get; init; }
    public required IReadOnlyList<ReportContract> Contracts { get; init; }
    public required RoiAssumptions Assumptions { get; init; }
    public required IReadOnlyList<InvoiceLine> Invoice { get; init; }
    public required IReadOnlyList<ComparisonScope> Comparisons { get; init; }
    public required IReadOnlyList<string> Quotes { get; init; }
    public int K { get; init; }

    public int Seats => Contracts.Sum(c => c.Capacity);

    /// <summary>The eligible population (対象者数) the contracts give, when every contract gives it.</summary>
    public int? EligiblePopulation => Contracts.Count > 0 && Contracts.All(c => c.EligiblePopulation is not null)
        ? Contracts.Sum(c => c.EligiblePopulation!.Value) : null;

    public DateOnly? EligiblePopulationAsOf => Contracts.Max(c => c.EligiblePopulationAsOf);

    public ReturnOnInvestment? Roi => Figures?.Kind == OutcomeKind.Abstinence && Figures.Shown(FigureNames.Succeeded) is { } quitters
        ? new ReturnOnInvestment(ReturnOnInvestment.PricePaid(Contracts), quitters, Assumptions) : null;
}
