using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Clients.Contracts;

/// <summary>
/// Gives each contract still without a program the program its free-text name meant (see <see cref="ProgramNameMatching"/>),
/// audited per contract; the rest stay flagged until a person chooses. It runs at start (for what the migration left) and,
/// inside the publishing transaction, whenever a program version is published (a contract may have been written for a
/// program before it was launched). Contracts made on the form always have a program.
/// </summary>
public sealed class ContractProgramMatching(Db db, AuditTrail audit, TimeProvider time) : IStartupTask
{
    public const string Actor = "program-matching";

    private sealed class Unmatched
    {
        public int Id { get; init; }
        public int ClientId { get; init; }
        public string ProgramName { get; init; } = "";
    }

    private sealed class ProgramVersionName
    {
        public int ProgramId { get; init; }
        public string Code { get; init; } = "";
        public string Definition { get; init; } = "";
    }

    public Task RunAsync(StartOptions start, CancellationToken ct) => MatchAsync(ct);

    public Task<int> MatchAsync(CancellationToken ct) => db.InTransactionAsync((c, t) => MatchAsync(c, t, audit, time.GetUtcNow(), ct), ct);

    /// <returns>How many contracts were given a program.</returns>
    public static async Task<int> MatchAsync(DbConnection c, DbTransaction t, AuditTrail audit, DateTimeOffset now, CancellationToken ct)
    {
        var contracts = (await c.QueryAsync<Unmatched>(new CommandDefinition(ContractsSql.WithoutProgram, transaction: t, cancellationToken: ct))).ToList();
        if (contracts.Count == 0) return 0;

        var programs = (await c.QueryAsync<ProgramVersionName>(new CommandDefinition(ContractsSql.ProgramNames, transaction: t, cancellationToken: ct)))
            .GroupBy(v => v.ProgramId)
            .Select(g => new ProgramNames(g.Key, [g.First().Code, .. g.SelectMany(v => NamesOf(v.Definition))]))
            .ToList();
        var matched = 0;
        foreach (var contract in contracts)
        {
            if (ProgramNameMatching.Match(contract.ProgramName, programs) is not { } programId) continue;
            matched += await c.ExecuteAsync(new CommandDefinition(ContractsSql.SetMatchedProgram,
                new { contract.Id, ProgramId = programId, Now = now, Actor }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Client", contract.ClientId.ToString(), "ContractProgramMatched", $"#{contract.Id} {contract.ProgramName}",
                new Dictionary<string, FieldChange> { ["ProgramId"] = new(null, programId.ToString()) }), null, Actor);
        }

        return matched;
    }

    private static IEnumerable<string> NamesOf(string definition)
    {
        var program = ProgramDefinitionJson.Deserialize(definition);
        return [program.NameJa, program.NameEn];
    }
}
