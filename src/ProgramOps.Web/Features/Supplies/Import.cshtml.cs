using System.Data;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>
/// The fulfilment partner's status file, uploaded: every row is checked first and every problem shown with its line
/// and column; only a file without problems is applied, all of it in one transaction.
/// </summary>
[Authorize(Policy = Policies.RunCohorts)]
// Bodies up to eight times the file limit are read (to disk beyond 64 KB), so an oversized file gets this page with its
// message; anything larger is cut off by the server and gets the error page's "too large".
[RequestSizeLimit(MaxFileBytes * 8)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes * 8)]
public sealed class ImportModel(Db db, AuditTrail audit, ICurrentUser user, LocalClock clock,
    IStringLocalizer<SuppliesText> text) : PageModel
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<PartnerProblem> Problems { get; private set; } = [];
    public PartnerFileResult? Applied { get; private set; }
    public bool ChangedMeanwhile { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), text["Import.ChooseFile"]);
        else if (Upload.Length > MaxFileBytes) ModelState.AddModelError(nameof(Upload), text["Import.TooLarge", MaxFileBytes / 1024 / 1024]);
        if (!ModelState.IsValid) return Page();

        await using var stream = Upload!.OpenReadStream();
        var (rows, fileProblems) = await PartnerFile.ReadAsync(stream, ct);
        if (fileProblems.Count > 0)
        {
            Problems = fileProblems;
            return Page();
        }

        try
        {
            var result = await db.InTransactionAsync((c, t) =>
                ShipmentWrites.ApplyPartnerFileAsync(c, t, audit, rows, Upload.FileName, user.UserName, clock.UtcNow, clock.Today), ct);
            if (result.Problems.Count > 0) Problems = result.Problems;
            else Applied = result;
        }
        catch (DBConcurrencyException)
        {
            ChangedMeanwhile = true;
        }

        return Page();
    }

    /// <summary>A problem in the reader's language.</summary>
    public string Describe(PartnerProblem problem) => problem.Code switch
    {
        PartnerProblemCode.Refused => text["Problem.Refused", text[$"Status.{problem.Arguments[0]}"], text[$"Status.{problem.Arguments[1]}"]],
        PartnerProblemCode.TooLong => text["Problem.TooLong", problem.Arguments[0]],
        PartnerProblemCode.NotText => text["Problem.NotText", problem.Value],
        _ => text[$"Problem.{problem.Code}"],
    };
}
