using System.Text.Json;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>
/// Queued → Validating → Previewed (or NeedsMapping / Failed) → CommitQueued → Committing → Committed; a preview
/// can be discarded. The queued and -ing states belong to the background worker.
/// </summary>
public enum RosterImportStatus
{
    Queued,
    Validating,
    NeedsMapping,
    Previewed,
    CommitQueued,
    Committing,
    Committed,
    Failed,
    Discarded,
}

public enum ImportNoticeCode
{
    /// <summary>The file is not text in its encoding from some line on.</summary>
    InvalidEncoding,
    /// <summary>The file has no header row.</summary>
    Empty,
    /// <summary>A line (<see cref="ImportNotice.Line"/>) is far longer than a roster line: the read stopped there.</summary>
    LineTooLong,
    /// <summary>The header has more columns than a roster has.</summary>
    TooManyColumns,
    /// <summary>The cohort no longer takes imports (it completed, or is not open yet).</summary>
    CohortClosed,
    /// <summary>The enrolment window closed (on <see cref="ImportNotice.Date"/>) and the program takes no late joiners.</summary>
    EnrolmentWindowClosed,
    /// <summary>The program's last day for late joiners (<see cref="ImportNotice.Date"/>) has passed.</summary>
    LateJoinCutOffPassed,
    /// <summary>Between preview and commit, others enrolled people or took seats: the preview was redone.</summary>
    ChangedSincePreview,
    /// <summary>While the commit ran, a contract or cohort changed: <see cref="ImportNotice.Rows"/> rows the preview admitted were not enrolled.</summary>
    ChangedDuringCommit,
    /// <summary>Something went wrong that is not the file's fault; the log has the details.</summary>
    Unexpected,
    /// <summary>The worker's process ended (or went silent) mid-way; the work was queued again (a commit resumes after its last slice).</summary>
    Interrupted,
    /// <summary>The work lost its worker <see cref="ImportNotice.Attempts"/> times, so it is not retried by itself.</summary>
    InterruptedRepeatedly,
}

/// <summary>Why an import failed, or what the person importing should know; stored as JSON, worded by the UI.</summary>
/// <param name="Attempts">For an interruption: how many times a worker had claimed the work.</param>
/// <param name="At">For an interruption: when it was found.</param>
/// <param name="Rows">For a change during the commit: the rows the preview admitted that were not enrolled.</param>
public sealed record ImportNotice(
    ImportNoticeCode Code, RosterEncoding? Encoding = null, int? Line = null, DateOnly? Date = null, int? Attempts = null, DateTimeOffset? At = null,
    int? Rows = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, ImportJson.Options);

    public static ImportNotice Of(RosterLimitException exceeded) => new(
        exceeded.Limit == RosterLimit.LineTooLong ? ImportNoticeCode.LineTooLong : ImportNoticeCode.TooManyColumns, Line: exceeded.Line);

    public static ImportNotice? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportNotice>(json, ImportJson.Options);
}

public static class ImportStatuses
{
    /// <summary>The worker has the import: the page shows progress and refreshes itself.</summary>
    public static bool IsInProgress(this RosterImportStatus status) => status is RosterImportStatus.Queued
        or RosterImportStatus.Validating or RosterImportStatus.CommitQueued or RosterImportStatus.Committing;

    /// <summary>The cohort states in which the import page is offered: recruiting, and running (late joiners); the enrolment window decides the rest.</summary>
    public static bool AcceptsImports(this CohortStatus status) => status is CohortStatus.Enrolling or CohortStatus.Running;
}
