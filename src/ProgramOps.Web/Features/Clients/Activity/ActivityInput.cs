namespace ProgramOps.Web.Features.Clients.Activity;

/// <summary>What staff type on the record-activity form.</summary>
public sealed record ActivityInput
{
    public ClientActivityKind Kind { get; init; } = ClientActivityKind.Meeting;
    /// <summary>The day (in Japan) it happened.</summary>
    public DateOnly? OccurredOn { get; init; }
    public List<int> KeyPersonIds { get; init; } = [];
    public string Summary { get; init; } = "";
    public string? NextStep { get; init; }

    /// <summary>Line breaks are kept (a meeting's notes have several lines); only the ends are trimmed.</summary>
    public ActivityInput Normalized() => this with
    {
        Summary = (Summary ?? "").Trim(),
        NextStep = string.IsNullOrWhiteSpace(NextStep) ? null : NextStep.Trim(),
        KeyPersonIds = [.. KeyPersonIds.Distinct()],
    };

    public ClientActivityEntry ToEntry(int clientId) => new(clientId, Kind, OccurredOn!.Value, Summary, NextStep, KeyPersonIds: KeyPersonIds);
}

public sealed class ActivityInputValidator : FormValidator<ActivityInput>
{
    /// <param name="keyPersonIds">The client's key persons: the only ones an activity may name.</param>
    public ActivityInputValidator(IStringLocalizer<ClientsText> text, DateOnly today, IReadOnlyCollection<int> keyPersonIds) : base(text, "Activity.")
    {
        RuleFor(a => a.Kind).Must(k => ClientActivityKinds.Recorded.Contains(k)).WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(a => a.OccurredOn).NotNull().WithMessage(_ => text["Validation.DateRequired"]);
        RuleFor(a => a.OccurredOn).LessThanOrEqualTo(today).WithMessage(_ => text["Activity.NotInFuture"]).When(a => a.OccurredOn is not null);
        RuleFor(a => a.Summary).NotEmpty().WithMessage(_ => text["Activity.SummaryRequired"])
            .MaximumLength(ClientActivityLog.MaxSummaryLength).WithMessage(_ => text["Validation.TooLong", ClientActivityLog.MaxSummaryLength]);
        RuleFor(a => a.NextStep!).MaximumLength(ClientActivityLog.MaxNextStepLength)
            .WithMessage(_ => text["Validation.TooLong", ClientActivityLog.MaxNextStepLength]).When(a => a.NextStep is not null);
        RuleFor(a => a.KeyPersonIds).Must(ids => ids.All(keyPersonIds.Contains)).WithMessage(_ => text["Activity.UnknownKeyPerson"])
            .WithName(text["Activity.KeyPersons"]);
    }
}
