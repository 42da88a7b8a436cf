using System.Globalization;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants.Invitations;

/// <summary>Someone invited to a cohort who has not linked the app yet.</summary>
public sealed record Invitee
{
    public long Id { get; init; }
    public string? EmployeeNumber { get; init; }
    public string? FullName { get; init; }
    public string? Kana { get; init; }
    public string? Email { get; init; }
    public string? Department { get; init; }
    public required string InvitationCode { get; init; }
    public DateTimeOffset InvitedAt { get; init; }
    public int ClientId { get; init; }
    public required string ClientName { get; init; }
}

/// <summary>The cohort the invitations are to, with the program they join.</summary>
public sealed record InvitingCohort
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EnrolmentCloses { get; init; }
    public required string Definition { get; init; }

    private ProgramDefinition? program;

    public ProgramDefinition Program => program ??= ProgramDefinitionJson.Deserialize(Definition);

    /// <summary>
    /// The last day to link the app and join: the enrolment window's last day, or the program's late-join cut-off when it
    /// takes late joiners (the day a roster is still taken, see the cohort's enrolment window).
    /// </summary>
    public DateOnly InvitationExpiresOn => Program.InvitationExpiresOn(StartDate, EnrolmentCloses);

    public string JapaneseProgramName => Program.NameIn(CultureInfo.GetCultureInfo("ja"));
}
