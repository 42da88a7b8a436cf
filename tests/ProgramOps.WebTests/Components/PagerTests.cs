using Bunit;
using ProgramOps.Web.Features.Shared;

namespace ProgramOps.WebTests.Components;

public sealed class PagerTests : ComponentTestContext
{
    private IRenderedComponent<Pager> RenderPager(int page, int pageCount, int total) =>
        Render<Pager>(p => p
            .Add(x => x.Page, page)
            .Add(x => x.PageCount, pageCount)
            .Add(x => x.Total, total)
            .Add(x => x.First, ((page - 1) * 25) + 1)
            .Add(x => x.Last, Math.Min(total, page * 25))
            .Add(x => x.HrefFor, n => $"/list?pageNumber={n}"));

    [Fact]
    public void Shows_where_we_are_and_links_to_neighbours()
    {
        var pager = RenderPager(page: 2, pageCount: 4, total: 90);

        Assert.Contains("90 件中 26–50 件", pager.Find(".summary").TextContent);
        Assert.Equal("2", pager.Find("[aria-current=page]").TextContent);
        Assert.Equal("/list?pageNumber=1", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/list?pageNumber=3", pager.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void First_page_has_no_previous_and_last_page_no_next()
    {
        Assert.Empty(RenderPager(page: 1, pageCount: 3, total: 60).FindAll("a[rel=prev]"));
        Assert.Empty(RenderPager(page: 3, pageCount: 3, total: 60).FindAll("a[rel=next]"));
    }

    [Fact]
    public void Long_lists_show_at_most_seven_page_numbers_around_the_current_page()
    {
        var pager = RenderPager(page: 50, pageCount: 400, total: 10_000);

        var numbers = pager.FindAll("a:not([rel]), [aria-current=page]").Select(e => int.Parse(e.TextContent)).ToList();
        Assert.Equal([47, 48, 49, 50, 51, 52, 53], numbers);
    }

    [Fact]
    public void Renders_nothing_for_an_empty_list() =>
        Assert.Empty(RenderPager(page: 1, pageCount: 1, total: 0).Markup.Trim());
}
