using System.Data;

namespace ProgramOps.Web.Features.Participants;

/// <summary>Where admitted people come from: the cohort and contract they enrol through, and the import that brought them.</summary>
public sealed record AdmissionSource(int CohortId, int ContractId, int ClientId, int ImportId, DateTimeOffset Now, string Actor);

/// <summary>One person from a checked roster row.</summary>
public sealed record AdmittedPerson(int ImportLine, string EmployeeNumber, string FullName, string? Kana, string Email, string? Department, int? BirthYear);

/// <summary>
/// The one way participants come into being: people from a client's roster are admitted in the lifecycle's entry
/// state, each with a new invitation code. Prepared once per import and run per person inside the import's transaction.
/// </summary>
public sealed class ParticipantAdmission : IDisposable
{
    private readonly PreparedCommand _insert;
    private readonly InvitationCode _codes = new();

    public ParticipantAdmission(DbConnection connection, DbTransaction transaction, AdmissionSource source)
    {
        _insert = new PreparedCommand(connection, transaction, ParticipantsSql.Admit,
            ("CohortId", DbType.Int32), ("ContractId", DbType.Int32), ("ClientId", DbType.Int32), ("ImportId", DbType.Int32),
            ("ImportLine", DbType.Int32), ("EmployeeNumber", DbType.String), ("FullName", DbType.String), ("Kana", DbType.String),
            ("Email", DbType.String), ("Department", DbType.String), ("BirthYear", DbType.Int32), ("InvitationCode", DbType.String),
            ("State", DbType.String), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String),
            ("SearchName", DbType.String), ("SearchKana", DbType.String));
        _insert.Set("CohortId", source.CohortId).Set("ContractId", source.ContractId).Set("ClientId", source.ClientId)
            .Set("ImportId", source.ImportId).Set("State", ParticipantLifecycle.EntryState.ToString()).Set("Now", source.Now).Set("Actor", source.Actor);
    }

    public Task AdmitAsync(AdmittedPerson person, CancellationToken ct) =>
        _insert.Set("ImportLine", person.ImportLine).Set("EmployeeNumber", person.EmployeeNumber).Set("FullName", person.FullName)
            .Set("Kana", person.Kana).Set("Email", person.Email).Set("Department", person.Department)
            .Set("BirthYear", person.BirthYear).Set("InvitationCode", _codes.Next())
            .Set("SearchName", ParticipantSearchKey.Of(person.FullName)).Set("SearchKana", ParticipantSearchKey.Of(person.Kana)).ExecuteAsync(ct);

    public void Dispose() => _insert.Dispose();
}
