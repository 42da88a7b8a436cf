namespace ProgramOps.Web.Features.Participants;

/// <summary>A participant as stored, with their cohort's start and program.</summary>
public sealed record ParticipantRecord : LifecycleParticipant
{
    public int ContractId { get; init; }
    public string? EmployeeNumber { get; init; }
    public string? FullName { get; init; }
    public string? Kana { get; init; }
    public string? Email { get; init; }
    public string? Department { get; init; }
    public int? BirthYear { get; init; }
    public ParticipantOutcome? Outcome { get; init; }
    public int? TeamNumber { get; init; }
    public DateOnly? QuitDate { get; init; }
    public DateTimeOffset StateChangedAt { get; init; }
    public DateTimeOffset? AnonymisedAt { get; init; }
    public int? ImportId { get; init; }
    public int? ImportLine { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public required string CohortName { get; init; }
    public required string ClientName { get; init; }

    public static Task<ParticipantRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ParticipantRecord>(new CommandDefinition(ParticipantsSql.Find, new { Id = id }, transaction, cancellationToken: ct));

    public static Task<ParticipantRecord?> FindByCodeAsync(DbConnection connection, DbTransaction? transaction, string code, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ParticipantRecord>(new CommandDefinition(ParticipantsSql.FindByCode, new { Code = code }, transaction, cancellationToken: ct));

    /// <summary>The record as those who may not see who the participant is get it: every personal field left out.</summary>
    public ParticipantRecord WithoutPersonalData() =>
        this with { EmployeeNumber = null, FullName = null, Kana = null, Email = null, Department = null, BirthYear = null, InvitationCode = "" };
}
