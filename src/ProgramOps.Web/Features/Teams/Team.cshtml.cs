using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Teams;

/// <summary>One team: its members and their states; staff can move a member to another team, with a reason.</summary>
public sealed class TeamModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<TeamsText> text) : PageModel
{
    public sealed record TeamRow
    {
        public int Id { get; init; }
        public int Number { get; init; }
        public int CohortId { get; init; }
        public DateTimeOffset FormedAt { get; init; }
    }

    public sealed record Member
    {
        public long Id { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public string? Department { get; init; }
        public ParticipantState State { get; init; }
        public int Version { get; init; }
    }

    public sealed record CohortRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public required string Definition { get; init; }
    }

    public sealed record Command
    {
        public long ParticipantId { get; init; }
        public int Version { get; init; }
        public int? ToTeam { get; init; }
        public string? Reason { get; init; }
    }

    public sealed class Validator : FormValidator<Command>
    {
        public const int ReasonLength = 500;

        public Validator(IStringLocalizer<TeamsText> text) : base(text, "Move.")
        {
            RuleFor(c => c.ToTeam).NotNull().WithMessage(_ => text["Move.ChooseTeam"]).WithName(text["Move.To"]);
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Move.ReasonRequired"])
                .MaximumLength(ReasonLength).WithMessage(_ => text["Move.ReasonRequired"]);
        }
    }

    public CohortRow Cohort { get; private set; } = null!;
    public TeamRow Team { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<NamedId> OtherTeams { get; private set; } = [];
    public TeamSizeRule Rule => ProgramDefinitionJson.Deserialize(Cohort.Definition).TeamSize;
    public ConcurrencyConflict? Conflict { get; private set; }

    [BindProperty] public Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int cohortId, int number, CancellationToken ct) =>
        await LoadAsync(cohortId, number, ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostMoveAsync(int cohortId, int number, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, number, ct)) return NotFound();
        var member = Members.FirstOrDefault(m => m.Id == Input.ParticipantId);
        var target = OtherTeams.FirstOrDefault(t => t.Id == Input.ToTeam);
        if (member is null)
        {
            // Moved away meanwhile (by a colleague, or by this same form sent twice): say who changed them.
            Conflict = await ConcurrencyConflict.FindAsync(db, ParticipantsSql.LastChange, Input.ParticipantId, ct);
            return Conflict is null ? NotFound() : Page();
        }

        ModelState.AddFailures(await new Validator(text).ValidateAsync(Input, ct), nameof(Input));
        // A team number that is not another team of this cohort (a tampered or outdated form).
        if (Input.ToTeam is not null && target is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.ToTeam)}", text["Move.ChooseTeam"]);
        if (!ModelState.IsValid) return Page();

        var moved = await db.InTransactionAsync(async (c, t) =>
        {
            var targetTeam = await c.QuerySingleAsync<TeamRow>(TeamsSql.FindTeam, new { CohortId = cohortId, Number = target!.Id }, t);
            var size = await c.ExecuteScalarAsync<int>(TeamsSql.MemberCount, new { TeamId = targetTeam.Id }, t);
            // No way round the maximum: a team over it is no longer a peer team (5人1組).
            if (size >= Rule.Max)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.ToTeam)}", text["Move.Full", target.Name, Rule.Max]);
                return (bool?)null;
            }

            if (!await TeamAssignment.MoveAsync(c, t, member.Id, cohortId, Input.Version, targetTeam.Id, time.GetUtcNow(), user.UserName, ct)) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Participant", member.Id.ToString(), "TeamMoved", Input.Reason!.Trim(),
                new Dictionary<string, FieldChange> { ["Team"] = new(Team.Number.ToString(), targetTeam.Number.ToString()) }));
            return true;
        }, ct);

        switch (moved)
        {
            case null:
                return Page();
            case false:
                Conflict = await ConcurrencyConflict.FindAsync(db, ParticipantsSql.LastChange, member.Id, ct);
                return Page();
            default:
                TempData["Flash"] = text["Move.Done", target!.Name].Value;
                return RedirectToPage(new { cohortId, number });
        }
    }

    private async Task<bool> LoadAsync(int cohortId, int number, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var team = await connection.QuerySingleOrDefaultAsync<TeamRow>(new CommandDefinition(TeamsSql.FindTeam, new { CohortId = cohortId, Number = number }, cancellationToken: ct));
        if (team is null) return false;
        Team = team;
        Cohort = await connection.QuerySingleAsync<CohortRow>(new CommandDefinition(TeamsSql.Cohort, new { CohortId = cohortId }, cancellationToken: ct));
        Members = [.. await connection.QueryAsync<Member>(new CommandDefinition(TeamsSql.Members, new { TeamId = team.Id }, cancellationToken: ct))];
        OtherTeams = (await connection.QueryAsync<(int Id, int Number)>(new CommandDefinition(TeamsSql.TeamNumbers, new { CohortId = cohortId }, cancellationToken: ct)))
            .Where(t => t.Number != number)
            .Select(t => new NamedId { Id = t.Number, Name = text["Team.Name", t.Number] })
            .ToList();
        return true;
    }
}
