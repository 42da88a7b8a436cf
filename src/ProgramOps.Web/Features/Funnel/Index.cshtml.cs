using Microsoft.AspNetCore.WebUtilities;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// The funnel explorer: the conversion of every stage and the weekly check-in curve for a selection of participants, and
/// beside it a second selection with each step's difference and its 95% interval. Counts only, from the reporting read model.
/// </summary>
public sealed class IndexModel(FunnelExplorer explorer, Db db) : PageModel
{
    public sealed class ProgramVersionOption
    {
        public int ProgramId { get; init; }
        public string ProgramCode { get; init; } = "";
        public int VersionNumber { get; init; }
    }

    /// <summary>What the selection forms offer.</summary>
    public sealed record Options(IReadOnlyList<ProgramVersionOption> Programs, IReadOnlyList<NamedId> Cohorts, IReadOnlyList<NamedId> Clients);

    /// <summary>One selection's form: its query prefix ("a", "b"), its values and what it offers.</summary>
    public sealed record SelectionForm(string Prefix, FunnelSelection Value, Options Offered);

    [BindProperty(SupportsGet = true, Name = "a")] public FunnelSelection A { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "b")] public FunnelSelection B { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Compare { get; set; }

    public Options Offered { get; private set; } = new([], [], []);
    public FunnelReading First { get; private set; } = null!;
    public FunnelReading? Second { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        // The two selections are counted at once, each on its own connection.
        var first = explorer.ReadAsync(A, ct);
        var second = Compare ? explorer.ReadAsync(B, ct) : null;
        await using (var connection = await db.OpenAsync(ct))
        {
            Offered = new Options(
                [.. await connection.QueryAsync<ProgramVersionOption>(new CommandDefinition(FunnelSql.Programs, cancellationToken: ct))],
                [.. await connection.QueryAsync<NamedId>(new CommandDefinition(FunnelSql.Cohorts, cancellationToken: ct))],
                [.. await connection.QueryAsync<NamedId>(new CommandDefinition(FunnelSql.Clients, cancellationToken: ct))]);
        }

        First = await first;
        Second = second is null ? null : await second;
        return Page();
    }

    /// <summary>Each stage's conversion in the first selection minus the second's, with its interval; null where either has no one.</summary>
    public RateDifference? Difference(FunnelStage stage) =>
        Second is not null && First.Conversion(stage) is { } a && Second.Conversion(stage) is { } b ? RateDifference.Between(a, b) : null;

    /// <summary>The drill-down to the people of the first selection lost at <paramref name="stage"/>.</summary>
    public string PeopleUrl(FunnelStage stage)
    {
        var values = A.ToRouteValues("a");
        values["stage"] = stage.ToString();
        return QueryHelpers.AddQueryString("/funnel/people", values.Where(v => v.Value is not null)!);
    }
}
