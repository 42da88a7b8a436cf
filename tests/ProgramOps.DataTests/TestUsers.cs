using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.DataTests;

internal static class TestUsers
{
    public static StaffUser New(string userName, params string[] roles) => new()
    {
        UserName = userName,
        DisplayName = $"Test {userName}",
        Email = $"{userName}@example.jp",
        PasswordHash = "not-a-real-hash",
        SecurityStamp = UserAccounts.NewSecurityStamp(),
        Roles = roles.Length == 0 ? [Roles.Viewer] : roles,
    };
}

internal sealed class FixedCurrentUser : ICurrentUser
{
    public const string Name = "tester";

    public int? Id => null;

    public string UserName => Name;
}
