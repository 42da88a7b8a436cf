using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// Draws N people at random from those a funnel selection lost at one stage, to interview: withdrawn people and people in
/// an open interview are left out; the draw, its seed and its pool are recorded so the same draw can be made again.
/// </summary>
public sealed class DrawModel(Db db, FunnelExplorer explorer, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<InterviewsText> text) : PageModel
{
    private const string SubmissionKind = "InterviewDraw";

    [BindProperty(SupportsGet = true, Name = "a")] public FunnelSelection A { get; set; } = new();
    [BindProperty(SupportsGet = true)] public FunnelStage Stage { get; set; }
    [BindProperty] public int Count { get; set; } = 5;
    [BindProperty] public Guid SubmissionToken { get; set; }

    /// <summary>Everyone lost at the stage, and of them those who may be drawn.</summary>
    public int Lost { get; private set; }
    public int Eligible { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        SubmissionToken = Guid.NewGuid();
        await LoadPoolAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pool = await LoadPoolAsync(ct);
        if (Count is < 1 or > CandidateDraw.MaxCandidates) ModelState.AddModelError(nameof(Count), text["Draw.CountRange", CandidateDraw.MaxCandidates]);
        if (SubmissionToken == Guid.Empty) ModelState.AddModelError(string.Empty, text["Draw.FormExpired"]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var drawId = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, SubmissionKind) is { } existing) return existing;
            // Read inside the transaction: two draws at once cannot both take the same person.
            var open = (await c.QueryAsync<long>(new CommandDefinition(InterviewsSql.OpenParticipants, transaction: t, cancellationToken: ct))).ToHashSet();
            var picked = CandidateDraw.Pick(pool, open, Count, seed);
            var id = await c.ExecuteScalarAsync<int>(new CommandDefinition(InterviewsSql.InsertDraw(db.Dialect), new
            {
                Selection = SelectionQuery, Stage = Stage.ToString(), Seed = seed, Requested = Count, PoolSize = pool.Count, Now = now, Actor = user.UserName,
            }, t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(InterviewsSql.Insert,
                picked.Select(p => new { DrawId = id, ParticipantId = p, Now = now, Actor = user.UserName }), t, cancellationToken: ct));
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, SubmissionKind, id, now);
            await audit.RecordAsync(c, t, new AuditEntry("InterviewDraw", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "InterviewCandidatesDrawn",
                $"{picked.Count} of {pool.Count} lost at {Stage} (seed {seed}): {string.Join(", ", picked.Select(ParticipantPrivacy.Pseudonym))}; {SelectionQuery}"));
            return id;
        }, ct);

        TempData["Flash"] = text["Draw.Done"].Value;
        return Redirect($"/interviews?drawId={drawId}");
    }

    /// <summary>The people who may be drawn: lost at the stage, not withdrawn (they took back their consent to be contacted).</summary>
    private async Task<List<long>> LoadPoolAsync(CancellationToken ct)
    {
        var lost = await explorer.LostAtAsync(A, Stage, ct);
        Lost = lost.Count;
        var pool = lost.Where(l => l.State != ParticipantState.Withdrawn).Select(l => l.Id).ToList();
        await using var connection = await db.OpenAsync(ct);
        var open = (await connection.QueryAsync<long>(new CommandDefinition(InterviewsSql.OpenParticipants, cancellationToken: ct))).ToHashSet();
        Eligible = pool.Count(id => !open.Contains(id));
        return pool;
    }

    /// <summary>The selection as its query string, stored with the draw and used by the links back.</summary>
    public string SelectionQuery => QueryHelpers.AddQueryString("", A.ToRouteValues("a").Where(v => v.Value is not null)!).TrimStart('?');

    public string PeopleUrl => $"/funnel/people?{SelectionQuery}{(SelectionQuery.Length > 0 ? "&" : "")}stage={Stage}";
}
