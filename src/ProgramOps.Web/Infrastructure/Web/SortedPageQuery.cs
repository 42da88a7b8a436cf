namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>
/// The sorting and paging half of a list page's query string (<c>?sort=…&amp;dir=desc&amp;pageNumber=N</c>), the same
/// for every list, so a list view can be bookmarked and its pager and column headers build their links alike.
/// </summary>
public abstract record SortedPageQuery<TSort> where TSort : struct, Enum
{
    public TSort Sort { get; init; }
    public string? Dir { get; init; }

    /// <remarks>Not "page": Razor Pages keeps that route value for the page's own name.</remarks>
    public int? PageNumber { get; init; }

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page asked for; anything missing or below 1 is page 1.</summary>
    public int Page => Paging.Normalize(PageNumber);
}
