namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// NPS from 0–10 satisfaction answers: the share of promoters (9–10) minus the share of detractors (0–6), in points
/// from −100 to +100.
/// </summary>
public sealed record NetPromoterScore(IReadOnlyList<int> Distribution)
{
    public const int Scores = 11;

    public static NetPromoterScore From(IEnumerable<(int Score, int Count)> answers)
    {
        var distribution = new int[Scores];
        foreach (var (score, count) in answers)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(score);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(score, Scores - 1);
            distribution[score] += count;
        }

        return new NetPromoterScore(distribution);
    }

    public int Respondents => Distribution.Sum();
    public int Promoters => Distribution[9] + Distribution[10];
    public int Passives => Distribution[7] + Distribution[8];
    public int Detractors => Distribution.Take(7).Sum();

    /// <summary>Null when nobody answered: a score of 0 would claim a balance nobody expressed.</summary>
    public double? Score => Respondents == 0 ? null : 100.0 * (Promoters - Detractors) / Respondents;
}
