namespace ProgramOps.Web.Features.Programs;

/// <summary>"Launch a program", step 1: start from a template or an existing program, name it, get a draft.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class LaunchModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ProgramsText> text) : PageModel
{
    public sealed record Command
    {
        /// <summary>A template's code, or the id of a program version to copy.</summary>
        public string StartFrom { get; init; } = ProgramTemplates.SmokingCessation.Code;
        public string Code { get; init; } = "";
        public string NameJa { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<ProgramsText> text)
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => text["Validation.CodeRequired"])
                .Matches("^[a-z0-9][a-z0-9-]{1,39}$").WithMessage(_ => text["Validation.CodeFormat"]);
            RuleFor(c => c.NameJa).NotEmpty().WithMessage(_ => text["Validation.Required", text["Field.NameJa"]])
                .MaximumLength(200).WithMessage(_ => text["Validation.TooLong", text["Field.NameJa"], 200]);
            RuleFor(c => c.NameEn).NotEmpty().WithMessage(_ => text["Validation.Required", text["Field.NameEn"]])
                .MaximumLength(200).WithMessage(_ => text["Validation.TooLong", text["Field.NameEn"], 200]);
        }
    }

    public sealed record Source(string Key, string Label, ProgramDefinition Definition);

    [BindProperty] public Command Input { get; set; } = new();

    /// <summary>Made when the form is shown; a second post of the same form finds the first one's program.</summary>
    [BindProperty] public Guid SubmissionToken { get; set; }

    public IReadOnlyList<Source> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        Sources = await LoadSourcesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = Input with { Code = Input.Code.Trim().ToLowerInvariant(), NameJa = ProgramDefinitionForm.AsTyped(Input.NameJa), NameEn = ProgramDefinitionForm.AsTyped(Input.NameEn) };
        Sources = await LoadSourcesAsync(ct);
        ModelState.AddFailures(await new Validator(text).ValidateAsync(Input, ct), nameof(Input));
        var source = Sources.FirstOrDefault(s => s.Key == Input.StartFrom);
        if (source is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.StartFrom)}", text["Launch.ChooseSource"]);
        if (!ModelState.IsValid) return Page();

        var definition = source!.Definition with { Code = Input.Code, NameJa = Input.NameJa, NameEn = Input.NameEn };
        if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
        var created = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "Program") is { } programId) return (Id: programId, Taken: false);
            if (await c.ExecuteScalarAsync<int>(ProgramsSql.CodeTaken, new { Input.Code }, t) > 0) return (Id: 0, Taken: true);

            var now = time.GetUtcNow();
            var (id, _) = await ProgramWrites.LaunchAsync(c, t, db.Dialect, Input.Code!, definition, now, user.UserName);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "Program", id, now);
            await audit.RecordAsync(c, t, new AuditEntry("Program", id.ToString(), "Launched", $"{Input.Code} ← {source.Key}"));
            return (Id: id, Taken: false);
        }, ct);

        if (created.Taken)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.Code)}", text["Validation.CodeTaken", Input.Code]);
            return Page();
        }

        return RedirectToPage("/Programs/Details", new { id = created.Id });
    }

    private async Task<IReadOnlyList<Source>> LoadSourcesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var existing = await connection.QueryAsync<IndexModel.Row>(new CommandDefinition(ProgramsSql.List, cancellationToken: ct));
        return ProgramTemplates.All
            .Select(t => new Source(t.Code, text["Launch.Template", t.NameJa, t.NameEn], t))
            .Concat(existing.Select(p => new Source($"version-{p.VersionId}", text["Launch.Copy", p.Code, p.VersionNumber], p.Parsed)))
            .ToList();
    }
}
