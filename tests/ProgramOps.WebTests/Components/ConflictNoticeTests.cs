using Bunit;
using ProgramOps.Web.Features.Shared;
using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.WebTests.Components;

public sealed class ConflictNoticeTests : ComponentTestContext
{
    [Fact]
    public void Names_who_saved_first_and_when_in_tokyo_time()
    {
        var conflict = new ConcurrencyConflict { UpdatedBy = "sato", UpdatedAt = new DateTimeOffset(2026, 11, 23, 3, 5, 0, TimeSpan.Zero) };

        var notice = Render<ConflictNotice>(p => p.Add(x => x.Conflict, conflict).Add(x => x.ReloadHref, "/clients/edit/7"));

        Assert.Contains("sato", notice.Find("[role=alert] p").TextContent);
        Assert.Contains("2026-11-23 12:05", notice.Find("[role=alert] p").TextContent);
        Assert.Equal("/clients/edit/7", notice.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Without_a_conflict_nothing_is_shown() =>
        Assert.Empty(Render<ConflictNotice>(p => p.Add(x => x.ReloadHref, "/x")).Markup.Trim());
}
