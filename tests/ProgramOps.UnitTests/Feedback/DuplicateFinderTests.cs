using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

public sealed class DuplicateFinderTests
{
    private static DuplicateCandidate Open(int id, string title, string description = "") => new() { Id = id, Title = title, Description = description };

    [Fact]
    public void A_report_of_the_same_problem_typed_differently_is_found_first()
    {
        var item = new FeedbackFacts { Title = "ﾁｪｯｸｲﾝのﾘﾏｲﾝﾀﾞｰが夜中に届く", Description = "深夜0時に通知が鳴る" };

        var matches = DuplicateFinder.Find(item, [
            Open(1, "ニコチンガムが届かない", "開始日に間に合わない"),
            Open(2, "チェックインのリマインダーが深夜0時に届く", "夜中の0時に通知が鳴る"),
            Open(3, "月次レポートの書式", "健保の様式で"),
        ]);

        var match = Assert.Single(matches);
        Assert.Equal(2, match.Item.Id);
        Assert.InRange(match.Similarity, DuplicateFinder.Threshold, 1);
    }

    [Fact]
    public void Unrelated_items_are_not_offered()
    {
        var item = new FeedbackFacts { Title = "Invoice per cohort", Description = "Finance wants separate invoices" };

        Assert.Empty(DuplicateFinder.Find(item, [Open(1, "App crashes on Android", "Chat screen closes")]));
    }

    [Fact]
    public void Identical_text_is_fully_similar_and_empty_text_not_at_all()
    {
        Assert.Equal(1, DuplicateFinder.Similarity("gum arrived late", "gum arrived late"), 6);
        Assert.Equal(0, DuplicateFinder.Similarity("", "gum arrived late"));
    }

    [Fact]
    public void At_most_three_suggestions_most_similar_first()
    {
        var item = new FeedbackFacts { Title = "nicotine gum arrived late" };
        var candidates = Enumerable.Range(1, 5).Select(i => Open(i, "nicotine gum arrived late" + new string('!', i))).Reverse();

        var matches = DuplicateFinder.Find(item, candidates);

        Assert.Equal(DuplicateFinder.MaxSuggestions, matches.Count);
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
    }
}
