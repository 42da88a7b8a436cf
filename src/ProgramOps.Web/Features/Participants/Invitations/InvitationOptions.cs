namespace ProgramOps.Web.Features.Participants.Invitations;

/// <summary>What an invitation letter tells employees about the app they install (appsettings: <c>Invitations</c>).</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>The app's name as the app stores list it: people search for it. Unset, the letters use a generic name from their resources.</summary>
    public string? AppName { get; set; }

    /// <summary>A page that sends people to their store's listing, printed under the name when set.</summary>
    public string? AppDownloadUrl { get; set; }
}
