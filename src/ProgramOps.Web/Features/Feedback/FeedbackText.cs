namespace ProgramOps.Web.Features.Feedback;

/// <summary>Marker for the feedback router's texts: FeedbackText.resx.</summary>
public sealed class FeedbackText;
