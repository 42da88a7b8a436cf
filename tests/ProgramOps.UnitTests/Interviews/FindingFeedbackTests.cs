using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Interviews;

namespace ProgramOps.UnitTests.Interviews;

public sealed class FindingFeedbackTests
{
    [Fact]
    public void A_finding_goes_to_the_feedback_router_as_an_N1_interview_item_of_its_stage_without_the_participant()
    {
        var input = FindingFeedback.Input(FunnelStage.Weeks2To4, "  チームのチャットが夜に静かになり、相談相手がいないと感じた\n詳しくは…  ", 3, 9);

        Assert.Equal(FeedbackSource.N1Interview, input.Source);
        Assert.Equal(FunnelStage.Weeks2To4, input.Stage);
        Assert.Equal("チームのチャットが夜に静かになり、相談相手がいないと感じた", input.Title);
        Assert.Equal((3, 9, (int?)null), (input.ProgramId!.Value, input.CohortId!.Value, input.ClientId));
        Assert.Equal(FindingFeedback.TitleLength, FindingFeedback.Input(FunnelStage.Week1, new string('あ', 300), 1, 1).Title.Length);
    }
}
