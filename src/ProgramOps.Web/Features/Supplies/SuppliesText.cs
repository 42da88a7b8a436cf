namespace ProgramOps.Web.Features.Supplies;

/// <summary>Marker for the supplies pages' texts (SuppliesText.resx, SuppliesText.ja.resx).</summary>
public sealed class SuppliesText;
