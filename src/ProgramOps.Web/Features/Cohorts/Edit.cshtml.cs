using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>
/// Edits a cohort after planning: name and CS owner at any time; the enrolment window and start day until the cohort
/// starts; seats per contract within what participants hold and what the contract has left. Audited, optimistic concurrency.
/// </summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class EditModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, LocalClock clock, IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed record Command : ICohortDates
    {
        public string Name { get; init; } = "";
        public int? CsOwnerId { get; init; }
        public DateOnly? EnrolmentOpens { get; init; }
        public DateOnly? EnrolmentCloses { get; init; }
        public DateOnly? StartDate { get; init; }

        /// <summary>Seats from each of the cohort's contracts, by contract id.</summary>
        public Dictionary<int, int?> Capacities { get; init; } = [];
    }

    public sealed class Validator : FormValidator<Command>
    {
        public Validator(IStringLocalizer<CohortsText> text) : base(text)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => text["Validation.NameRequired"]).MaximumLength(200);
            Include(new CohortDatesValidator(text));
        }
    }

    /// <summary>The cohort as stored; its public fields are what the audit log compares.</summary>
    public sealed record Stored
    {
        public required string Name { get; init; }
        public int? CsOwnerId { get; init; }
        public DateOnly EnrolmentOpens { get; init; }
        public DateOnly EnrolmentCloses { get; init; }
        public DateOnly StartDate { get; init; }
    }

    public sealed record ContractRow
    {
        public int ContractId { get; init; }
        public int Capacity { get; init; }
        public required string ClientName { get; init; }
        public required string ProgramName { get; init; }
    }

    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public DetailsModel.Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<ContractRow> Contracts { get; private set; } = [];
    public IReadOnlyDictionary<int, int> Held { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    /// <summary>Once the start day has come (or the cohort has moved past enrolling), the dates stay as they are.</summary>
    public bool DatesFixed => Cohort.Status > CohortStatus.Enrolling || clock.Today >= Cohort.StartDate;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Cohort.Version;
        Input = new Command
        {
            Name = Cohort.Name, CsOwnerId = Cohort.CsOwnerId, EnrolmentOpens = Cohort.EnrolmentOpens, EnrolmentCloses = Cohort.EnrolmentCloses,
            StartDate = Cohort.StartDate, Capacities = Contracts.ToDictionary(c => c.ContractId, c => (int?)c.Capacity),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Input with { Name = JapaneseText.Normalize(Input.Name) };
        ModelState.AddFailures(await new Validator(text).ValidateAsync(Input, ct), nameof(Input));
        if (Input.CsOwnerId is { } owner && Owners.All(o => o.Id != owner))
            ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.CsOwnerId)}", text["Field.CsOwner"], text["Validation.Owner"]);
        CheckDates();
        if (!ModelState.IsValid) return Page();

        var after = new Stored
        {
            Name = Input.Name, CsOwnerId = Input.CsOwnerId,
            EnrolmentOpens = Input.EnrolmentOpens!.Value, EnrolmentCloses = Input.EnrolmentCloses!.Value, StartDate = Input.StartDate!.Value,
        };
        var requests = Contracts.Select(c => new SeatRequest(c.ContractId, Input.Capacities.GetValueOrDefault(c.ContractId) ?? 0)).ToList();
        var (saved, issues) = await db.InTransactionAsync(async (c, t) =>
        {
            // Seats are checked inside the write transaction, with the cohort's row held: no import takes seats meanwhile.
            await CohortRowLock.TakeAsync(c, t, id, ct);
            var held = (await c.QueryAsync<(int ContractId, int Held)>(new CommandDefinition(CohortsSql.SeatsHeld, new { Id = id }, t, cancellationToken: ct)))
                .ToDictionary(h => h.ContractId, h => h.Held);
            var contracts = (await c.QueryAsync<CreateModel.ContractOption>(new CommandDefinition(CohortsSql.AvailableContracts, new { CohortId = id }, t, cancellationToken: ct)))
                .ToDictionary(o => o.ContractId, o => o.AsSeats);
            var problems = SeatAllocation.CheckResize(requests, Contracts.ToDictionary(x => x.ContractId, x => x.Capacity), held, contracts);
            if (problems.Count > 0) return (false, problems);

            if (await c.ExecuteAsync(new CommandDefinition(CohortsSql.Update, new
                {
                    Id = id, Version, after.Name, after.CsOwnerId, after.EnrolmentOpens, after.EnrolmentCloses, after.StartDate, Now = time.GetUtcNow(), Actor = user.UserName,
                }, t, cancellationToken: ct)) == 0)
                return (false, (IReadOnlyList<SeatIssue>)[]);

            var changes = new Dictionary<string, FieldChange>(ChangeSet.Between(AsStored(Cohort), after));
            foreach (var (request, before) in requests.Zip(Contracts).Where(p => p.First.Capacity != p.Second.Capacity))
            {
                await c.ExecuteAsync(new CommandDefinition(CohortsSql.UpdateCapacity, new { CohortId = id, request.ContractId, request.Capacity }, t, cancellationToken: ct));
                changes[$"Seats #{request.ContractId}"] = new FieldChange(before.Capacity.ToString(), request.Capacity.ToString());
            }

            await audit.RecordAsync(c, t, new AuditEntry("Cohort", id.ToString(), "Updated", after.Name, changes));
            return (true, (IReadOnlyList<SeatIssue>)[]);
        }, ct);

        if (issues.Count > 0)
        {
            foreach (var issue in issues)
                ModelState.AddFieldError(
                    $"{nameof(Input)}.{nameof(Command.Capacities)}[{issue.ContractId}]", text["Field.Capacity"], text[$"Seats.{issue.Problem}", issue.Remaining, issue.Held]);
            return Page();
        }

        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, CohortsSql.LastChange, id, ct);
            return Page();
        }

        TempData["Flash"] = text["Edit.Done", after.Name].Value;
        return RedirectToPage("/Cohorts/Details", new { id });
    }

    private void CheckDates()
    {
        var changed = Input.EnrolmentOpens != Cohort.EnrolmentOpens || Input.EnrolmentCloses != Cohort.EnrolmentCloses || Input.StartDate != Cohort.StartDate;
        if (!changed) return;
        if (DatesFixed) ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.StartDate)}", text["Field.StartDate"], text["Validation.DatesFixed"]);
        else if (Input.StartDate < clock.Today) ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.StartDate)}", text["Field.StartDate"], text["Validation.StartNotPast"]);
    }

    private static Stored AsStored(DetailsModel.Cohort row) => new()
    {
        Name = row.Name, CsOwnerId = row.CsOwnerId, EnrolmentOpens = row.EnrolmentOpens, EnrolmentCloses = row.EnrolmentCloses, StartDate = row.StartDate,
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<DetailsModel.Cohort>(new CommandDefinition(CohortsSql.Find, new { Id = id }, cancellationToken: ct));
        if (cohort is null) return false;
        Cohort = cohort;
        Contracts = [.. await connection.QueryAsync<ContractRow>(new CommandDefinition(CohortsSql.ContractsOfCohort, new { Id = id }, cancellationToken: ct))];
        Held = (await connection.QueryAsync<(int ContractId, int Held)>(new CommandDefinition(CohortsSql.SeatsHeld, new { Id = id }, cancellationToken: ct)))
            .ToDictionary(h => h.ContractId, h => h.Held);
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, [Roles.Admin, Roles.ProgramCS], ct);
        return true;
    }
}
