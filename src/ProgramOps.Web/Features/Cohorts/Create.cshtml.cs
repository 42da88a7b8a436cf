using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>Plans a cohort: program version, enrolment window, start day, and seats from one or more contracts.</summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class CreateModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed record Command : ICohortDates
    {
        public string Name { get; init; } = "";
        public int ProgramVersionId { get; init; }
        public DateOnly? EnrolmentOpens { get; init; }
        public DateOnly? EnrolmentCloses { get; init; }
        public DateOnly? StartDate { get; init; }
        public int? CsOwnerId { get; init; }

        /// <summary>Seats taken from each contract, by contract id; blank = the contract does not take part.</summary>
        public Dictionary<int, int?> Capacities { get; init; } = [];

        public IReadOnlyList<SeatRequest> SeatRequests =>
            Capacities.Where(c => c.Value is not null).Select(c => new SeatRequest(c.Key, c.Value!.Value)).ToList();
    }

    public sealed class Validator : FormValidator<Command>
    {
        public Validator(IStringLocalizer<CohortsText> text) : base(text)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => text["Validation.NameRequired"]).MaximumLength(200);
            Include(new CohortDatesValidator(text));
        }
    }

    public sealed record ContractOption
    {
        public int ContractId { get; init; }
        /// <summary>The program the contract is for; null while a person has still to choose it (no cohort may draw on it).</summary>
        public int? ProgramId { get; init; }
        public int Seats { get; init; }
        public int AllocatedElsewhere { get; init; }
        public required string ClientName { get; init; }
        public required string ProgramName { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }

        public ContractSeats AsSeats => new(ContractId, Seats, AllocatedElsewhere);
    }

    public sealed record VersionOption(int Id, int ProgramId, string Code, int VersionNumber, string Definition);

    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty] public Guid SubmissionToken { get; set; }

    public IReadOnlyList<VersionOption> Versions { get; private set; } = [];
    public IReadOnlyList<ContractOption> Contracts { get; private set; } = [];
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = Input with { Name = JapaneseText.Normalize(Input.Name) };
        await LoadChoicesAsync(ct);
        ModelState.AddFailures(await new Validator(text).ValidateAsync(Input, ct), nameof(Input));
        if (Versions.All(v => v.Id != Input.ProgramVersionId))
            ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.ProgramVersionId)}", text["Field.Program"], text["Validation.ProgramVersion"]);
        if (Input.CsOwnerId is { } owner && Owners.All(o => o.Id != owner))
            ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.CsOwnerId)}", text["Field.CsOwner"], text["Validation.Owner"]);
        if (!ModelState.IsValid) return Page();

        if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
        var (id, issues) = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "Cohort") is { } existing) return (existing, (IReadOnlyList<SeatIssue>)[]);

            // Seats are checked again inside the write transaction: another cohort may have taken some meanwhile.
            var options = (await c.QueryAsync<ContractOption>(CohortsSql.AvailableContracts, new { CohortId = 0 }, t)).ToList();
            var programId = Versions.Single(v => v.Id == Input.ProgramVersionId).ProgramId;
            // A cohort draws seats only from contracts for its own program.
            var otherProgram = Input.SeatRequests.Where(r => options.Any(o => o.ContractId == r.ContractId && o.ProgramId != programId))
                .Select(r => new SeatIssue(r.ContractId, SeatProblem.OtherProgram)).ToList();
            if (otherProgram.Count > 0) return (0, (IReadOnlyList<SeatIssue>)otherProgram);
            var contracts = options.Where(o => o.ProgramId == programId).ToDictionary(o => o.ContractId, o => o.AsSeats);
            var problems = SeatAllocation.Check(Input.SeatRequests, contracts);
            if (problems.Count > 0) return (0, problems);

            var now = time.GetUtcNow();
            var cohortId = await CohortPlanning.PlanAsync(c, t, db.Dialect, new NewCohort(
                Input.Name, Input.ProgramVersionId, Input.EnrolmentOpens!.Value, Input.EnrolmentCloses!.Value, Input.StartDate!.Value, Input.CsOwnerId,
                [.. Input.SeatRequests.Select(r => (r.ContractId, r.Capacity))]), now, user.UserName);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "Cohort", cohortId, now);
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(), "Created",
                $"{Input.Name}: {string.Join(", ", Input.SeatRequests.Select(r => $"#{r.ContractId}×{r.Capacity}"))}"));
            return (cohortId, (IReadOnlyList<SeatIssue>)[]);
        }, ct);

        if (issues.Count > 0)
        {
            foreach (var issue in issues)
            {
                var field = issue.ContractId == 0 ? nameof(Command.Capacities) : $"{nameof(Command.Capacities)}[{issue.ContractId}]";
                ModelState.AddFieldError($"{nameof(Input)}.{field}", text["Field.Capacity"], text[$"Seats.{issue.Problem}", issue.Remaining, issue.Held]);
            }

            return Page();
        }

        TempData["Flash"] = text["Create.Done", Input.Name].Value;
        return RedirectToPage("/Cohorts/Details", new { id });
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Versions = (await connection.QueryAsync<(int Id, int ProgramId, string Code, int VersionNumber, string Definition)>(
                new CommandDefinition(CohortsSql.PublishedVersions, cancellationToken: ct)))
            .Select(v => new VersionOption(v.Id, v.ProgramId, v.Code, v.VersionNumber, v.Definition)).ToList();
        Contracts = (await connection.QueryAsync<ContractOption>(new CommandDefinition(CohortsSql.AvailableContracts, new { CohortId = 0 }, cancellationToken: ct))).ToList();
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, [Roles.Admin, Roles.ProgramCS], ct);
    }

    public static string ProgramName(VersionOption version) =>
        ProgramDefinitionJson.Deserialize(version.Definition).NameIn(System.Globalization.CultureInfo.CurrentUICulture);
}
