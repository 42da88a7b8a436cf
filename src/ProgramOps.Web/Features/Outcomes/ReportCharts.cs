using ScottPlot;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// The report's charts, drawn on the server as SVG with ScottPlot: labels are SVG text, so the browser's fonts draw the
/// Japanese and chromium's print-to-PDF keeps them as text. Each chart is printed with its data table beside it.
/// </summary>
public static class ReportCharts
{
    private const int Width = 640;
    private const int Height = 260;

    /// <summary>Horizontal bars, one per labelled value, top to bottom.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> bars, string valueAxis)
    {
        var plot = NewPlot();
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)(bars.Count - 1 - i)).ToArray();
        var barPlot = plot.Add.Bars(positions, [.. bars.Select(b => b.Value)]);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, [.. bars.Select(b => b.Label)]);
        plot.Axes.Bottom.Label.Text = valueAxis;
        plot.Axes.Margins(left: 0, right: 0.1);
        return Svg(plot);
    }

    /// <summary>Vertical bars over 0–10 answers.</summary>
    public static string Distribution(IReadOnlyList<(int Score, double Count)> counts, string valueAxis)
    {
        var plot = NewPlot();
        plot.Add.Bars([.. counts.Select(c => (double)c.Score)], [.. counts.Select(c => c.Count)]);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, 11).Select(i => (double)i)], [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Left.Label.Text = valueAxis;
        plot.Axes.Margins(bottom: 0);
        return Svg(plot);
    }

    /// <summary>Shares (0–1) per program week as lines in percent, one line per series.</summary>
    public static string Weekly(IReadOnlyList<(string Name, IReadOnlyList<(int Week, double Share)> Points)> series, string weekAxis)
    {
        var plot = NewPlot();
        foreach (var (name, points) in series.Where(s => s.Points.Count > 0))
        {
            var line = plot.Add.Scatter(points.Select(p => (double)p.Week).ToArray(), points.Select(p => p.Share * 100).ToArray());
            line.LegendText = name;
        }

        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Bottom.Label.Text = weekAxis;
        plot.Axes.Left.Label.Text = "%";
        plot.ShowLegend(Alignment.LowerLeft);
        return Svg(plot);
    }

    /// <summary>A Kaplan–Meier curve: the share still in the program, stepping down at the end of each span.</summary>
    public static string Survival(IReadOnlyList<SurvivalStep> steps, string weekAxis)
    {
        var plot = NewPlot();
        var xs = new List<double> { 0 };
        var ys = new List<double> { 100 };
        foreach (var step in steps)
        {
            xs.Add(step.ToWeek);
            ys.Add(step.Surviving * 100);
        }

        var curve = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        curve.ConnectStyle = ConnectStyle.StepHorizontal;
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Bottom.Label.Text = weekAxis;
        plot.Axes.Left.Label.Text = "%";
        return Svg(plot);
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Automatic();
        return plot;
    }

    private static string Svg(Plot plot)
    {
        var svg = plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
