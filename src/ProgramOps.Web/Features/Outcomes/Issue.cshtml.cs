namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Issues the report (the form is on the report page); a refusal goes back there with its reason.</summary>
[Authorize(Policy = Policies.PreviewReports)]
public sealed class IssueModel(ReportIssuing issuing, IStringLocalizer<OutcomesText> text) : PageModel
{
    [BindProperty] public ReportKind Kind { get; set; } = ReportKind.Final;
    [BindProperty] public string Language { get; set; } = "ja";
    [BindProperty] public List<int> Recipients { get; set; } = [];

    public IActionResult OnGet(int cohortId, int clientId) => RedirectToPage("/Outcomes/Index", new { cohortId, clientId });

    public async Task<IActionResult> OnPostAsync(int cohortId, int clientId, CancellationToken ct)
    {
        var outcome = await issuing.IssueAsync(cohortId, clientId, Kind, Language, Recipients, ct);
        if (outcome is null) return NotFound();
        if (outcome.VersionNumber is { } number) TempData["Flash"] = text["Issue.Done", number].Value;
        else TempData["Refusal"] = text[outcome.Refusal!, outcome.Values ?? []].Value;
        return RedirectToPage("/Outcomes/Index", new { cohortId, clientId });
    }
}
