namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>One page of a longer list, with what a pager needs to show where it is.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int FirstItem => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int LastItem => Math.Min(Total, Page * PageSize);

    /// <summary>Asked for a page after the last one (the list shrank, or a hand-edited link): show the last page instead.</summary>
    public bool IsPastEnd => Items.Count == 0 && Page > PageCount;
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Page numbers from a query string: anything missing or below 1 is page 1.</summary>
    public static int Normalize(int? page) => page is > 0 ? page.Value : 1;

    public static int Skip(int page, int pageSize) => (Normalize(page) - 1) * pageSize;

    /// <summary>
    /// Reads one page of a list: its rows, then the number of matches from <paramref name="total"/>, which is given the
    /// rows so it can answer from them when they tell (a window count on each row, or a first page that is not full).
    /// </summary>
    public static async Task<PageOf<T>> ReadAsync<T>(int page, int pageSize, Func<Task<List<T>>> rows, Func<IReadOnlyList<T>, Task<int>> total)
    {
        var items = await rows();
        return new PageOf<T>(items, page, pageSize, await total(items));
    }
}
