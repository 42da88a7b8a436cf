using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Clients;

/// <summary>The fields staff edit on a client; shared by the create and edit pages.</summary>
public sealed record ClientInput
{
    public string Name { get; init; } = "";
    public string? NameKana { get; init; }
    public ClientKind Kind { get; init; } = ClientKind.Employer;
    public ClientSegment Segment { get; init; } = ClientSegment.Enterprise;
    public int EligiblePopulation { get; init; }
    public CsType CsType { get; init; } = CsType.Onboarding;
    /// <summary>Empty by default: a form that posts no ticked style means none, which the validator refuses.</summary>
    public CsStyle[] CsStyles { get; init; } = [];
    /// <summary>The model staff chose by hand; null (the default) follows the CS type.</summary>
    public TouchModel? TouchModel { get; init; }
    public int? CsOwnerId { get; init; }
    public int? BizDevOwnerId { get; init; }
    public int? ParentClientId { get; init; }
    public string? Notes { get; init; }

    /// <summary>Trims and folds full-width characters; readings typed in hiragana are stored in katakana.</summary>
    public ClientInput Normalized() => this with
    {
        Name = JapaneseText.Normalize(Name),
        NameKana = EmptyAsNull(JapaneseText.ToKatakana(JapaneseText.Normalize(NameKana))),
        Notes = EmptyAsNull(Notes?.Trim()),
    };

    /// <summary>Enums are stored by name, which keeps the tables readable.</summary>
    public object ToParameters(DateTimeOffset now, string actor, int id = 0, int version = 0) => new
    {
        Id = id,
        Version = version,
        Name,
        NameKana,
        Kind = Kind.ToString(),
        Segment = Segment.ToString(),
        EligiblePopulation,
        CsType = CsType.ToString(),
        CsStyles = CsStyleSet.ToMask(CsStyles),
        TouchModel = TouchModels.Effective(CsType, TouchModel).ToString(),
        TouchModelSetByHand = TouchModel is not null,
        CsOwnerId,
        BizDevOwnerId,
        ParentClientId,
        Notes,
        Now = now,
        Actor = actor,
    };

    private static string? EmptyAsNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

public sealed class ClientInputValidator : FormValidator<ClientInput>
{
    public const int MaxPopulation = 10_000_000;

    public ClientInputValidator(IStringLocalizer<ClientsText> text) : base(text)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(_ => text["Validation.NameRequired"])
            .MaximumLength(200).WithMessage(_ => text["Validation.TooLong", 200]);
        RuleFor(c => c.NameKana!).MaximumLength(200).WithMessage(_ => text["Validation.TooLong", 200])
            .Must(JapaneseText.IsKatakanaReading).WithMessage(_ => text["Validation.KanaOnly"])
            .When(c => !string.IsNullOrEmpty(c.NameKana));
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(c => c.Segment).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(c => c.CsType).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(c => c.CsStyles).NotEmpty().WithMessage(_ => text["Validation.ChooseAtLeastOne"]);
        RuleForEach(c => c.CsStyles).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(c => c.TouchModel).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(c => c.EligiblePopulation).InclusiveBetween(0, MaxPopulation)
            .WithMessage(_ => text["Validation.PopulationRange", MaxPopulation.ToString("N0")]);
        RuleFor(c => c.Notes!).MaximumLength(4000).WithMessage(_ => text["Validation.TooLong", 4000])
            .When(c => c.Notes is not null);
    }
}
