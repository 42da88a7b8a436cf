using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// The people of a selection lost at one funnel stage, to pick whom to interview: names for those who may read personal
/// data only, and every listing recorded in the audit log with the participants it showed.
/// </summary>
[Authorize(Policy = Policies.ReadPersonalData)]
public sealed class PeopleModel(Db db, FunnelExplorer explorer, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public sealed class Person
    {
        public long Id { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public ParticipantState State { get; init; }
        public int CohortId { get; init; }
        public string CohortName { get; init; } = "";
        public string ClientName { get; init; } = "";
    }

    [BindProperty(SupportsGet = true, Name = "a")] public FunnelSelection A { get; set; } = new();
    [BindProperty(SupportsGet = true)] public FunnelStage Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public PageOf<Person> People { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var page = Paging.Normalize(PageNumber);
        var lostHere = (await explorer.LostAtAsync(A, Stage, ct)).Select(l => l.Id).ToList();
        await using var connection = await db.OpenAsync(ct);
        var ids = lostHere.Skip(Paging.Skip(page, PageSize)).Take(PageSize).ToList();
        var people = ids.Count == 0 ? [] : (await connection.QueryAsync<Person>(new CommandDefinition(FunnelSql.People, new { Ids = ids }, cancellationToken: ct))).ToList();
        People = new PageOf<Person>(people, page, PageSize, lostHere.Count);
        if (People.IsPastEnd) return Redirect(PageUrl(People.PageCount));

        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Funnel", Stage.ToString(), "FunnelPeopleListed",
            $"{lostHere.Count} lost at {Stage}; page {page}: {string.Join(", ", ids.Select(ParticipantPrivacy.Pseudonym))}; {Request.QueryString}")), ct);
        return Page();
    }

    public string PageUrl(int page)
    {
        var values = A.ToRouteValues("a");
        values["stage"] = Stage.ToString();
        values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/funnel/people", values.Where(v => v.Value is not null)!);
    }

    /// <summary>The N1 interview draw from the same people.</summary>
    public string DrawUrl
    {
        get
        {
            var values = A.ToRouteValues("a");
            values["stage"] = Stage.ToString();
            return QueryHelpers.AddQueryString("/interviews/draw", values.Where(v => v.Value is not null)!);
        }
    }

    public string ExplorerUrl => QueryHelpers.AddQueryString("/funnel", A.ToRouteValues("a").Where(v => v.Value is not null)!);
}
