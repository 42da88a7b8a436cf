using ProgramOps.Web.Features.Participants.Invitations;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>
/// The invitation letters (PDF, one page per person still invited) of the client user's own organisation in a cohort, for
/// HR to hand out: only for users staff allowed to hold the codes; for anyone else, as for another client, "not found".
/// </summary>
public sealed class LettersModel(PortalScope scope, ClientInvitationLetters letters, IStringLocalizer<PortalText> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        if (!await scope.MayHoldCodesAsync(ct)) return NotFound();
        var cohorts = await scope.CohortsAsync(await scope.ClientsAsync(ct), ct);
        if (!cohorts.Any(c => c.CohortId == cohortId && c.ClientId == scope.ClientId)) return NotFound();

        var (pdf, noPrinter) = await letters.PrintAsync(cohortId, scope.ClientId, ct);
        if (pdf is not null) return File(pdf, "application/pdf", $"invitations-{cohortId:D5}-letters.pdf");
        TempData["Flash"] = (noPrinter ? text["Cohort.PdfUnavailable"] : text["Letters.NobodyInvited"]).Value;
        return Redirect($"/portal/cohorts/{cohortId}");
    }
}
