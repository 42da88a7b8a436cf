namespace ProgramOps.Web.Features.Clients.Plans;

/// <summary>A high-touch client's account plan (style α): its goals, success criteria, review dates and stakeholders.</summary>
public sealed record AccountPlan
{
    public int ClientId { get; init; }
    public string Goals { get; init; } = "";
    public string? SuccessCriteria { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
    public DateOnly? NextReviewOn { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public IReadOnlyList<NamedId> Stakeholders { get; init; } = [];
}

public sealed record AccountPlanInput
{
    public const int MaxTextLength = 4000;

    public string Goals { get; init; } = "";
    public string? SuccessCriteria { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
    public DateOnly? NextReviewOn { get; init; }
    public List<int> StakeholderIds { get; init; } = [];

    public static AccountPlanInput From(AccountPlan plan) => new()
    {
        Goals = plan.Goals, SuccessCriteria = plan.SuccessCriteria, LastReviewedOn = plan.LastReviewedOn, NextReviewOn = plan.NextReviewOn,
        StakeholderIds = [.. plan.Stakeholders.Select(s => s.Id)],
    };

    public AccountPlanInput Normalized() => this with
    {
        Goals = (Goals ?? "").Trim(),
        SuccessCriteria = string.IsNullOrWhiteSpace(SuccessCriteria) ? null : SuccessCriteria.Trim(),
        StakeholderIds = [.. StakeholderIds.Distinct().Order()],
    };
}

public sealed class AccountPlanInputValidator : FormValidator<AccountPlanInput>
{
    public AccountPlanInputValidator(IStringLocalizer<ClientsText> text, IReadOnlyCollection<int> keyPersonIds) : base(text, "Plan.")
    {
        RuleFor(p => p.Goals).NotEmpty().WithMessage(_ => text["Plan.GoalsRequired"])
            .MaximumLength(AccountPlanInput.MaxTextLength).WithMessage(_ => text["Validation.TooLong", AccountPlanInput.MaxTextLength]);
        RuleFor(p => p.SuccessCriteria!).MaximumLength(AccountPlanInput.MaxTextLength)
            .WithMessage(_ => text["Validation.TooLong", AccountPlanInput.MaxTextLength]).When(p => p.SuccessCriteria is not null);
        RuleFor(p => p.NextReviewOn).GreaterThanOrEqualTo(p => p.LastReviewedOn).WithMessage(_ => text["Plan.NextBeforeLast"])
            .When(p => p.NextReviewOn is not null && p.LastReviewedOn is not null);
        RuleFor(p => p.StakeholderIds).Must(ids => ids.All(keyPersonIds.Contains)).WithMessage(_ => text["Activity.UnknownKeyPerson"])
            .WithName(text["Plan.Stakeholders"]);
    }
}

/// <summary>Reads a client's plan with its stakeholders.</summary>
public static class AccountPlans
{
    public static async Task<AccountPlan?> FindAsync(DbConnection connection, int clientId, CancellationToken ct)
    {
        var plan = await connection.QuerySingleOrDefaultAsync<AccountPlan>(new CommandDefinition(AccountPlansSql.Find, new { ClientId = clientId }, cancellationToken: ct));
        if (plan is null) return null;
        return plan with { Stakeholders = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(AccountPlansSql.Stakeholders, new { ClientId = clientId }, cancellationToken: ct))] };
    }

    /// <summary>Takes a key person still at <paramref name="version"/> off the client's plan (before the person is deleted).</summary>
    public static Task ForgetStakeholderAsync(DbConnection connection, DbTransaction transaction, int keyPersonId, int version) =>
        connection.ExecuteAsync(AccountPlansSql.ForgetStakeholder, new { KeyPersonId = keyPersonId, Version = version }, transaction);
}
