namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The names of a report's counts in its <see cref="FigureSet"/>: one name per group of people, whichever section shows it.</summary>
public static class FigureNames
{
    public static string Reached(ReportFunnelStage stage) => $"funnel.{stage}";
    public static string StoppedAt(ReportFunnelStage stage) => $"stoppedAt.{stage}";

    public static readonly string Invited = Reached(ReportFunnelStage.Invited);
    public static readonly string Enrolled = Reached(ReportFunnelStage.Enrolled);
    public static readonly string Completed = Reached(ReportFunnelStage.Completed);
    public static readonly string Succeeded = Reached(ReportFunnelStage.Succeeded);

    public const string LostToFollowUp = "outcome.lostToFollowUp";
    public const string Verified = "outcome.coVerified";
    public const string Unverified = "outcome.notCoVerified";
    public const string Partial = "outcome.partial";
    public const string NotAchieved = "outcome.notAchieved";

    public static string Score(int score) => $"nps.score{score}";
    public const string Promoters = "nps.promoters";
    public const string Passives = "nps.passives";
    public const string Detractors = "nps.detractors";
    public const string Respondents = "nps.respondents";
    public const string NotResponded = "nps.notResponded";

    public static string AtRisk(int fromWeek) => $"km.atRisk.w{fromWeek}";
    public static string DroppedOut(int fromWeek) => $"km.droppedOut.w{fromWeek}";
    public static string Censored(int fromWeek) => $"km.censored.w{fromWeek}";

    public static string AgeEnrolled(string band) => $"age.{band}.enrolled";
    public static string AgeSucceeded(string band) => $"age.{band}.succeeded";
    public static string AgeNotSucceeded(string band) => $"age.{band}.notSucceeded";
}
