namespace ProgramOps.Web.Features.Clients.Signals;

/// <summary>The thresholds as stored and as Admin edits them: the values, and the version a save must match.</summary>
public sealed record SignalThresholdsInput
{
    public int HealthBelowEnterprise { get; init; }
    public int HealthBelowSmb { get; init; }
    public int SeatsNearlyUsedPercent { get; init; }
    public int UnderEnrolledBelowPercent { get; init; }
    public int ReportDueDaysAfterEnd { get; init; }
    public int Version { get; init; }

    public SignalThresholds ToThresholds() =>
        new(HealthBelowEnterprise, HealthBelowSmb, SeatsNearlyUsedPercent, UnderEnrolledBelowPercent, ReportDueDaysAfterEnd);
}

public static class ClientSignalThresholds
{
    /// <summary>The row's id: the table has one row.</summary>
    public const int Id = 1;

    public static async Task<SignalThresholdsInput> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        await connection.QuerySingleAsync<SignalThresholdsInput>(new CommandDefinition(ClientSignalsSql.Thresholds, transaction: transaction, cancellationToken: ct));
}

public sealed class SignalThresholdsValidator : FormValidator<SignalThresholdsInput>
{
    public const int MaxReportDueDays = 365;

    public SignalThresholdsValidator(IStringLocalizer<SignalsText> text) : base(text, "Thresholds.")
    {
        RuleFor(t => t.HealthBelowEnterprise).InclusiveBetween(1, 100).WithMessage(_ => text["Thresholds.Range", 1, 100]);
        RuleFor(t => t.HealthBelowSmb).InclusiveBetween(1, 100).WithMessage(_ => text["Thresholds.Range", 1, 100]);
        RuleFor(t => t.SeatsNearlyUsedPercent).InclusiveBetween(1, 100).WithMessage(_ => text["Thresholds.Range", 1, 100]);
        RuleFor(t => t.UnderEnrolledBelowPercent).InclusiveBetween(1, 100).WithMessage(_ => text["Thresholds.Range", 1, 100]);
        RuleFor(t => t.ReportDueDaysAfterEnd).InclusiveBetween(1, MaxReportDueDays).WithMessage(_ => text["Thresholds.Range", 1, MaxReportDueDays]);
    }
}
