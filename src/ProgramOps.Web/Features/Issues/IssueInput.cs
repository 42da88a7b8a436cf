using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Issues;

/// <summary>What the create and edit forms take: the stage and the statement (the program is chosen once, at creation).</summary>
public sealed record IssueInput
{
    public const int MaxStatement = 2000;

    public int ProgramId { get; init; }
    public FunnelStage Stage { get; init; } = FunnelStage.Weeks2To4;
    public string Statement { get; init; } = "";

    public IssueInput Normalized() => this with { Statement = (Statement ?? "").Trim() };
}

public sealed class IssueInputValidator : AbstractValidator<IssueInput>
{
    public IssueInputValidator(IStringLocalizer<IssuesText> text, IReadOnlyCollection<int> programs)
    {
        RuleFor(i => i.ProgramId).Must(programs.Contains).WithMessage(_ => text["Validation.Program"]);
        RuleFor(i => i.Stage).IsInEnum().WithMessage(_ => text["Validation.Stage"]);
        RuleFor(i => i.Statement).NotEmpty().WithMessage(_ => text["Validation.StatementRequired"])
            .MaximumLength(IssueInput.MaxStatement).WithMessage(_ => text["Validation.StatementTooLong", IssueInput.MaxStatement]);
    }
}
