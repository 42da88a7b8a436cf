namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A weight-program participant's result by 特定保健指導 第4期: both losses count, never one alone.</summary>
public enum BodyMeasureResult
{
    NotAchieved,
    /// <summary>At least −1 cm waist and −1 kg, short of a success; counted apart, never as success.</summary>
    Partial,
    /// <summary>At least −2 cm waist and −2 kg.</summary>
    Success,
}

public static class BodyMeasureResults
{
    public const decimal SuccessLoss = 2m;
    public const decimal PartialLoss = 1m;

    /// <param name="weightChangeKg">Negative when weight went down; missing answers achieve nothing.</param>
    public static BodyMeasureResult Classify(decimal? weightChangeKg, decimal? waistChangeCm)
    {
        if (weightChangeKg is not { } weight || waistChangeCm is not { } waist) return BodyMeasureResult.NotAchieved;
        if (-weight >= SuccessLoss && -waist >= SuccessLoss) return BodyMeasureResult.Success;
        return -weight >= PartialLoss && -waist >= PartialLoss ? BodyMeasureResult.Partial : BodyMeasureResult.NotAchieved;
    }
}
