namespace ProgramOps.Web.Features.Account;

/// <summary>Who can be named as an owner: active staff with a suitable role.</summary>
public static class StaffDirectory
{
    public static async Task<IReadOnlyList<NamedId>> WithAnyRoleAsync(DbConnection connection, IReadOnlyList<string> roles, CancellationToken ct) =>
        (await connection.QueryAsync<NamedId>(new CommandDefinition(AccountSql.ActiveStaffWithAnyRole, new { Roles = roles }, cancellationToken: ct))).ToList();
}
