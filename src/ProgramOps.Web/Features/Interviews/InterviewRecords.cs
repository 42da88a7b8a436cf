using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>An interview as its page shows it: the participant, their cohort and program, the status and the notes.</summary>
public sealed record InterviewRecord
{
    public int Id { get; init; }
    public int DrawId { get; init; }
    public long ParticipantId { get; init; }
    public string? FullName { get; init; }
    public string? Kana { get; init; }
    public ParticipantState ParticipantState { get; init; }
    public InterviewStatus Status { get; init; }
    public DateTimeOffset? ScheduledFor { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset? ErasedAt { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public FunnelStage DrawnAt { get; init; }
    public int CohortId { get; init; }
    public string CohortName { get; init; } = "";
    public int ProgramId { get; init; }
    public string ProgramCode { get; init; } = "";
    public int ClientId { get; init; }
    public string ClientName { get; init; } = "";
}

/// <summary>A finding of an interview; its words are null once the participant withdrew.</summary>
public sealed record InterviewFinding
{
    public int Id { get; init; }
    public int InterviewId { get; init; }
    public FunnelStage Stage { get; init; }
    public string? Text { get; init; }
    public int? FeedbackItemId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
}
