using Dapper;
using Microsoft.Data.Sqlite;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Feedback;

/// <summary>
/// 0040 moves feedback to the one funnel: Renewal items lose the stage and keep everything else (their reports too), and
/// rules stop naming Renewal. Run on a file migrated up to the script before it, holding the old vocabulary.
/// </summary>
public sealed class OneFunnelMigrationTests : IDisposable
{
    private const string Script = "0040_one_funnel.sql";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Renewal_items_lose_the_stage_and_keep_their_reports_and_rules_stop_naming_renewal()
    {
        var connectionString = DataServiceExtensions.SqliteConnectionString(null, new DatabaseOptions { SqliteFile = "old.db" }, _folder.Path);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var scripts = Directory.GetFiles(RepositoryPaths.DbScripts("sqlite"), "*.sql").Order(StringComparer.Ordinal).ToList();
        foreach (var path in scripts.TakeWhile(p => Path.GetFileName(p) != Script)) RunInTransaction(connection, File.ReadAllText(path));

        connection.Execute(
            """
            INSERT INTO FeedbackItems (Title, Description, Source, Stage, Category, Severity, AffectedCount, HelpsEveryUser, ProgramSpecific,
                                       ClientAsked, Destination, Confidence, Status, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
            VALUES ('請求書の宛名', 'd', 'Client', 'Renewal', 'Contract', 'Low', 1, 'No', 'No', 'Yes', 'ClientAccount', 0.9, 'Routed', 't', 'u', 't', 'u'),
                   ('通知が深夜', 'd', 'SupportInquiry', 'Week1', 'Notifications', 'High', 3, 'Yes', 'No', 'No', 'BaseProduct', 0.8, 'Routed', 't', 'u', 't', 'u');
            INSERT INTO FeedbackReports (FeedbackItemId, Source, Note, AffectedCount, ReportedBy, ReportedAt)
            VALUES (1, 'Client', 'n', 1, 'u', 't'), (2, 'SupportInquiry', 'n', 3, 'u', 't');
            INSERT INTO RoutingRules (Position, Name, Destination, Weight, Conditions, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (1, 'renewal only', 'ClientAccount', 1, '{"stages":["Renewal"]}', 't', 't', 'u'),
                   (2, 'late weeks', 'ProgramLayer', 1, '{"stages":["Weeks5To12","Renewal"],"keywords":["Renewal"]}', 't', 't', 'u');
            """);

        RunInTransaction(connection, File.ReadAllText(scripts.Single(p => Path.GetFileName(p) == Script)));

        Assert.Equal([(1L, null), (2L, "Week1")], connection.Query<(long, string?)>("SELECT Id, Stage FROM FeedbackItems ORDER BY Id"));
        Assert.Equal([1L, 2L], connection.Query<long>("SELECT FeedbackItemId FROM FeedbackReports ORDER BY Id"));
        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
        Assert.Equal(
            [(0L, """{"stages":[]}"""), (1L, """{"stages":["Weeks5To12"],"keywords":["Renewal"]}""")],
            connection.Query<(long, string)>("SELECT IsEnabled, Conditions FROM RoutingRules ORDER BY Id"));
        Assert.Throws<SqliteException>(() => connection.Execute("UPDATE FeedbackItems SET Stage = 'Renewal' WHERE Id = 2"));
        Assert.Equal(3L, connection.ExecuteScalar<long>(
            "INSERT INTO FeedbackItems (Title, Description, Source, Category, Severity, AffectedCount, HelpsEveryUser, ProgramSpecific, ClientAsked, Destination, Confidence, Status, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) VALUES ('t', 'd', 'Client', 'Other', 'Low', 1, 'No', 'No', 'No', 'ClientAccount', 1, 'New', 't', 'u', 't', 'u'); SELECT last_insert_rowid();"));
    }

    private static void RunInTransaction(SqliteConnection connection, string script)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute(script, transaction: transaction);
        transaction.Commit();
    }
}
