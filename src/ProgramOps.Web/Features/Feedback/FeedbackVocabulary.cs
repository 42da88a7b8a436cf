namespace ProgramOps.Web.Features.Feedback;

/// <summary>Who owns the change: the consumer app for everyone, the program for its participants, or a client account.</summary>
public enum Destination
{
    BaseProduct,
    ProgramLayer,
    ClientAccount,
    NeedsTriage,
}

public enum FeedbackSource
{
    CsObservation,
    SupportInquiry,
    TeamChat,
    N1Interview,
    Client,
    ParticipantApp,
}

public enum FeedbackCategory
{
    Notifications,
    Usability,
    Defect,
    Content,
    Supplies,
    PeerTeam,
    Reporting,
    Contract,
    Privacy,
    Other,
}

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The reporter's answer to one scope question; Unknown is an answer too ("I cannot tell").</summary>
public enum ScopeAnswer
{
    Unknown,
    Yes,
    No,
}

/// <summary>The three scope questions every reporter answers.</summary>
public enum ScopeQuestion
{
    HelpsEveryUser,
    ProgramSpecific,
    ClientAsked,
}

public enum FeedbackStatus
{
    New,
    Routed,
    Accepted,
    InProgress,
    Done,
    WontDo,
}
