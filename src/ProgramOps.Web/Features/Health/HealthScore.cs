namespace ProgramOps.Web.Features.Health;

/// <summary>One signal's part of a score: its value (null when unknown), weight, score 0–1 and the points it adds.</summary>
public sealed record SignalPart(HealthSignal Signal, double? Value, int Weight, double? Score, double Points)
{
    /// <summary>Points lost against full marks: what pulls the account down most.</summary>
    public double Shortfall(double totalWeight) => Score is { } s && totalWeight > 0 ? (1 - s) * Weight * 100 / totalWeight : 0;
}

public enum HealthBand
{
    Healthy,
    Watch,
    AtRisk,
}

/// <summary>
/// An account's health, 0–100: the weighted mean of its known signals' scores (a signal with no value is left out and
/// the others' weights fill its place), so each signal's points (weight × score × 100 ÷ the known signals' weights) add up
/// to the score. Below <see cref="AtRiskBelow"/> an account is at risk; below <see cref="WatchBelow"/> it is watched.
/// </summary>
public sealed record HealthScore(int Score, IReadOnlyList<SignalPart> Parts)
{
    public const int AtRiskBelow = 50;
    public const int WatchBelow = 70;

    public HealthBand Band => BandOf(Score);

    public static HealthBand BandOf(int score) => score < AtRiskBelow ? HealthBand.AtRisk : score < WatchBelow ? HealthBand.Watch : HealthBand.Healthy;

    /// <summary>Null when no weighted signal has a value: nothing is known about the account yet.</summary>
    public static HealthScore? Of(IReadOnlyDictionary<HealthSignal, double?> values, IReadOnlyDictionary<HealthSignal, int> weights)
    {
        var known = Enum.GetValues<HealthSignal>().Where(s => values.GetValueOrDefault(s) is not null && weights.GetValueOrDefault(s) > 0).ToList();
        double total = known.Sum(s => weights[s]);
        if (total == 0) return null;
        var parts = Enum.GetValues<HealthSignal>().Select(signal =>
        {
            var value = values.GetValueOrDefault(signal);
            var weight = weights.GetValueOrDefault(signal);
            if (value is not { } v || weight == 0) return new SignalPart(signal, value, weight, null, 0);
            var score = SignalScoring.Score(signal, v);
            return new SignalPart(signal, v, weight, score, score * weight * 100 / total);
        }).ToList();
        return new HealthScore((int)Math.Round(parts.Sum(p => p.Points), MidpointRounding.AwayFromZero), parts);
    }

    /// <summary>The signal that costs the most points, for the at-risk list.</summary>
    public HealthSignal? Weakest()
    {
        double total = Parts.Where(p => p.Score is not null).Sum(p => p.Weight);
        var weakest = Parts.Where(p => p.Score is not null).MaxBy(p => p.Shortfall(total));
        return weakest is { } w && w.Shortfall(total) > 0 ? w.Signal : null;
    }
}
