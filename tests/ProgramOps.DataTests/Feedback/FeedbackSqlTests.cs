using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Feedback;

/// <summary>The feedback statements that aggregate: override rate by rule, the decisions that teach the model, reporters' changes.</summary>
public sealed class FeedbackSqlTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private Db Db => _database.Db;

    public void Dispose() => _database.Dispose();

    private async Task<int> RuleAsync(string name, Destination destination) =>
        await Db.InTransactionAsync((c, t) => c.ExecuteScalarAsync<int>(RoutingRulesSql.Insert + Db.Dialect.SelectNewId, new
        {
            Position = 1, Name = name, NameJa = (string?)null, Destination = destination.ToString(), Weight = 1.0, Conditions = "{}", IsEnabled = true, Now, Actor = "test",
        }, t));

    /// <summary>An item routed by the rules to <paramref name="destination"/>, with the given rules recorded as fired.</summary>
    private async Task<int> ItemAsync(string title, Destination destination, FeedbackStatus status, int? reporterId, params (int RuleId, Destination Voted)[] fired) =>
        await Db.InTransactionAsync(async (c, t) =>
        {
            var id = await c.ExecuteScalarAsync<int>(FeedbackSql.Insert + Db.Dialect.SelectNewId, new
            {
                Title = title, Description = "d", Source = "CsObservation", ProgramId = (int?)null, ClientId = (int?)null, CohortId = (int?)null,
                Stage = "Week1", Category = "Other", Severity = "Medium", AffectedCount = 1, HelpsEveryUser = "Unknown", ProgramSpecific = "Unknown",
                ClientAsked = "Unknown", Destination = destination.ToString(), Confidence = 0.7, Status = status.ToString(), RoutedAt = Now, Now, Actor = "test",
            }, t);
            await c.ExecuteAsync(FeedbackSql.InsertReport, new { ItemId = id, Source = "CsObservation", Note = "n", AffectedCount = 1, ReporterId = reporterId, Actor = "test", Now }, t);
            var decision = await c.ExecuteScalarAsync<int>(FeedbackSql.InsertDecision + Db.Dialect.SelectNewId, new
            {
                ItemId = id, Kind = "Rules", Destination = destination.ToString(), Confidence = 0.7, SuggestedDestination = (string?)null,
                SuggestedProbability = (double?)null, Explanation = (string?)null, Reason = (string?)null, ActorId = (int?)null, Actor = "test", Now,
            }, t);
            await c.ExecuteAsync(FeedbackSql.InsertDecisionRule, fired.Select(f => new { DecisionId = decision, f.RuleId, Destination = f.Voted.ToString() }), t);
            return id;
        });

    private Task OverrideAsync(int itemId, Destination to) =>
        Db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync("UPDATE FeedbackItems SET Destination = @To WHERE Id = @Id", new { To = to.ToString(), Id = itemId }, t);
            await c.ExecuteAsync(FeedbackSql.InsertDecision, new
            {
                ItemId = itemId, Kind = "Override", Destination = to.ToString(), Confidence = (double?)null, SuggestedDestination = (string?)null,
                SuggestedProbability = (double?)null, Explanation = (string?)null, Reason = "r", ActorId = (int?)null, Actor = "test", Now,
            }, t);
        });

    [Fact]
    public async Task Override_rate_by_rule_counts_items_a_person_moved_away_from_the_rules_vote()
    {
        var appRule = await RuleAsync("app", Destination.BaseProduct);
        var gumRule = await RuleAsync("gum", Destination.ProgramLayer);
        var quiet = await RuleAsync("never fires", Destination.ClientAccount);
        var moved = await ItemAsync("a", Destination.BaseProduct, FeedbackStatus.Routed, null, (appRule, Destination.BaseProduct), (gumRule, Destination.ProgramLayer));
        await ItemAsync("b", Destination.BaseProduct, FeedbackStatus.Routed, null, (appRule, Destination.BaseProduct));
        await ItemAsync("c", Destination.ProgramLayer, FeedbackStatus.Routed, null, (gumRule, Destination.ProgramLayer));
        await OverrideAsync(moved, Destination.ProgramLayer);

        await using var c = await Db.OpenAsync();
        var rows = (await c.QueryAsync<ProgramOps.Web.Features.Feedback.Rules.IndexModel.RuleRow>(RoutingRulesSql.OverrideRateByRule)).ToDictionary(r => r.Id);

        Assert.Equal((2, 1), (rows[appRule].Fired, rows[appRule].Overridden));
        Assert.Equal((2, 0), (rows[gumRule].Fired, rows[gumRule].Overridden));
        Assert.Equal((0, 0), (rows[quiet].Fired, rows[quiet].Overridden));
        Assert.Equal(0.5, rows[appRule].OverrideRate);
        Assert.Null(rows[quiet].OverrideRate);
    }

    [Fact]
    public async Task Only_overridden_or_accepted_items_teach_the_model()
    {
        var overridden = await ItemAsync("overridden", Destination.BaseProduct, FeedbackStatus.Routed, null);
        await ItemAsync("accepted", Destination.ClientAccount, FeedbackStatus.Accepted, null);
        await ItemAsync("done", Destination.ProgramLayer, FeedbackStatus.Done, null);
        await ItemAsync("only routed", Destination.BaseProduct, FeedbackStatus.Routed, null);
        await ItemAsync("triage", Destination.NeedsTriage, FeedbackStatus.New, null);
        await OverrideAsync(overridden, Destination.ProgramLayer);

        await using var c = await Db.OpenAsync();
        var learned = await c.QueryAsync<FeedbackFacts, DecidedDestination, TrainingExample>(FeedbackSql.HumanDecisions,
            (facts, decided) => new TrainingExample(facts, decided.Destination), splitOn: nameof(DecidedDestination.Destination));

        Assert.Equal(
            [("accepted", Destination.ClientAccount), ("done", Destination.ProgramLayer), ("overridden", Destination.ProgramLayer)],
            learned.Select(e => (e.Facts.Title, e.Destination)).OrderBy(e => e.Title));
    }

    [Fact]
    public async Task Reporters_see_status_changes_of_their_items_only_newest_first()
    {
        var reporter = await Db.InTransactionAsync((c, t) => c.ExecuteScalarAsync<int>(
            "INSERT INTO Users (UserName, DisplayName, PasswordHash, SecurityStamp, CreatedAt, UpdatedAt, UpdatedBy) VALUES ('r', 'R', 'x', 's', @Now, @Now, 't'); " + Db.Dialect.SelectNewId, new { Now }, t));
        var mine = await ItemAsync("mine", Destination.BaseProduct, FeedbackStatus.Routed, reporter);
        var theirs = await ItemAsync("theirs", Destination.BaseProduct, FeedbackStatus.Routed, null);
        var actor = new FeedbackActor(null, "owner", Now);
        await Db.InTransactionAsync(async (c, t) =>
        {
            await FeedbackWrites.RecordStatusAsync(c, t, mine, null, FeedbackStatus.Routed, actor);
            await FeedbackWrites.RecordStatusAsync(c, t, mine, FeedbackStatus.Routed, FeedbackStatus.Accepted, actor with { Now = Now.AddHours(1) });
            await FeedbackWrites.RecordStatusAsync(c, t, mine, FeedbackStatus.Accepted, FeedbackStatus.InProgress, actor with { Now = Now.AddHours(2) });
            await FeedbackWrites.RecordStatusAsync(c, t, theirs, FeedbackStatus.Routed, FeedbackStatus.Done, actor);
        });

        await using var c = await Db.OpenAsync();
        var changes = (await c.QueryAsync<MyReportedItemsViewComponent.Change>(FeedbackSql.MyReportedChanges(Db.Dialect),
            new { UserId = reporter, Since = Now.AddDays(-1), Skip = 0, Take = 10 })).ToList();

        Assert.Equal([FeedbackStatus.InProgress, FeedbackStatus.Accepted], changes.Select(x => x.ToStatus));
        Assert.All(changes, x => Assert.Equal(mine, x.ItemId));
    }
}
