using ProgramOps.Web.Features.Home;

namespace ProgramOps.Web.Features;

/// <summary>
/// Each role's own home: CS sees their cohorts and work, BizDev their accounts, an administrator what is broken; anyone
/// else (Viewer) a read-only overview. Someone with several roles sees each of their sections.
/// </summary>
public sealed class IndexModel(Db db, LocalClock clock, ICurrentUser user) : PageModel
{
    public CsHome? Cs { get; private set; }
    public BizDevHome? BizDev { get; private set; }
    public AdminHome? Admin { get; private set; }
    public ReadOnlyHome? Overview { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var userId = user.Id ?? 0;
        if (User.IsInRole(Roles.Admin)) Admin = await AdminHome.LoadAsync(connection, clock.UtcNow, ct);
        if (User.IsInRole(Roles.ProgramCS)) Cs = await CsHome.LoadAsync(connection, db.Dialect, userId, Today, ct);
        if (User.IsInRole(Roles.BizDev)) BizDev = await BizDevHome.LoadAsync(connection, db.Dialect, userId, Today, ct);
        if (Admin is null && Cs is null && BizDev is null) Overview = await ReadOnlyHome.LoadAsync(connection, db.Dialect, Today, ct);
    }
}
