using Dapper;
using Microsoft.AspNetCore.Http;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Events;

/// <summary>The events API's ingestion as the console composes it, on a test database, at a fixed time.</summary>
internal static class IngestionFixture
{
    public static EventIngestion Ingestion(Db db, TimeProvider time)
    {
        var audit = Audit(time);
        return new EventIngestion(db, new ParticipantTransitions(audit, time), new FeedbackRouting(db, time), audit, time);
    }

    public static AuditTrail Audit(TimeProvider time) => new(new HttpCurrentUser(new HttpContextAccessor()), time);

    /// <summary>An integration's API key; returns its id.</summary>
    public static async Task<int> ApiKeyAsync(Db db, DateTimeOffset now)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<int>($"""
            INSERT INTO ApiKeys (Name, KeyId, ProtectedSecret, CreatedAt, CreatedBy, Version) VALUES ('app', 'k1', 'x', @now, 'seed', 1);
            {db.Dialect.SelectNewId}
            """, new { now });
    }

    /// <summary>The invitation code the test data gives the participant with this id.</summary>
    public static string Code(long id) => id.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
}
