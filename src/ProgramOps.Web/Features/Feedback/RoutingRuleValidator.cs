namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// What makes a rule usable: a name, a real destination (Needs triage is the router's verdict when the
/// evidence is weak, not something a rule votes for), a weight in range, at least one condition, and
/// keywords long enough to mean something once folded.
/// </summary>
public sealed class RoutingRuleValidator : AbstractValidator<RoutingRule>
{
    public const double MinWeight = 0.1;
    public const double MaxWeight = 10;
    public const int MinKeywordLength = 2;
    public const int MaxKeywordLength = 40;
    public const int MaxKeywords = 40;
    public const int MaxNameLength = 100;

    public RoutingRuleValidator(IStringLocalizer<FeedbackText> text, IReadOnlyCollection<string> knownPrograms)
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage(_ => text["Rule.NameRequired", text["Rule.Name"]])
            .MaximumLength(MaxNameLength).WithMessage(_ => text["Rule.NameTooLong", text["Rule.Name"], MaxNameLength]);
        RuleFor(r => r.NameJa).NotEmpty().WithMessage(_ => text["Rule.NameRequired", text["Rule.NameJa"]])
            .MaximumLength(MaxNameLength).WithMessage(_ => text["Rule.NameTooLong", text["Rule.NameJa"], MaxNameLength]);
        RuleFor(r => r.Destination).Must(d => Enum.IsDefined(d) && d != Destination.NeedsTriage).WithMessage(_ => text["Rule.DestinationTriage"]);
        RuleFor(r => r.Weight).InclusiveBetween(MinWeight, MaxWeight).WithMessage(_ => text["Rule.WeightRange", MinWeight, MaxWeight]);
        RuleFor(r => r.When).Must(w => !w.IsEmpty).WithMessage(_ => text["Rule.NoCondition"]);
        RuleFor(r => r.When.Keywords).Must(k => k.Count <= MaxKeywords).WithMessage(_ => text["Rule.TooManyKeywords", MaxKeywords])
            .OverridePropertyName(nameof(RuleConditions.Keywords));
        RuleFor(r => r.When.Keywords).Custom((keywords, context) =>
        {
            foreach (var keyword in keywords)
            {
                if (FeedbackTextFolding.Fold(keyword).Length < MinKeywordLength)
                    context.AddFailure(nameof(RuleConditions.Keywords), text["Rule.KeywordTooShort", keyword, MinKeywordLength]);
                else if (keyword.Length > MaxKeywordLength)
                    context.AddFailure(nameof(RuleConditions.Keywords), text["Rule.KeywordTooLong", keyword, MaxKeywordLength]);
            }
        });
        RuleFor(r => r.When.Keywords)
            .Must(k => k.Select(FeedbackTextFolding.Fold).Distinct(StringComparer.Ordinal).Count() == k.Count)
            .WithMessage(_ => text["Rule.KeywordRepeated"])
            .OverridePropertyName(nameof(RuleConditions.Keywords));
        RuleFor(r => r.When.Programs).Custom((programs, context) =>
        {
            foreach (var unknown in programs.Where(p => !knownPrograms.Contains(p, StringComparer.OrdinalIgnoreCase)))
                context.AddFailure(nameof(RuleConditions.Programs), text["Rule.UnknownProgram", unknown]);
        });
    }
}
