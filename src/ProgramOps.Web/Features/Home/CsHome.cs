using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Home;

/// <summary>A program CS's day: the cohorts they own (week, people by state, at risk), their actions due, kits due or in trouble.</summary>
public sealed record CsHome(IReadOnlyList<CsHome.Cohort> Cohorts, IReadOnlyList<HomeAction> ActionsDue, int ActionsDueTotal)
{
    /// <summary>Actions due within this many days are shown (overdue ones first).</summary>
    public const int ActionsHorizonDays = 7;

    public const int ActionsShown = 10;

    public sealed record Cohort
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public CohortStatus Status { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EnrolmentCloses { get; init; }
        public int? ProgramWeek { get; set; }
        public IReadOnlyDictionary<ParticipantState, int> ByState { get; set; } = new Dictionary<ParticipantState, int>();
        public int KitsDue { get; set; }
        public int KitsInTrouble { get; set; }
        public int AtRisk => ByState.GetValueOrDefault(ParticipantState.AtRisk);
        public int People => ByState.Values.Sum();
    }

    /// <param name="csOwnerId">The CS owner, or null for every active cohort (the read-only overview).</param>
    public static async Task<IReadOnlyList<Cohort>> CohortsAsync(DbConnection c, int? csOwnerId, DateOnly today, CancellationToken ct)
    {
        var cohorts = (await c.QueryAsync<Cohort>(new CommandDefinition(HomeSql.ActiveCohorts, new { CsOwnerId = csOwnerId }, cancellationToken: ct))).AsList();
        if (cohorts.Count == 0) return cohorts;
        var ids = cohorts.Select(x => x.Id).ToArray();
        var states = (await c.QueryAsync<(int CohortId, ParticipantState State, int People)>(
            new CommandDefinition(HomeSql.ParticipantsByState, new { CohortIds = ids }, cancellationToken: ct))).ToLookup(s => s.CohortId);
        var shipments = (await c.QueryAsync<(int CohortId, int Due, int InTrouble)>(
            new CommandDefinition(HomeSql.ShipmentsDueOrInTrouble, new { CohortIds = ids }, cancellationToken: ct))).ToLookup(s => s.CohortId);
        foreach (var cohort in cohorts)
        {
            cohort.ProgramWeek = ProgramWeek.Of(cohort.StartDate, today);
            cohort.ByState = states[cohort.Id].ToDictionary(s => s.State, s => s.People);
            cohort.KitsDue = shipments[cohort.Id].Sum(s => s.Due);
            cohort.KitsInTrouble = shipments[cohort.Id].Sum(s => s.InTrouble);
        }

        return cohorts;
    }

    public static async Task<CsHome> LoadAsync(DbConnection c, SqlDialect dialect, int userId, DateOnly today, CancellationToken ct)
    {
        var cohorts = await CohortsAsync(c, userId, today, ct);
        var (actions, total) = await HomeAction.DueAsync(c, dialect, userId, today.AddDays(ActionsHorizonDays), ActionsShown, ct);
        return new CsHome(cohorts, actions, total);
    }
}

/// <summary>An open action of the user's, as the home page lists it.</summary>
public sealed record HomeAction
{
    public int Id { get; init; }
    public CsActionKind Kind { get; init; }
    public required string Reason { get; init; }
    public DateOnly DueOn { get; init; }
    public int? CohortId { get; init; }
    public string? CohortName { get; init; }
    public int? ClientId { get; init; }
    public string? ClientName { get; init; }

    public static async Task<(IReadOnlyList<HomeAction> Rows, int Total)> DueAsync(DbConnection c, SqlDialect dialect, int userId, DateOnly dueBy, int take, CancellationToken ct)
    {
        var parameters = new { UserId = userId, DueBy = dueBy, Skip = 0, Take = take };
        var rows = (await c.QueryAsync<HomeAction>(new CommandDefinition(HomeSql.ActionsDue(dialect), parameters, cancellationToken: ct))).AsList();
        var total = rows.Count < take ? rows.Count : await c.ExecuteScalarAsync<int>(new CommandDefinition(HomeSql.ActionsDueCount, parameters, cancellationToken: ct));
        return (rows, total);
    }
}
