using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// A finding as the feedback router takes it: source N1 interview, the finding's stage, the participant's program and
/// cohort — never the participant, so the item keeps nothing that withdrawal would have to erase. No I/O.
/// </summary>
public static class FindingFeedback
{
    /// <summary>The title is the finding's first line, cut here; the description keeps all of it.</summary>
    public const int TitleLength = 120;

    public static FeedbackInput Input(FunnelStage stage, string finding, int programId, int cohortId)
    {
        var firstLine = finding.Trim().Split('\n', 2)[0].Trim();
        return new FeedbackInput
        {
            Title = firstLine.Length <= TitleLength ? firstLine : firstLine[..TitleLength],
            Description = finding,
            Source = FeedbackSource.N1Interview,
            Stage = stage,
            ProgramId = programId,
            CohortId = cohortId,
            AffectedCount = 1,
        }.Normalized();
    }
}
