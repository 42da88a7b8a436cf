using System.Globalization;
using Microsoft.Data.Sqlite;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Bench;

/// <summary>One participant at the end of a 12-week program, drawn in a realistic mix, with the facts the app and lifecycle leave.</summary>
public sealed record SyntheticParticipant(string State, bool Succeeded, int ExitDay, string CheckInWeeks, int? CoPpm, int? Satisfaction, int BirthYear)
{
    public static SyntheticParticipant Next(Random random)
    {
        var (state, lastWeek) = random.NextDouble() switch
        {
            < 0.03 => ("InvitationExpired", 0),
            < 0.05 => ("Declined", 0),
            < 0.20 => ("DroppedOut", random.Next(1, 11)),
            < 0.22 => ("Withdrawn", 0),
            _ => ("Completed", 12),
        };
        var succeeded = state == "Completed" && random.NextDouble() < 0.6;
        var exitDay = state switch { "Completed" => 83, "DroppedOut" => lastWeek * 7 + 14, "Withdrawn" => random.Next(7, 70), _ => -10 };
        // Most weeks checked in, some missed: the week maps vary as a real cohort's do.
        var weeks = string.Concat(Enumerable.Range(1, lastWeek).Select(week => week == lastWeek || random.NextDouble() < 0.85 ? '1' : '0'));
        int? co = state == "Completed" ? random.Next(2, 25) : null;
        int? satisfaction = state == "Completed" && random.NextDouble() < 0.9 ? random.Next(4, 11) : null;
        return new SyntheticParticipant(state, succeeded, exitDay, weeks, co, satisfaction, 1960 + random.Next(0, 45));
    }
}

/// <summary>Bare prepared INSERTs of synthetic participants and their exits, in the caller's transaction.</summary>
public sealed class SyntheticParticipantWriter : IDisposable
{
    private readonly PreparedInsert _person;
    private readonly PreparedInsert _exit;
    private readonly DateOnly _start;
    private int _written;

    public SyntheticParticipantWriter(SqliteConnection connection, SqliteTransaction transaction, DateOnly start)
    {
        _start = start;
        _person = PreparedInsert.Create(connection, transaction, """
            INSERT INTO Participants (CohortId, ContractId, ClientId, EmployeeNumber, FullName, Email, BirthYear, InvitationCode, State, Outcome, LastCheckInOn,
                                      CheckInWeeks, FinalCoPpm, SatisfactionScore, StateChangedAt, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES ($cohort, $contract, $client, $number, $name, $email, $birth, $code, $state, $outcome, $checkIn,
                    $weeks, $co, $satisfaction, $at, 1, $at, $at, 'bench');
            SELECT last_insert_rowid();
            """, "$cohort", "$contract", "$client", "$number", "$name", "$email", "$birth", "$code", "$state", "$outcome", "$checkIn",
            "$weeks", "$co", "$satisfaction", "$at");
        _exit = PreparedInsert.Create(connection, transaction,
            "INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Actor, OccurredAt) VALUES ($id, 'Active', $state, 'Bench', 'bench', $at)",
            "$id", "$state", "$at");
    }

    /// <summary>Noon in Tokyo on program day <paramref name="day"/>, as stored.</summary>
    public string At(int day) => _start.AddDays(day).ToDateTime(new TimeOnly(3, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <returns>The participant's id.</returns>
    public long Write(int cohortId, int contractId, int clientId, SyntheticParticipant p)
    {
        var i = _written++;
        _person["$cohort"].Value = cohortId;
        _person["$contract"].Value = contractId;
        _person["$client"].Value = clientId;
        _person["$number"].Value = "B" + i.ToString("D8", CultureInfo.InvariantCulture);
        _person["$name"].Value = "参加者 " + i.ToString(CultureInfo.InvariantCulture);
        _person["$email"].Value = $"p{i}@example.co.jp";
        _person["$birth"].Value = p.BirthYear;
        _person["$code"].Value = i.ToString("D12", CultureInfo.InvariantCulture);
        _person["$state"].Value = p.State;
        _person["$outcome"].Value = p.State == "Completed" ? (p.Succeeded ? "Succeeded" : "NotSucceeded") : DBNull.Value;
        var lastWeek = p.CheckInWeeks.Length;
        _person["$checkIn"].Value = lastWeek > 0 ? _start.AddDays((lastWeek - 1) * 7 + 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        _person["$weeks"].Value = p.CheckInWeeks;
        _person["$co"].Value = p.CoPpm is { } ppm ? ppm : DBNull.Value;
        _person["$satisfaction"].Value = p.Satisfaction is { } score ? score : DBNull.Value;
        _person["$at"].Value = At(p.ExitDay);
        var id = (long)_person.Command.ExecuteScalar()!;
        if (p.State is "DroppedOut" or "Withdrawn")
        {
            _exit["$id"].Value = id;
            _exit["$state"].Value = p.State;
            _exit["$at"].Value = At(p.ExitDay);
            _exit.Command.ExecuteNonQuery();
        }

        return id;
    }

    public void Dispose()
    {
        _person.Dispose();
        _exit.Dispose();
    }
}

public sealed class PreparedInsert(SqliteCommand command) : IDisposable
{
    public SqliteCommand Command { get; } = command;
    public SqliteParameter this[string name] => Command.Parameters[name];
    public void Dispose() => Command.Dispose();

    public static PreparedInsert Create(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(name, SqliteType.Text);
        command.Prepare();
        return new PreparedInsert(command);
    }
}
