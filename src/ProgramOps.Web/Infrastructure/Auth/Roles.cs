namespace ProgramOps.Web.Infrastructure.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string ProgramCS = "ProgramCS";
    public const string BizDev = "BizDev";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, ProgramCS, BizDev, Viewer];
}

/// <summary>Authorisation is by policy per area; pages name a policy, never a role list.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member, Viewer included, may read client accounts.</summary>
    public const string ReadClients = nameof(ReadClients);

    /// <summary>Client accounts are kept by BizDev and CS; Viewers only read.</summary>
    public const string EditClients = nameof(EditClients);

    /// <summary>A client's contracts and key persons are BizDev's (and admins'); CS and Viewers read them.</summary>
    public const string EditContracts = nameof(EditContracts);

    /// <summary>Everyone reads the program catalogue; only admins launch, edit, publish and retire programs.</summary>
    public const string ReadPrograms = nameof(ReadPrograms);

    /// <summary>Everyone reads cohorts; Program CS (and admins) create and run them.</summary>
    public const string ReadCohorts = nameof(ReadCohorts);

    public const string RunCohorts = nameof(RunCohorts);

    /// <summary>
    /// Participants' names, kana, e-mails, employee numbers, birth years, departments and invitation codes are for those who
    /// run cohorts (Program CS, admins); everyone else sees a participant as a pseudonymous label.
    /// </summary>
    public const string ReadPersonalData = nameof(ReadPersonalData);

    /// <summary>Those who run cohorts work every action; BizDev works the contract renewals that are theirs (<c>CsActionWork</c>).</summary>
    public const string WorkActions = nameof(WorkActions);

    /// <summary>All staff report feedback; CS, BizDev and admins route it, override it and move it along its queue.</summary>
    public const string ReportFeedback = nameof(ReportFeedback);

    public const string RouteFeedback = nameof(RouteFeedback);

    /// <summary>
    /// Client outcome reports: BizDev and Program CS (and admins) preview drafts, pick quotes, set a client's k and
    /// ROI inputs, and issue; everyone, Viewers included, reads and downloads issued versions.
    /// </summary>
    public const string PreviewReports = nameof(PreviewReports);

    public const string ReadReports = nameof(ReadReports);

    /// <summary>Revenue retention, churn and LTV across clients: BizDev's figures (and admins').</summary>
    public const string ReadRevenue = nameof(ReadRevenue);

    public const string Admin = nameof(Admin);

    /// <summary>A client user signed in on the portal's own cookie (never a staff session); their pages are scoped to their client.</summary>
    public const string ClientPortal = nameof(ClientPortal);
}
