namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A contract of the client in the cohort, with what the report needs of it.</summary>
public sealed class ReportContract
{
    public int Id { get; init; }
    public string ProgramName { get; init; } = "";
    public int Capacity { get; init; }
    public int PricePerSeatJpy { get; init; }
    public int? EligiblePopulation { get; init; }
    public DateOnly? EligiblePopulationAsOf { get; init; }
    public int? FeePerIttSuccessJpy { get; init; }
    public int? FeePerVerifiedSuccessJpy { get; init; }
    public int? FeePerCompleterJpy { get; init; }
}

/// <summary>The cost inputs of the ROI section; editable per client, with defaults whose source the report prints.</summary>
public sealed record RoiAssumptions(int MedicalCostPerSmokerYearJpy, int LostProductivityPerSmokerYearJpy)
{
    /// <summary>
    /// Defaults derived from the MHLW research group's estimate for FY2014 (研究代表者 中村正和, reported 2017): smokers'
    /// own excess medical cost ¥1.1669 trillion, and lost productivity ¥249.3 billion (hospital stays) + ¥549.6 billion
    /// (smoking breaks at work), each divided by about 20 million adult smokers and rounded.
    /// </summary>
    public static readonly RoiAssumptions Default = new(58_000, 40_000);

    public int PerQuitterYearJpy => MedicalCostPerSmokerYearJpy + LostProductivityPerSmokerYearJpy;
}

/// <summary>
/// The executive ROI: each quitter (intention to treat) spares one smoker-year of excess medical cost and lost
/// productivity; set against the price paid for the cohort's seats. One year, undiscounted, relapse after the
/// program not modelled — the report prints these assumptions with the result.
/// </summary>
public sealed record ReturnOnInvestment(long PricePaidJpy, int Quitters, RoiAssumptions Assumptions)
{
    public long AvoidedCostJpy => (long)Quitters * Assumptions.PerQuitterYearJpy;

    /// <summary>(avoided cost − price) ÷ price; null when nothing was paid.</summary>
    public double? Roi => PricePaidJpy == 0 ? null : (double)(AvoidedCostJpy - PricePaidJpy) / PricePaidJpy;

    public static long PricePaid(IEnumerable<ReportContract> contracts) => contracts.Sum(c => (long)c.Capacity * c.PricePerSeatJpy);
}

public enum FeeBasis
{
    IttSuccess,
    VerifiedSuccess,
    Completer,
}

/// <summary>One pay-for-results invoice line: a contract's fee times the people it pays for.</summary>
public sealed record InvoiceLine(int ContractId, FeeBasis Basis, int FeeJpy, int? People)
{
    /// <summary>Null when the count is hidden (fewer than k): the line is then settled with the client outside the report.</summary>
    public long? AmountJpy => People is { } people ? (long)people * FeeJpy : null;
}

/// <summary>The invoice lines a contract's pay-for-results terms give, from the same counts as the report.</summary>
public static class PayForResults
{
    /// <param name="people">The contract's count for a basis, or null when the report may not show it.</param>
    public static IEnumerable<InvoiceLine> Lines(ReportContract contract, Func<FeeBasis, int?> people)
    {
        if (contract.FeePerIttSuccessJpy is { } itt) yield return new InvoiceLine(contract.Id, FeeBasis.IttSuccess, itt, people(FeeBasis.IttSuccess));
        if (contract.FeePerVerifiedSuccessJpy is { } verified) yield return new InvoiceLine(contract.Id, FeeBasis.VerifiedSuccess, verified, people(FeeBasis.VerifiedSuccess));
        if (contract.FeePerCompleterJpy is { } completer) yield return new InvoiceLine(contract.Id, FeeBasis.Completer, completer, people(FeeBasis.Completer));
    }
}
