namespace ProgramOps.Web.Features.Clients.Activity;

/// <summary>What an entry of a client's activity log records: staff's own contacts and notes, or an event the console wrote.</summary>
public enum ClientActivityKind
{
    Meeting,
    Call,
    Email,
    Note,
    ReportIssued,
    RenewalActionOpened,
    TaskCompleted,
}

public static class ClientActivityKinds
{
    /// <summary>The kinds staff record by hand on the activity form.</summary>
    public static readonly IReadOnlyList<ClientActivityKind> Recorded =
        [ClientActivityKind.Meeting, ClientActivityKind.Call, ClientActivityKind.Email, ClientActivityKind.Note];

    /// <summary>A touch is a conversation with the client (a note or a system entry is not): what "last touch" counts.</summary>
    public static readonly IReadOnlyList<ClientActivityKind> Touches =
        [ClientActivityKind.Meeting, ClientActivityKind.Call, ClientActivityKind.Email];

    public static bool IsTouch(this ClientActivityKind kind) => Touches.Contains(kind);
}
