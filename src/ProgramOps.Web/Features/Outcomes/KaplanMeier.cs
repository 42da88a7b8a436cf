namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// How many of the participants at risk left the program in one span of program weeks: <paramref name="DroppedOut"/>
/// is the event; <paramref name="Censored"/> left for another reason (completed, withdrew, or are still in it when
/// the report is drawn) and tell nothing about dropping out after that.
/// </summary>
public sealed record WeekExits(int FromWeek, int ToWeek, int DroppedOut, int Censored)
{
    public int Left => DroppedOut + Censored;
}

/// <summary>One step of the curve: who was at risk when the span began, who dropped out in it, and the share still in.</summary>
public sealed record SurvivalStep(int FromWeek, int ToWeek, int AtRisk, int DroppedOut, int Censored, double Surviving);

/// <summary>
/// Kaplan–Meier estimate of time to drop-out: S(t) = Π (1 − dᵢ/nᵢ) over the spans up to t, where nᵢ counts everyone
/// still at risk when span i begins (those censored in a span are at risk in it). Completers and withdrawals are
/// censored, not counted as drop-outs.
/// </summary>
public static class KaplanMeier
{
    /// <param name="total">Everyone at risk at the start (the enrolled participants).</param>
    /// <param name="exits">The spans in week order, each person leaving in at most one.</param>
    public static IReadOnlyList<SurvivalStep> Estimate(int total, IReadOnlyList<WeekExits> exits)
    {
        var steps = new List<SurvivalStep>(exits.Count);
        var atRisk = total;
        var surviving = 1.0;
        foreach (var span in exits)
        {
            if (span.Left > atRisk) throw new ArgumentException($"Weeks {span.FromWeek}–{span.ToWeek}: {span.Left} left but only {atRisk} were at risk.", nameof(exits));
            if (atRisk > 0) surviving *= 1 - (double)span.DroppedOut / atRisk;
            steps.Add(new SurvivalStep(span.FromWeek, span.ToWeek, atRisk, span.DroppedOut, span.Censored, surviving));
            atRisk -= span.Left;
        }

        return steps;
    }

    /// <summary>
    /// Merges consecutive weeks until each span has 0 or at least <paramref name="k"/> drop-outs and 0 or at least k
    /// censored, so neither the curve's steps nor the at-risk numbers under it single out a group smaller than k.
    /// A short remainder at the end joins the span before it.
    /// </summary>
    public static IReadOnlyList<WeekExits> Coarsen(IReadOnlyList<WeekExits> weeks, int k)
    {
        var spans = new List<WeekExits>();
        WeekExits? open = null;
        foreach (var week in weeks)
        {
            open = open is null ? week : open with { ToWeek = week.ToWeek, DroppedOut = open.DroppedOut + week.DroppedOut, Censored = open.Censored + week.Censored };
            if (Settled(open, k))
            {
                spans.Add(open);
                open = null;
            }
        }

        if (open is not null)
        {
            if (spans.Count > 0 && open.Left > 0)
            {
                var last = spans[^1];
                spans[^1] = last with { ToWeek = open.ToWeek, DroppedOut = last.DroppedOut + open.DroppedOut, Censored = last.Censored + open.Censored };
            }
            else
            {
                spans.Add(open);
            }
        }

        return spans;
    }

    private static bool Settled(WeekExits span, int k) =>
        (span.DroppedOut == 0 || span.DroppedOut >= k) && (span.Censored == 0 || span.Censored >= k);
}
