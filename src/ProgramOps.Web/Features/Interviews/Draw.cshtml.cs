using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// Draws N people at random from those a funnel selection lost at one stage, to interview: withdrawn people and people in
/// an open interview are left out; the draw, its seed and its pool are recorded so the same draw can be made again.
/// </summary>
public sealed class DrawModel(InterviewWrites interviews, IStringLocalizer<InterviewsText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "a")] public FunnelSelection A { get; set; } = new();
    [BindProperty(SupportsGet = true)] public FunnelStage Stage { get; set; }
    [BindProperty] public int Count { get; set; } = 5;
    [BindProperty] public Guid SubmissionToken { get; set; }

    public InterviewPool Pool { get; private set; } = new(0, [], 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        SubmissionToken = Guid.NewGuid();
        Pool = await interviews.PoolAsync(A, Stage, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Count is < 1 or > CandidateDraw.MaxCandidates) ModelState.AddModelError(nameof(Count), text["Draw.CountRange", CandidateDraw.MaxCandidates]);
        if (SubmissionToken == Guid.Empty) ModelState.AddModelError(string.Empty, text["Draw.FormExpired"]);
        if (!ModelState.IsValid)
        {
            Pool = await interviews.PoolAsync(A, Stage, ct);
            return Page();
        }

        var drawId = await interviews.DrawAsync(A, Stage, Count, SubmissionToken, ct);
        TempData["Flash"] = text["Draw.Done"].Value;
        return Redirect($"/interviews?drawId={drawId}");
    }

    public string PeopleUrl
    {
        get
        {
            var query = InterviewWrites.SelectionQuery(A);
            return $"/funnel/people?{query}{(query.Length > 0 ? "&" : "")}stage={Stage}";
        }
    }
}
