namespace ProgramOps.Web.Features.Actions;

/// <summary>Marker for the action queue's texts: ActionsText.resx.</summary>
public sealed class ActionsText;
