namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>One page of a longer list, with what a pager needs to show where it is.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int FirstItem => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int LastItem => Math.Min(Total, Page * PageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Page numbers from a query string: anything missing or below 1 is page 1.</summary>
    public static int Normalize(int? page) => page is > 0 ? page.Value : 1;

    public static int Skip(int page, int pageSize) => (Normalize(page) - 1) * pageSize;
}
