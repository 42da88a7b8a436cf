namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// The quit rate counted by intention to treat (the Russell Standard): everyone who enrolled (linked the app) is in
/// the denominator, and whoever did not answer the final assessment — dropped out, withdrew, stopped responding — counts
/// as not quit. The completer rate (over those who answered) is shown beside it, labelled, never instead of it.
/// </summary>
/// <param name="Enrolled">Everyone who linked the app.</param>
/// <param name="Answered">Those who answered the final assessment.</param>
/// <param name="Succeeded">Those whose answer met the program's success criterion.</param>
/// <param name="CoVerified">Successes confirmed by a breath CO reading below <see cref="CoVerifiedBelowPpm"/> ppm.</param>
public sealed record QuitOutcome(int Enrolled, int Answered, int Succeeded, int CoVerified)
{
    /// <summary>The usual cut-off for a non-smoker's exhaled carbon monoxide.</summary>
    public const int CoVerifiedBelowPpm = 10;

    public int LostToFollowUp => Enrolled - Answered;

    public Rate IntentionToTreat => new(Succeeded, Enrolled);

    public Rate Completer => new(Succeeded, Answered);

    /// <summary>Verified quits over everyone enrolled: the strictest of the three.</summary>
    public Rate Verified => new(CoVerified, Enrolled);
}
