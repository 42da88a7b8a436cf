namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>
/// What the sign-in cookie is checked against on every request: the account's current security stamp and whether it
/// is disabled. The accounts feature provides it; the cookie handler here only asks.
/// </summary>
public interface IAccountStamps
{
    Task<(string SecurityStamp, bool IsDisabled)?> FindStampAsync(int id, CancellationToken ct = default);
}
