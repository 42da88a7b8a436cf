using System.Text.Json;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// A participant as their lifecycle steps read them: state, version, and what the guards ask about (their cohort's dates,
/// program, team and first kit). No personal data: the events path reads participants this way (<see cref="FindByCodesAsync"/>).
/// </summary>
public record LifecycleParticipant
{
    public long Id { get; init; }
    public int CohortId { get; init; }
    public int ClientId { get; init; }
    public required string InvitationCode { get; init; }
    public ParticipantState State { get; init; }
    public int? TeamId { get; init; }
    public DateOnly? LastCheckInOn { get; init; }
    public DateOnly? FirstKitDeliveredOn { get; init; }
    public int Version { get; init; }
    public DateOnly ProgramStart { get; init; }
    public DateOnly EnrolmentCloses { get; init; }
    public int ProgramId { get; init; }
    public int ProgramVersionId { get; init; }
    public required string Definition { get; init; }

    private ProgramDefinition? program;

    /// <summary>Read from the stored definition once per record (guards and dates ask for it several times), or given by a
    /// reader of many participants who share it.</summary>
    public ProgramDefinition Program { get => program ??= ProgramDefinitionJson.Deserialize(Definition); init => program = value; }

    /// <summary>What the lifecycle's guards need, on the day <paramref name="now"/> falls on in the program's time zone.</summary>
    public ParticipantFacts Facts(DateTimeOffset now) =>
        new(Program, ProgramStart, Program.DateAt(now), LastCheckInOn, HasTeam: TeamId is not null, FirstKitDelivered: FirstKitDeliveredOn is not null)
        {
            InvitationExpiresOn = Program.InvitationExpiresOn(ProgramStart, EnrolmentCloses),
        };

    /// <summary>
    /// The participants these invitation codes name (at most a batch of events' worth), by code, with null for a code
    /// nobody has, as their lifecycle reads them; each program definition is read once for all who share it.
    /// </summary>
    public static async Task<Dictionary<string, LifecycleParticipant?>> FindByCodesAsync(
        DbConnection connection, DbTransaction? transaction, SqlDialect dialect, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var found = codes.ToDictionary(code => code, _ => (LifecycleParticipant?)null, StringComparer.Ordinal);
        if (codes.Count == 0) return found;
        var records = (await connection.QueryAsync<LifecycleParticipant>(new CommandDefinition(ParticipantsSql.FindByCodes(dialect),
            new { Codes = JsonSerializer.Serialize(codes) }, transaction, cancellationToken: ct))).AsList();
        var versionIds = records.Select(r => r.ProgramVersionId).Distinct().ToList();
        var programs = versionIds.Count == 0 ? [] : (await connection.QueryAsync<(int Id, string Definition)>(new CommandDefinition(
                ParticipantsSql.ProgramDefinitions, new { Ids = versionIds }, transaction, cancellationToken: ct)))
            .ToDictionary(v => v.Id, v => (v.Definition, Program: ProgramDefinitionJson.Deserialize(v.Definition)));
        foreach (var record in records)
        {
            var (definition, program) = programs[record.ProgramVersionId];
            found[record.InvitationCode] = record with { Definition = definition, Program = program };
        }

        return found;
    }

    /// <summary>
    /// Which of these records, read outside a transaction, no longer stand as read in it: the participant changed (their
    /// version moved), went, or what their guards read beside their row moved (their first kit's delivery, their cohort's
    /// dates or program version). A caller re-reads those in the transaction and keeps the rest.
    /// </summary>
    public static async Task<IReadOnlyList<LifecycleParticipant>> StaleAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyCollection<LifecycleParticipant> records, CancellationToken ct)
    {
        if (records.Count == 0) return [];
        var current = (await connection.QueryAsync<Freshness>(new CommandDefinition(ParticipantsSql.Freshness(dialect),
            new { Ids = JsonSerializer.Serialize(records.Select(r => r.Id)) }, transaction, cancellationToken: ct))).ToDictionary(f => f.Id);
        return [.. records.Where(r => !current.TryGetValue(r.Id, out var now) || now != Freshness.Of(r))];
    }

    private sealed record Freshness
    {
        public long Id { get; init; }
        public int Version { get; init; }
        public DateOnly? FirstKitDeliveredOn { get; init; }
        public DateOnly ProgramStart { get; init; }
        public DateOnly EnrolmentCloses { get; init; }
        public int ProgramVersionId { get; init; }

        public static Freshness Of(LifecycleParticipant r) => new()
        {
            Id = r.Id, Version = r.Version, FirstKitDeliveredOn = r.FirstKitDeliveredOn, ProgramStart = r.ProgramStart,
            EnrolmentCloses = r.EnrolmentCloses, ProgramVersionId = r.ProgramVersionId,
        };
    }
}
