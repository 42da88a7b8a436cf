using Bunit;
using ProgramOps.Web.Features.Shared;

namespace ProgramOps.WebTests.Components;

public sealed class SortHeaderTests : ComponentTestContext
{
    private IRenderedComponent<SortHeader> RenderHeader(string currentSort, bool descending) =>
        Render<SortHeader>(p => p
            .Add(x => x.Label, "名称")
            .Add(x => x.Column, "Name")
            .Add(x => x.CurrentSort, currentSort)
            .Add(x => x.Descending, descending)
            .Add(x => x.HrefFor, (column, desc) => $"/clients?sort={column}&dir={(desc ? "desc" : "asc")}"));

    [Fact]
    public void The_current_ascending_column_links_to_descending_and_says_so_to_screen_readers()
    {
        var header = RenderHeader("name", descending: false);

        Assert.Equal("ascending", header.Find("th").GetAttribute("aria-sort"));
        Assert.Equal("/clients?sort=Name&dir=desc", header.Find("a").GetAttribute("href"));
        Assert.Equal("昇順", header.Find(".visually-hidden").TextContent);
    }

    [Fact]
    public void Another_column_links_to_ascending_without_an_arrow()
    {
        var header = RenderHeader("Population", descending: true);

        Assert.Equal("none", header.Find("th").GetAttribute("aria-sort"));
        Assert.Equal("/clients?sort=Name&dir=asc", header.Find("a").GetAttribute("href"));
        Assert.Empty(header.FindAll("[aria-hidden]"));
    }
}
