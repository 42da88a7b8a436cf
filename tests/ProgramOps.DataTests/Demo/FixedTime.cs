namespace ProgramOps.DataTests.Demo;

/// <summary>A clock stopped at one instant, so generated dates are the same on every run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
