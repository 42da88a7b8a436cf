namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// The clock of the demo's play-out: it stands where the play-out has moved it, on a past day, and the real services
/// (events ingestion, lifecycle transitions, daily jobs, imports, supplies) read it as they read the system clock.
/// It only moves forward, as time does.
/// </summary>
public sealed class PlayOutTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant < now) throw new InvalidOperationException($"The play-out clock cannot go back from {now:O} to {instant:O}.");
        now = instant;
    }
}

/// <summary>The demo staff member the play-out's office work (imports, steps, exports, partner files) is attributed to.</summary>
public sealed record DemoStaffMember(int? Id, string UserName) : ICurrentUser;
