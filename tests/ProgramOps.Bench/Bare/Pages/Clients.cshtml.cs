using Dapper;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.Bench.Bare.Pages;

/// <summary>The client list's 50 rows and their contracts, read with the console's own statements, in a bare page.</summary>
public sealed class ClientsModel(BareDatabase database) : PageModel
{
    public sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? NameKana { get; init; }
        public string Kind { get; init; } = "";
        public string Segment { get; init; } = "";
        public long EligiblePopulation { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? CsOwnerName { get; init; }
        public string? BizDevOwnerName { get; init; }
        public long TotalCount { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ILookup<long, string> Terms { get; private set; } = Array.Empty<string>().ToLookup(_ => 0L);
    public long Total { get; private set; }

    public async Task OnGetAsync(string? q, string? sort, string? dir, int pageNumber = 1, string? kind = null, string? segment = null)
    {
        var order = Enum.TryParse<ClientSort>(sort, ignoreCase: true, out var parsed) ? parsed : ClientSort.Name;
        await using var connection = await database.OpenAsync();
        Rows = (await connection.QueryAsync<Row>(ClientsSql.List(SqlDialect.For(DatabaseProvider.Sqlite), order, dir == "desc"), new
        {
            Search = LikePattern.Containing(q), Kind = kind, Segment = segment, StyleBit = (int?)null, OwnerId = (int?)null, IncludeArchived = false,
            Skip = (Math.Max(1, pageNumber) - 1) * 50, Take = 50,
        })).AsList();
        Total = Rows.Count > 0 ? Rows[0].TotalCount : 0;
        var terms = Rows.Count == 0 ? [] : await connection.QueryAsync<(long ClientId, string EndDate)>(
            ClientsSql.TermsOfClients, new { ClientIds = Rows.Select(r => r.Id).ToArray() });
        Terms = terms.ToLookup(t => t.ClientId, t => t.EndDate);
    }
}
