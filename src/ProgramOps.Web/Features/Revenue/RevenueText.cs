namespace ProgramOps.Web.Features.Revenue;

/// <summary>Marker for the Revenue page's texts (RevenueText.resx, RevenueText.ja.resx).</summary>
public sealed class RevenueText;
