using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>An import as stored.</summary>
public sealed record RosterImport
{
    public int Id { get; init; }
    public int CohortId { get; init; }
    public int ContractId { get; init; }
    public int ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string FileName { get; init; }
    public required string FileSha256 { get; init; }
    public long FileBytes { get; init; }
    public RosterEncoding RequestedEncoding { get; init; }
    public RosterEncoding? DetectedEncoding { get; init; }
    public string? ColumnMapping { get; init; }
    public RosterImportStatus Status { get; init; }
    public int RowsRead { get; init; }
    public int RowsValid { get; init; }
    public int RowsInvalid { get; init; }
    public int RowsWithWarnings { get; init; }
    public int RowsImported { get; init; }
    public string? FailureReason { get; init; }
    public int? UploadedById { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public int? CommittedById { get; init; }
    public string? CommittedBy { get; init; }
    public DateTimeOffset? CommittedAt { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The worker holding the import while it is being checked or committed.</summary>
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public int Attempts { get; init; }
    /// <summary>What decided the preview's admissions (<see cref="RosterAdmission.Fingerprint"/>); the commit starts only while it holds.</summary>
    public long? AdmissionFingerprint { get; init; }
    /// <summary>The last line a commit's slices wrote: set from the first slice until the commit ends.</summary>
    public int? CommittedThroughLine { get; init; }

    /// <summary>Part of the file is enrolled by a commit not yet finished: it can be finished, not discarded or mapped again.</summary>
    public bool PartlyEnrolled => CommittedThroughLine is not null && Status != RosterImportStatus.Committed;

    public ImportNotice? Notice => ImportNotice.FromJson(FailureReason);

    /// <summary>A worker lost this work, which waits in the queue again: a person may discard it rather than let it run.</summary>
    public bool WasInterrupted => Notice?.Code == ImportNoticeCode.Interrupted && Status is RosterImportStatus.Queued or RosterImportStatus.CommitQueued;

    public static Task<RosterImport?> FindAsync(DbConnection connection, DbTransaction? transaction, int id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<RosterImport>(new CommandDefinition(ImportsSql.Find, new { Id = id }, transaction, cancellationToken: ct));
}

/// <summary>The cohort an import goes into, with what the checks need to know about it.</summary>
public sealed record ImportCohort
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public CohortStatus Status { get; init; }
    public DateOnly EnrolmentOpens { get; init; }
    public DateOnly EnrolmentCloses { get; init; }
    public DateOnly StartDate { get; init; }
    public required string Definition { get; init; }

    public CohortPeriod Period => PeriodOf(Id, Name, EnrolmentOpens, StartDate, Definition);

    /// <summary>The last day late joiners are taken, or null where the program version takes none.</summary>
    public DateOnly? LastLateJoinDay => ProgramDefinitionJson.Deserialize(Definition).LastLateJoinDay(StartDate);

    /// <summary>Why a roster cannot be imported today (<see cref="EnrolmentWindow"/>), or null.</summary>
    public ImportRefusal? ImportRefusalOn(DateOnly today) =>
        EnrolmentWindow.RefusalOfImport(new EnrolmentWindowFacts(Status, EnrolmentCloses, LastLateJoinDay, today));

    /// <summary>The refusal as the import's stored notice, with the day that explains it.</summary>
    public ImportNotice NoticeOf(ImportRefusal refusal) => refusal switch
    {
        ImportRefusal.WindowClosed => new ImportNotice(ImportNoticeCode.EnrolmentWindowClosed, Date: EnrolmentCloses),
        ImportRefusal.LateJoinCutOffPassed => new ImportNotice(ImportNoticeCode.LateJoinCutOffPassed, Date: LastLateJoinDay),
        _ => new ImportNotice(ImportNoticeCode.CohortClosed),
    };

    public static CohortPeriod PeriodOf(int id, string name, DateOnly opens, DateOnly start, string definition) =>
        new(id, name, opens, ProgramDefinitionJson.Deserialize(definition).EndsOn(start));
}
