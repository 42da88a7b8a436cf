using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Issues;

/// <summary>An issue with its evidence counted from its links.</summary>
public sealed record IssueRow
{
    public int Id { get; init; }
    public int ProgramId { get; init; }
    public string? ProgramCode { get; init; }
    public FunnelStage Stage { get; init; }
    public string Statement { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public int Interviews { get; init; }
    public int Findings { get; init; }
    public int FeedbackItems { get; init; }
    public int Reports { get; init; }
    public int AffectedPeople { get; init; }
    public int TotalCount { get; init; }
}

public sealed record LinkedFinding
{
    public int Id { get; init; }
    public int InterviewId { get; init; }
    public FunnelStage Stage { get; init; }
    public string? Text { get; init; }
    public long ParticipantId { get; init; }
}

public sealed record LinkedFeedbackItem
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public FunnelStage? Stage { get; init; }
    public FeedbackSource Source { get; init; }
    public FeedbackStatus Status { get; init; }
    public int AffectedCount { get; init; }
}
