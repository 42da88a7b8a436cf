namespace ProgramOps.Web.Features.Clients;

/// <summary>
/// The touch model a client's CS type implies (DOMAIN.md): onboarding and both accompany types are high touch; the
/// mid-touch type is low touch (low plus tech touch, no regular meetings). Staff may set another model by hand.
/// </summary>
public static class TouchModels
{
    public static TouchModel FollowingCsType(CsType csType) => csType == CsType.MidTouch ? TouchModel.Low : TouchModel.High;

    /// <param name="setByHand">The model staff chose, or null when the client follows its CS type.</param>
    public static TouchModel Effective(CsType csType, TouchModel? setByHand) => setByHand ?? FollowingCsType(csType);
}
