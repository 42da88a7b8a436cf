namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>An id with the name people know it by: the options of a select list.</summary>
public sealed record NamedId
{
    public int Id { get; init; }
    public required string Name { get; init; }
}
