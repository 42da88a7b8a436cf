using System.Xml.Linq;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

/// <summary>The rules a new installation starts with read in the user's language, though they are stored under one name.</summary>
public sealed class DefaultRuleNamesTests
{
    [Theory]
    [InlineData("FeedbackText.resx")]
    [InlineData("FeedbackText.ja.resx")]
    public void Every_default_rule_has_a_name_in_each_language(string resx)
    {
        var words = XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Features", "Feedback", resx)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

        var names = FeedbackSeed.DefaultRules.Select(r => r.Name).ToList();

        Assert.Equal(11, names.Count);
        Assert.All(names, name => Assert.True(words.ContainsKey($"DefaultRule.{name}"), $"{resx}: no DefaultRule.{name}"));
        if (resx.Contains(".ja.", StringComparison.Ordinal))
            Assert.All(names, name => Assert.DoesNotMatch("[A-Za-z]{3}", words[$"DefaultRule.{name}"]));
    }
}
