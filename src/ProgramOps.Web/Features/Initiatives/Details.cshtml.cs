namespace ProgramOps.Web.Features.Initiatives;

/// <summary>One initiative: its plan and design, its scope, for a team experiment how many teams each arm has, and its effect over time.</summary>
public sealed class DetailsModel(Db db) : PageModel
{
    public InitiativeRow Initiative { get; private set; } = null!;
    public IReadOnlyList<VersionEntry> Versions { get; private set; } = [];
    public IReadOnlyList<NamedId> Cohorts { get; private set; } = [];
    public IReadOnlyList<ArmSize> Arms { get; private set; } = [];
    public IReadOnlyList<EffectRow> Effects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var initiative = await connection.QuerySingleOrDefaultAsync<InitiativeRow>(new CommandDefinition(InitiativesSql.Find, new { Id = id }, cancellationToken: ct));
        if (initiative is null) return NotFound();
        Initiative = initiative;
        Versions = [.. await connection.QueryAsync<VersionEntry>(new CommandDefinition(InitiativesSql.ScopeVersions, new { Id = id }, cancellationToken: ct))];
        Cohorts = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(InitiativesSql.ScopeCohorts, new { Id = id }, cancellationToken: ct))];
        Arms = [.. await connection.QueryAsync<ArmSize>(new CommandDefinition(InitiativesSql.ArmSizes, new { Id = id }, cancellationToken: ct))];
        Effects = [.. await connection.QueryAsync<EffectRow>(new CommandDefinition(InitiativesSql.Effects, new { Id = id }, cancellationToken: ct))];
        return Page();
    }
}
