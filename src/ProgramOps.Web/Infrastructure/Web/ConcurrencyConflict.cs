namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>Who saved a record first when a second save arrived with an older version.</summary>
/// <remarks>Property-initialised (not positional) so Dapper converts SQLite's text timestamps on the way in.</remarks>
public sealed record ConcurrencyConflict
{
    public required string UpdatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
