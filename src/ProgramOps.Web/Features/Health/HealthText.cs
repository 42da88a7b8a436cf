namespace ProgramOps.Web.Features.Health;

/// <summary>Marker for account health's texts (HealthText.resx, HealthText.ja.resx).</summary>
public sealed class HealthText;
