using ProgramOps.Web.Features.Clients;

namespace ProgramOps.UnitTests.Clients;

public sealed class TouchModelsTests
{
    [Theory]
    [InlineData(CsType.Onboarding, TouchModel.High)]
    [InlineData(CsType.AccompanyUpsell, TouchModel.High)]
    [InlineData(CsType.AccompanyRoi, TouchModel.High)]
    [InlineData(CsType.MidTouch, TouchModel.Low)]
    public void Types_one_to_three_are_high_touch_and_mid_touch_is_low_touch(CsType type, TouchModel expected) =>
        Assert.Equal(expected, TouchModels.FollowingCsType(type));

    [Fact]
    public void A_client_without_a_model_set_by_hand_follows_its_type() =>
        Assert.Equal(TouchModel.Low, TouchModels.Effective(CsType.MidTouch, setByHand: null));

    [Theory]
    [InlineData(CsType.MidTouch, TouchModel.High)]
    [InlineData(CsType.Onboarding, TouchModel.Tech)]
    public void A_model_set_by_hand_wins_over_the_type(CsType type, TouchModel chosen) =>
        Assert.Equal(chosen, TouchModels.Effective(type, chosen));
}
