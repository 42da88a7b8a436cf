using System.Globalization;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Clients.Contracts;

/// <summary>A program a contract can be for, named in the reader's language and, for storing with the contract, in Japanese.</summary>
public sealed record ProgramChoice(int ProgramId, string Code, string Name, string NameJa);

public static class ProgramChoices
{
    private sealed class Row
    {
        public int ProgramId { get; init; }
        public string Code { get; init; } = "";
        public string Definition { get; init; } = "";
    }

    public static async Task<IReadOnlyList<ProgramChoice>> ReadAsync(Db db, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(ContractsSql.ProgramChoices, cancellationToken: ct))).Select(r =>
        {
            var definition = ProgramDefinitionJson.Deserialize(r.Definition);
            return new ProgramChoice(r.ProgramId, r.Code, definition.NameIn(CultureInfo.CurrentUICulture), definition.NameJa);
        })];
    }
}
