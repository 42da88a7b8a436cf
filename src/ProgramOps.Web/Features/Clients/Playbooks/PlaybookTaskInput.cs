namespace ProgramOps.Web.Features.Clients.Playbooks;

/// <summary>A playbook task as the form edits it.</summary>
public sealed record PlaybookTaskInput
{
    public const int MaxInstructionLength = 200;
    public const int MaxOffsetDays = 180;

    public PlaybookAnchor Anchor { get; init; }
    public int OffsetDays { get; init; }
    public PlaybookRole OwnerRole { get; init; } = PlaybookRole.Cs;
    public string InstructionJa { get; init; } = "";
    public string InstructionEn { get; init; } = "";

    public static PlaybookTaskInput From(PlaybookTaskRow row) => new()
    {
        Anchor = row.Anchor, OffsetDays = row.OffsetDays, OwnerRole = row.OwnerRole, InstructionJa = row.InstructionJa, InstructionEn = row.InstructionEn,
    };

    /// <summary>Trimmed; an empty field (bound as null) is empty.</summary>
    public PlaybookTaskInput Normalized() => this with { InstructionJa = InstructionJa?.Trim() ?? "", InstructionEn = InstructionEn?.Trim() ?? "" };

    public object ToParameters(int playbookId, DateTimeOffset now, string actor, int? id = null, int? version = null) => new
    {
        Id = id, PlaybookId = playbookId, Anchor = Anchor.ToString(), OffsetDays, OwnerRole = OwnerRole.ToString(), InstructionJa, InstructionEn,
        Version = version, Now = now, Actor = actor,
    };
}

/// <summary>
/// Both instructions are required and short (an action's reason keeps a copy of both); the action stores its reason's
/// parts separated by '|', so an instruction may not hold one.
/// </summary>
public sealed class PlaybookTaskInputValidator : AbstractValidator<PlaybookTaskInput>
{
    public PlaybookTaskInputValidator(IStringLocalizer<PlaybooksText> text)
    {
        RuleFor(i => i.Anchor).IsInEnum().WithMessage(_ => text["Validation.Anchor"]);
        RuleFor(i => i.OwnerRole).IsInEnum().WithMessage(_ => text["Validation.OwnerRole"]);
        RuleFor(i => i.OffsetDays).InclusiveBetween(-PlaybookTaskInput.MaxOffsetDays, PlaybookTaskInput.MaxOffsetDays)
            .WithMessage(_ => text["Validation.OffsetDays", PlaybookTaskInput.MaxOffsetDays]);
        RuleFor(i => i.InstructionJa).NotEmpty().WithMessage(_ => text["Validation.InstructionJaRequired"])
            .MaximumLength(PlaybookTaskInput.MaxInstructionLength).WithMessage(_ => text["Validation.InstructionLength", PlaybookTaskInput.MaxInstructionLength])
            .Must(NotHoldSeparator).WithMessage(_ => text["Validation.InstructionBar"]);
        RuleFor(i => i.InstructionEn).NotEmpty().WithMessage(_ => text["Validation.InstructionEnRequired"])
            .MaximumLength(PlaybookTaskInput.MaxInstructionLength).WithMessage(_ => text["Validation.InstructionLength", PlaybookTaskInput.MaxInstructionLength])
            .Must(NotHoldSeparator).WithMessage(_ => text["Validation.InstructionBar"]);
    }

    private static bool NotHoldSeparator(string instruction) => !instruction.Contains('|', StringComparison.Ordinal);
}
