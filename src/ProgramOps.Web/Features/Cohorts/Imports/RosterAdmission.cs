using System.Globalization;
using System.IO.Hashing;
using System.Text;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>A cohort as the overlap check sees it: from the day recruiting opens to the last program day.</summary>
public sealed record CohortPeriod(int CohortId, string Name, DateOnly Opens, DateOnly Ends)
{
    public bool Overlaps(CohortPeriod other) => Opens <= other.Ends && other.Opens <= Ends;
}

/// <summary>Someone of the client who already takes part in a cohort.</summary>
public sealed record TakingPart
{
    public required string EmployeeNumber { get; init; }
    public string? Email { get; init; }
    public int CohortId { get; init; }
}

/// <summary>
/// Decides, row by row in file order, whether a valid roster row may join the cohort: not someone already in it
/// or in an overlapping cohort of the same client, not an e-mail address the cohort already has, and only while
/// the contract has seats left. No I/O: the caller gathers what is already enrolled.
/// </summary>
public sealed class RosterAdmission
{
    private readonly Dictionary<string, CohortPeriod> enrolledElsewhere = new(StringComparer.Ordinal);
    private readonly HashSet<string> enrolledHere = new(StringComparer.Ordinal);
    private readonly HashSet<string> emailsHere = new(StringComparer.OrdinalIgnoreCase);
    private int seatsLeft;

    public RosterAdmission(CohortPeriod cohort, IEnumerable<CohortPeriod> clientCohorts, IEnumerable<TakingPart> takingPart, int seatsLeft)
    {
        this.seatsLeft = seatsLeft;
        var overlapping = clientCohorts.Where(c => c.CohortId != cohort.CohortId && c.Overlaps(cohort)).ToDictionary(c => c.CohortId);
        var fingerprint = unchecked(Digest(Invariant($"{Describe(cohort)}|{seatsLeft}")) + overlapping.Values.Aggregate(0UL, (sum, other) => sum + Digest(Describe(other))));
        foreach (var person in takingPart)
        {
            fingerprint = unchecked(fingerprint + Digest(Invariant($"{person.EmployeeNumber}|{person.Email}|{person.CohortId}")));
            if (person.CohortId == cohort.CohortId)
            {
                enrolledHere.Add(person.EmployeeNumber);
                if (person.Email is { } email) emailsHere.Add(email);
            }
            else if (overlapping.TryGetValue(person.CohortId, out var other))
            {
                enrolledElsewhere.TryAdd(person.EmployeeNumber, other);
            }
        }

        Fingerprint = unchecked((long)fingerprint);
    }

    /// <summary>
    /// A digest of everything that decides the rows' admissions (the cohort and those overlapping it, the people taking
    /// part, the seats left): the same digest means the same file is admitted row for row as before. Summed per item, so
    /// the order the database returns them in does not matter.
    /// </summary>
    public long Fingerprint { get; }

    /// <summary>The cohorts whose participants the caller must gather: this one and those overlapping it.</summary>
    public static IReadOnlyList<int> CohortsToCheck(CohortPeriod cohort, IEnumerable<CohortPeriod> clientCohorts) =>
        clientCohorts.Where(c => c.Overlaps(cohort)).Select(c => c.CohortId).Append(cohort.CohortId).Distinct().ToList();

    /// <summary>Admits the row (taking a seat) or says why not.</summary>
    public RosterRecord Admit(ValidRosterRecord row)
    {
        var problem =
            enrolledHere.Contains(row.EmployeeNumber) ? Problem(RosterProblem.AlreadyInCohort, RosterField.EmployeeNumber, row.EmployeeNumber)
            : enrolledElsewhere.TryGetValue(row.EmployeeNumber, out var other) ? Problem(RosterProblem.AlreadyInOverlappingCohort, RosterField.EmployeeNumber, other.Name)
            : emailsHere.Contains(row.Email) ? Problem(RosterProblem.EmailAlreadyInCohort, RosterField.Email, row.Email)
            : seatsLeft <= 0 ? Problem(RosterProblem.OverCapacity, null, row.EmployeeNumber)
            : null;
        if (problem is not null) return new InvalidRosterRecord(row.Line, [problem, .. row.Warnings], row.Person);

        seatsLeft--;
        return row;
    }

    private static ulong Digest(string item) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(item));

    private static string Describe(CohortPeriod period) => Invariant($"{period.CohortId}|{period.Opens:yyyy-MM-dd}|{period.Ends:yyyy-MM-dd}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static RosterRowProblem Problem(RosterProblem problem, RosterField? field, string value) =>
        new(problem, field, Column: null, value);
}
