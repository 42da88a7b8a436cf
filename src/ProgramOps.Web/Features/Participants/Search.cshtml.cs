using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Finds a participant in any cohort by name, kana, employee number, e-mail or invitation code; a viewer who may not see
/// personal data finds one only by their pseudonymous label.
/// </summary>
public sealed class SearchModel(Db db, ParticipantPrivacy privacy) : PageModel
{
    /// <summary>Enough to answer an inquiry; a caller with more matches narrows the search.</summary>
    public const int MaxResults = 50;

    public sealed record Row
    {
        public long Id { get; init; }
        public string? EmployeeNumber { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public string? Email { get; init; }
        public ParticipantState State { get; init; }
        public required string InvitationCode { get; init; }
        public int? TeamNumber { get; init; }
        public required string ClientName { get; init; }
        public int CohortId { get; init; }
        public required string CohortName { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<Row> Results { get; private set; } = [];

    /// <summary>Whether the viewer sees who the participants are, or only their pseudonymous labels.</summary>
    public bool ShowsPersonalData { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShowsPersonalData = await privacy.ShowsPersonalDataAsync();
        var term = JapaneseText.Normalize(Q ?? "");
        if (term.Length < 2) return;
        await using var connection = await db.OpenAsync(ct);
        Results = [.. await connection.QueryAsync<Row>(new CommandDefinition(ParticipantsSql.Search(db.Dialect), new
        {
            PseudonymId = ParticipantPrivacy.ParsePseudonym(term),
            Code = ShowsPersonalData ? term.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() : null,
            Search = ShowsPersonalData ? LikePattern.Containing(term) : null,
            Skip = 0,
            Take = MaxResults + 1,
        }, cancellationToken: ct))];
    }
}
