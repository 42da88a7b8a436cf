using System.Text.RegularExpressions;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Outcomes;

/// <summary>The charts are SVG with their labels as text, so screen readers, search and print-to-PDF keep them.</summary>
public sealed class ReportChartsTests
{
    [Fact]
    public void The_funnel_names_every_stage_on_its_axis()
    {
        var svg = ReportCharts.Bars([("招待", 30), ("参加（アプリ連携）", 28), ("成功", 12)], "人数");

        Assert.StartsWith("<svg", svg);
        Assert.Superset(new HashSet<string> { "招待", "参加（アプリ連携）", "成功", "人数" }, Texts(svg));
    }

    [Fact]
    public void The_interval_chart_names_every_row_and_draws_its_interval()
    {
        var svg = ReportCharts.Intervals([("A社 · 2026年春", new Rate(12, 28)), ("B社 · 2026年秋", new Rate(40, 60))], "%");

        Assert.Superset(new HashSet<string> { "A社 · 2026年春", "B社 · 2026年秋" }, Texts(svg));
        Assert.True(svg.Split("<line", StringSplitOptions.None).Length - 1 + (svg.Split("<path", StringSplitOptions.None).Length - 1) >= 2);
    }

    private static HashSet<string> Texts(string svg) =>
        [.. Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];
}
