using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Two versions of one program side by side: enrolled, completed and the ITT rate of each, and the difference of the rates.</summary>
[Authorize(Policy = Policies.PreviewReports)]
public sealed class VersionsModel(ProgramQueries programs, VersionOutcomes outcomes, IStringLocalizer<OutcomesText> text) : PageModel
{
    public ProgramRow Program { get; private set; } = null!;
    public string ProgramName { get; private set; } = "";
    /// <summary>The versions cohorts can have run on: published or retired, newest first.</summary>
    public IReadOnlyList<ProgramVersionRow> Versions { get; private set; } = [];
    public ProgramVersionRow? First { get; private set; }
    public ProgramVersionRow? Second { get; private set; }
    public VersionOutcome? FirstOutcome { get; private set; }
    public VersionOutcome? SecondOutcome { get; private set; }
    public RateDifference? Difference { get; private set; }

    /// <param name="first">Version A's number (default: the newest).</param>
    /// <param name="second">Version B's number (default: the one before A).</param>
    public async Task<IActionResult> OnGetAsync(int programId, int? first, int? second, CancellationToken ct)
    {
        if (await programs.FindProgramAsync(programId, ct) is not { } program) return NotFound();
        Program = program;
        var all = await programs.VersionsAsync(programId, ct);
        if (all.Count == 0) return NotFound();
        ProgramName = all[0].Parsed.NameIn(System.Globalization.CultureInfo.CurrentUICulture);
        Versions = [.. all.Where(v => v.Status != ProgramVersionStatus.Draft)];
        First = Versions.FirstOrDefault(v => v.VersionNumber == first) ?? Versions.FirstOrDefault();
        Second = Versions.FirstOrDefault(v => v.VersionNumber == second) ?? Versions.FirstOrDefault(v => v.VersionNumber < (First?.VersionNumber ?? 0));
        if (First is null || Second is null) return Page();
        if (First.Id == Second.Id)
        {
            ModelState.AddModelError("second", text["Versions.SameVersion"]);
            return Page();
        }

        FirstOutcome = await outcomes.ReadAsync(First.Id, First.Parsed, ct);
        SecondOutcome = await outcomes.ReadAsync(Second.Id, Second.Parsed, ct);
        Difference = VersionOutcome.Difference(FirstOutcome, SecondOutcome);
        return Page();
    }
}
