using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>What a reporter fills in on the intake form.</summary>
public sealed record FeedbackInput
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;

    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public FeedbackSource Source { get; init; } = FeedbackSource.CsObservation;
    public int? ProgramId { get; init; }
    public int? ClientId { get; init; }
    public int? CohortId { get; init; }
    public FunnelStage? Stage { get; init; } = FunnelStage.Week1;
    public FeedbackCategory Category { get; init; } = FeedbackCategory.Other;
    public Severity Severity { get; init; } = Severity.Medium;
    public int AffectedCount { get; init; } = 1;
    public ScopeAnswer HelpsEveryUser { get; init; }
    public ScopeAnswer ProgramSpecific { get; init; }
    public ScopeAnswer ClientAsked { get; init; }

    public FeedbackInput Normalized() => this with { Title = JapaneseText.Normalize(Title), Description = (Description ?? "").Trim() };

    public FeedbackFacts ToFacts(string? programCode) => new()
    {
        Title = Title, Description = Description, Source = Source, Category = Category, Stage = Stage, Program = programCode,
        HelpsEveryUser = HelpsEveryUser, ProgramSpecific = ProgramSpecific, ClientAsked = ClientAsked,
    };
}

public sealed class FeedbackInputValidator : FormValidator<FeedbackInput>
{
    public FeedbackInputValidator(IStringLocalizer<FeedbackText> text) : base(text)
    {
        RuleFor(i => i.Title).NotEmpty().WithMessage(_ => text["Validation.TitleRequired"])
            .MaximumLength(FeedbackInput.MaxTitle).WithMessage(_ => text["Validation.TooLong", FeedbackInput.MaxTitle]);
        RuleFor(i => i.Description).NotEmpty().WithMessage(_ => text["Validation.DescriptionRequired"])
            .MaximumLength(FeedbackInput.MaxDescription).WithMessage(_ => text["Validation.TooLong", FeedbackInput.MaxDescription]);
        RuleFor(i => i.AffectedCount).InclusiveBetween(0, 1_000_000).WithMessage(_ => text["Validation.AffectedCount"]);
    }
}

/// <summary>Where a cohort belongs: choosing it fills its program and, unless it is joint, its client.</summary>
public sealed record CohortLink
{
    public int CohortId { get; init; }
    public int ProgramId { get; init; }
    public int? ClientId { get; init; }
}

/// <summary>The programs, clients and cohorts an item can point at (a program by its code, which the rules match).</summary>
public sealed record FeedbackChoices(IReadOnlyList<NamedId> Programs, IReadOnlyList<NamedId> Clients, IReadOnlyList<NamedId> Cohorts)
{
    private IReadOnlyDictionary<int, ProgramDefinition> definitions = new Dictionary<int, ProgramDefinition>();

    public IReadOnlyDictionary<int, CohortLink> CohortLinks { get; private init; } = new Dictionary<int, CohortLink>();

    public static async Task<FeedbackChoices> LoadAsync(DbConnection connection, CancellationToken ct)
    {
        async Task<IReadOnlyList<NamedId>> Read(string sql) =>
            (await connection.QueryAsync<NamedId>(new CommandDefinition(sql, cancellationToken: ct))).ToList();
        var definitions = (await connection.QueryAsync<(int ProgramId, string Definition)>(new CommandDefinition(FeedbackChoicesSql.ProgramDefinitions, cancellationToken: ct)))
            .ToDictionary(d => d.ProgramId, d => ProgramDefinitionJson.Deserialize(d.Definition));
        var links = (await connection.QueryAsync<CohortLink>(new CommandDefinition(FeedbackChoicesSql.CohortLinks, cancellationToken: ct))).ToDictionary(l => l.CohortId);
        return new FeedbackChoices(await Read(FeedbackChoicesSql.Programs), await Read(FeedbackChoicesSql.Clients), await Read(FeedbackChoicesSql.Cohorts))
        {
            definitions = definitions,
            CohortLinks = links,
        };
    }

    public string? ProgramCode(int? programId) => Programs.FirstOrDefault(p => p.Id == programId)?.Name;

    /// <summary>The program with this code (as rules and items name it) as people know it; an unknown code as it is.</summary>
    public string ProgramNameOfCode(string code, System.Globalization.CultureInfo culture) =>
        Programs.FirstOrDefault(p => string.Equals(p.Name, code, StringComparison.OrdinalIgnoreCase)) is { } program ? ProgramName(program, culture) : code;

    /// <summary>A program as people know it: its name in the reader's language (its code only if it has no version yet).</summary>
    public string ProgramName(NamedId program, System.Globalization.CultureInfo culture) =>
        definitions.TryGetValue(program.Id, out var definition) ? definition.NameIn(culture) : program.Name;
}
