namespace ProgramOps.Web.Features.Feedback;

public static class FeedbackServiceExtensions
{
    public static IServiceCollection AddFeedback(this IServiceCollection services) =>
        services
            .AddSingleton<FeedbackRouting>()
            .AddScoped<ClientRequests>()
            .AddStartupTask<DefaultRoutingRules>()
            .AuthorizePageFolder("/Feedback", Policies.ReportFeedback)
            // The routing rules decide where every report goes: only administrators edit them.
            .AuthorizePageFolder("/Feedback/Rules", Policies.Admin);
}

/// <summary>
/// A new installation starts with the shipped rule set (the same embedded JSON the accuracy test measures),
/// written once when the rules table is empty. Seeding from code instead of a migration keeps one copy of
/// the rules instead of one per SQL dialect; Admin edits them from then on.
/// </summary>
public sealed class DefaultRoutingRules(Db db, AuditTrail audit, TimeProvider time) : IStartupTask
{
    public const string SystemActor = "system";

    public async Task RunAsync(StartOptions start, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(RoutingRulesSql.Count, transaction: t) > 0) return;
            var now = time.GetUtcNow();
            var rules = FeedbackSeed.DefaultRules;
            await c.ExecuteAsync(RoutingRulesSql.Insert, rules.Select((r, i) => new
            {
                Position = i + 1, r.Name, r.NameJa, Destination = r.Destination.ToString(), r.Weight, Conditions = FeedbackJson.Serialize(r.When),
                r.IsEnabled, Now = now, Actor = SystemActor,
            }), t);
            await audit.RecordAsync(c, t, new AuditEntry("RoutingRule", "*", "Seeded", $"{rules.Count}"), null, SystemActor);
        }, cancellationToken);
    }
}
