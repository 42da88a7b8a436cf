using Bunit;
using ProgramOps.Web.Features.Clients;

namespace ProgramOps.WebTests.Components;

public sealed class ClientStatusBadgeTests : ComponentTestContext
{
    [Theory]
    [InlineData(ClientStatus.Prospect, "見込み")]
    [InlineData(ClientStatus.Customer, "契約中")]
    [InlineData(ClientStatus.Renewing, "更新時期")]
    [InlineData(ClientStatus.Churned, "解約")]
    public void Each_status_has_its_own_label_and_style(ClientStatus status, string label)
    {
        var badge = Render<ClientStatusBadge>(p => p.Add(x => x.Status, status));

        Assert.Equal(label, badge.Find(".badge").TextContent);
        Assert.Contains($"badge-{status.ToString().ToLowerInvariant()}", badge.Find(".badge").ClassName);
    }

    [Fact]
    public void Archived_clients_carry_a_second_badge()
    {
        var badge = Render<ClientStatusBadge>(p => p.Add(x => x.Status, ClientStatus.Churned).Add(x => x.Archived, true));

        Assert.Equal(["解約", "アーカイブ済み"], badge.FindAll(".badge").Select(b => b.TextContent));
    }
}

public sealed class ClientStatusBadgeInEnglishTests() : ComponentTestContext("en")
{
    [Fact]
    public void Labels_follow_the_ui_language() =>
        Assert.Equal("Renewing", Render<ClientStatusBadge>(p => p.Add(x => x.Status, ClientStatus.Renewing)).Find(".badge").TextContent);
}
