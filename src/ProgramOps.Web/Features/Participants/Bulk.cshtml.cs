using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// One step for everyone a filtered list shows: a dry run first says how many would move and which would be refused
/// and why; applying then fires each participant's transition on its own (current state, version, guards), in batches.
/// </summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class BulkModel(
    Db db, ParticipantTransitions transitions, ICurrentUser user, TimeProvider time, ParticipantPrivacy privacy, IStringLocalizer<ParticipantsText> text) : PageModel
{
    /// <summary>Larger selections are narrowed first: a step for a whole 100,000-person cohort is the jobs' work.</summary>
    public const int MaxParticipants = 5_000;
    private const int BatchSize = 500;

    public sealed record Command
    {
        public ParticipantTrigger? Trigger { get; init; }
        public ParticipantOutcome? Outcome { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record Selected
    {
        public long Id { get; init; }
        public ParticipantState State { get; init; }
        public int Version { get; init; }
        public DateOnly? LastCheckInOn { get; init; }
        public int? TeamId { get; init; }
    }

    /// <summary>Participants in one state refused for one reason.</summary>
    public sealed record Refusal(ParticipantState State, string Why, int Count);

    public sealed record DryRun(int WouldMove, IReadOnlyList<Refusal> Refused);

    [BindProperty(SupportsGet = true)] public ParticipantFilter Filter { get; set; } = new();
    [BindProperty] public Command Input { get; set; } = new();

    public int CohortId { get; private set; }
    public string CohortName { get; private set; } = "";
    public int Count { get; private set; }
    public DryRun? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        var selected = await SelectAsync(cohortId, ct);
        return selected is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDryRunAsync(int cohortId, CancellationToken ct)
    {
        var selected = await SelectAsync(cohortId, ct);
        if (selected is null) return NotFound();
        if (!Validate()) return Page();

        var (start, program) = selected.Value.Cohort;
        var refused = new List<(ParticipantState State, string Why)>();
        var moved = 0;
        var cause = new TransitionCause(user.UserName, time.GetUtcNow(), Input.Reason);
        foreach (var participant in selected.Value.People)
        {
            var lifecycle = new ParticipantLifecycle(participant.State, Facts(participant, start, program));
            try
            {
                Fire(lifecycle, cause);
                moved++;
            }
            catch (TransitionRefusedException e)
            {
                refused.Add((e.State, e.UnmetGuards.Count > 0 ? text.Guards(e.UnmetGuards, program) : text["Bulk.NotFromState"].Value));
            }
        }

        Result = new DryRun(moved, [.. refused.GroupBy(r => r).Select(g => new Refusal(g.Key.State, g.Key.Why, g.Count())).OrderByDescending(r => r.Count)]);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int cohortId, CancellationToken ct)
    {
        var selected = await SelectAsync(cohortId, ct);
        if (selected is null) return NotFound();
        if (!Validate()) return Page();

        int moved = 0, notMoved = 0;
        foreach (var batch in selected.Value.People.Chunk(BatchSize))
        {
            var done = await db.InTransactionAsync(async (c, t) =>
            {
                var count = 0;
                foreach (var participant in batch)
                {
                    // Each is fired from its stored state and version: someone changed since the dry run is refused, not overwritten.
                    if (await transitions.FireAsync(c, t, participant.Id, participant.Version, (l, cause) => Fire(l, cause),
                            user.Id, user.UserName, Input.Reason!.Trim(), eventId: null, ct) is Transitioned)
                        count++;
                }

                return count;
            }, ct);
            moved += done;
            notMoved += batch.Length - done;
        }

        TempData["Flash"] = text["Bulk.Applied", moved, notMoved].Value;
        return RedirectToPage("/Participants/Index", Filter.RouteValues(cohortId));
    }

    private ParticipantTransition Fire(ParticipantLifecycle lifecycle, TransitionCause cause) =>
        Input.Trigger == ParticipantTrigger.Complete ? lifecycle.Complete(cause, Input.Outcome!.Value) : lifecycle.Fire(Input.Trigger!.Value, cause);

    private ParticipantFacts Facts(Selected participant, DateOnly start, ProgramDefinition program) =>
        new(program, start, program.DateAt(time.GetUtcNow()), participant.LastCheckInOn, HasTeam: participant.TeamId is not null);

    private bool Validate()
    {
        if (Input.Trigger is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.Trigger)}", text["Details.ChooseStep"]);
        if (Input.Trigger == ParticipantTrigger.Complete && Input.Outcome is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.Outcome)}", text["Details.ChooseOutcome"]);
        if (string.IsNullOrWhiteSpace(Input.Reason) || Input.Reason.Length > 500)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.Reason)}", text["Details.ReasonRequired"]);
        if (Count > MaxParticipants) ModelState.AddModelError("", text["Bulk.TooMany", Count, MaxParticipants]);
        return ModelState.IsValid;
    }

    private async Task<((DateOnly Start, ProgramDefinition Program) Cohort, List<Selected> People)?> SelectAsync(int cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<ListedCohort>(new CommandDefinition(ParticipantsSql.CohortProgram, new { CohortId = cohortId }, cancellationToken: ct));
        if (cohort is null) return null;
        (CohortId, CohortName) = (cohortId, cohort.Name);
        var personal = await privacy.ShowsPersonalDataAsync();
        var parameters = Filter.Parameters(cohortId, cohort.StartDate, 0, MaxParticipants + 1, personal);
        var filters = Filter.InUse(personal);
        var people = (await connection.QueryAsync<Selected>(new CommandDefinition(ParticipantsSql.Selected(db.Dialect, filters), parameters, cancellationToken: ct))).ToList();
        Count = people.Count > MaxParticipants
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition(ParticipantsSql.Count(filters), parameters, cancellationToken: ct))
            : people.Count;
        return ((cohort.StartDate, ProgramDefinitionJson.Deserialize(cohort.Definition)), people);
    }
}
