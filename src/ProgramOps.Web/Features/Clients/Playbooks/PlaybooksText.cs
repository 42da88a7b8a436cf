namespace ProgramOps.Web.Features.Clients.Playbooks;

/// <summary>Marker for the playbook pages' and job's texts: PlaybooksText.resx.</summary>
public sealed class PlaybooksText;
