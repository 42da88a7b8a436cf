using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Admin.ParticipantViews;

/// <summary>Who viewed which participant's page, and when: every access to an individual record is attributable to a staff user.</summary>
public sealed class IndexModel(Db db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Query
    {
        /// <summary>The participant's label (P-000123) or number.</summary>
        public string? Participant { get; init; }
        public string? User { get; init; }

        /// <summary>Show views older than this id (the next page).</summary>
        public long? Before { get; init; }
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public long ParticipantId { get; init; }
        public required string UserName { get; init; }
        public string? DisplayName { get; init; }
        public bool WithPersonalData { get; init; }
        public DateTimeOffset ViewedAt { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasOlder { get; private set; }

    /// <summary>Set when the participant filter is neither a label nor a number.</summary>
    public bool ParticipantNotUnderstood { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var participant = Blank(Filter.Participant);
        long? participantId = participant is null ? null
            : ParticipantPrivacy.ParsePseudonym(participant) ?? (long.TryParse(participant, out var number) && number > 0 ? number : null);
        ParticipantNotUnderstood = participant is not null && participantId is null;
        if (ParticipantNotUnderstood) return;

        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(ParticipantViewsSql.Search(db.Dialect), new
        {
            ParticipantId = participantId, UserName = Blank(Filter.User), Filter.Before, Skip = 0, Take = PageSize + 1,
        }, cancellationToken: ct))).AsList();
        HasOlder = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    public string OlderUrl() => Url.Page("/Admin/ParticipantViews/Index", RouteValues(Filter with { Before = Rows[^1].Id }))!;

    public string NewestUrl() => Url.Page("/Admin/ParticipantViews/Index", RouteValues(Filter with { Before = null }))!;

    private static object RouteValues(Query q) => new { participant = q.Participant, user = q.User, before = q.Before };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
