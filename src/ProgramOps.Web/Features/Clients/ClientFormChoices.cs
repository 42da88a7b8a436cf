using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Clients;

/// <summary>The choices the client form offers (owners, parents), and the checks that need them.</summary>
public sealed class ClientFormChoices
{
    public IReadOnlyList<NamedId> CsOwners { get; private init; } = [];
    public IReadOnlyList<NamedId> BizDevOwners { get; private init; } = [];
    public IReadOnlyList<NamedId> Parents { get; private init; } = [];

    public static async Task<ClientFormChoices> LoadAsync(DbConnection connection, int exceptClientId, CancellationToken ct)
    {
        var parents = await connection.QueryAsync<NamedId>(
            new CommandDefinition(ClientsSql.ParentCandidates, new { ExceptId = exceptClientId }, cancellationToken: ct));
        return new ClientFormChoices
        {
            CsOwners = await StaffDirectory.WithAnyRoleAsync(connection, CsOwnerRoles, ct),
            BizDevOwners = await StaffDirectory.WithAnyRoleAsync(connection, BizDevOwnerRoles, ct),
            Parents = parents.ToList(),
        };
    }

    public static readonly IReadOnlyList<string> CsOwnerRoles = [Roles.Admin, Roles.ProgramCS];
    public static readonly IReadOnlyList<string> BizDevOwnerRoles = [Roles.Admin, Roles.BizDev];

    /// <summary>Field errors for references the validator cannot see: owners and the parent chain.</summary>
    public async Task<IReadOnlyList<(string Field, string Label, string Message)>> CheckReferencesAsync(
        DbConnection connection, ClientInput input, int clientId, IStringLocalizer<ClientsText> text, CancellationToken ct)
    {
        var errors = new List<(string, string, string)>();
        if (input.CsOwnerId is { } cs && CsOwners.All(o => o.Id != cs))
            errors.Add((nameof(ClientInput.CsOwnerId), text["Field.CsOwner"], text["Validation.OwnerNotAllowed"]));
        if (input.BizDevOwnerId is { } bd && BizDevOwners.All(o => o.Id != bd))
            errors.Add((nameof(ClientInput.BizDevOwnerId), text["Field.BizDevOwner"], text["Validation.OwnerNotAllowed"]));
        if (input.ParentClientId is { } parent)
        {
            if (Parents.All(p => p.Id != parent))
                errors.Add((nameof(ClientInput.ParentClientId), text["Field.Parent"], text["Validation.ParentNotAllowed"]));
            else if (clientId > 0 && await IsAncestorOrSelfAsync(connection, clientId, parent, ct))
                errors.Add((nameof(ClientInput.ParentClientId), text["Field.Parent"], text["Validation.ParentCycle"]));
        }

        return errors;
    }

    /// <summary>Would making <paramref name="parentId"/> the parent put <paramref name="clientId"/> above itself?</summary>
    private static async Task<bool> IsAncestorOrSelfAsync(DbConnection connection, int clientId, int parentId, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        for (int? current = parentId; current is { } id && seen.Add(id);)
        {
            if (id == clientId) return true;
            current = await connection.ExecuteScalarAsync<int?>(
                new CommandDefinition(ClientsSql.ParentOf, new { Id = id }, cancellationToken: ct));
        }

        return false;
    }
}
