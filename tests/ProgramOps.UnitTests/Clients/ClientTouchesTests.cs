using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;

namespace ProgramOps.UnitTests.Clients;

public sealed class ClientTouchesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void A_high_touch_client_is_overdue_only_past_its_segments_days(int daysAgo, bool overdue) =>
        Assert.Equal(overdue, ClientTouches.IsOverdue(TouchModel.High, Today.AddDays(-daysAgo), 30, Today));

    [Fact]
    public void A_high_touch_client_never_touched_is_overdue() =>
        Assert.True(ClientTouches.IsOverdue(TouchModel.High, null, 30, Today));

    [Theory]
    [InlineData(TouchModel.Low)]
    [InlineData(TouchModel.Tech)]
    public void Low_and_tech_touch_clients_are_never_warned_about(TouchModel model) =>
        Assert.False(ClientTouches.IsOverdue(model, null, 30, Today));

    [Fact]
    public void Only_meetings_calls_and_emails_are_touches() =>
        Assert.Equal([ClientActivityKind.Meeting, ClientActivityKind.Call, ClientActivityKind.Email],
            Enum.GetValues<ClientActivityKind>().Where(k => k.IsTouch()));
}
