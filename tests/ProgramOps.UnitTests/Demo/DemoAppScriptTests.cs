using System.Globalization;
using System.Text.Json;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Events;

namespace ProgramOps.UnitTests.Demo;

public sealed class DemoAppScriptTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateOnly Start = new(2026, 8, 10);
    private static readonly DateOnly End = Start.AddDays(DemoAppScript.ProgramDays + 7);

    private static IReadOnlyList<string> Codes(int count) => [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"DEMO{i:D8}"))];

    private static DemoCohortScript Write(int participants, int seed = 11, DateOnly? lastDay = null) =>
        DemoAppScript.Write(seed, Start, lastDay ?? End, Tokyo, Codes(participants));

    private static string Describe(DemoCohortScript script) =>
        string.Join("\n", script.Events.Select(e => $"{e.Id} {e.OccurredAt:O} {JsonSerializer.Serialize(e.ToIncoming().Data)}"));

    [Fact]
    public void The_same_seed_gives_the_same_events_with_the_same_ids_and_another_seed_others()
    {
        Assert.Equal(Describe(Write(60)), Describe(Write(60)));
        Assert.NotEqual(Describe(Write(60)), Describe(Write(60, seed: 12)));
    }

    [Fact]
    public void Every_event_is_one_the_events_api_accepts_with_an_id_of_its_own()
    {
        var script = Write(200);

        Assert.Equal(script.Events.Count, script.Events.Select(e => e.Id).Distinct().Count());
        foreach (var e in script.Events)
        {
            // Sent in the evening of its day, as the play-out sends them.
            var (parsed, reason) = EventReader.Read(e.ToIncoming(), new DateTimeOffset(e.Day.ToDateTime(new TimeOnly(23, 0)), TimeSpan.FromHours(9)));
            Assert.True(parsed is not null, $"{e.Id}: {reason}");
            Assert.Equal(e.Day, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.OccurredAt, Tokyo).DateTime));
        }

        Assert.Equal(EventReader.Types.Keys.Order(), script.Events.Select(e => e.Type).Distinct().Order());
    }

    [Fact]
    public void The_fates_are_near_the_fields_figures_about_half_of_those_who_linked_quit()
    {
        var participants = Write(2_000).Participants;
        var linked = participants.Count(p => p.Fate != DemoFate.NeverLinks);

        Assert.InRange(participants.Count(p => p.Fate == DemoFate.NeverLinks) / 2_000.0, 0.05, 0.11);
        Assert.InRange(participants.Count(p => p.Quits) / (double)linked, 0.43, 0.53);
        Assert.InRange(participants.Count(p => p.Fate == DemoFate.DropsOut) / (double)linked, 0.09, 0.17);
        Assert.InRange(participants.Count(p => p.Fate == DemoFate.Answers) / (double)linked, 0.70, 0.83);
        Assert.All(participants.Where(p => p.Quits), p => Assert.Equal(DemoFate.Answers, p.Fate));
    }

    [Fact]
    public void Links_come_during_enrolment_and_the_quit_day_once_the_first_kit_has_had_time_to_arrive()
    {
        var script = Write(300);
        var byCode = script.Events.ToLookup(e => e.InvitationCode);

        foreach (var participant in script.Participants.Where(p => p.LinkOn is not null))
        {
            var link = byCode[participant.InvitationCode].Single(e => e.Type == "app_linked");
            Assert.InRange(link.Day, Start.AddDays(-DemoAppScript.InvitedDaysBeforeStart), Start.AddDays(-DemoAppScript.EnrolmentClosesDaysBeforeStart - 1));
            var quit = byCode[participant.InvitationCode].Single(e => e.Type == "quit_date_set");
            Assert.True(quit.Day >= link.Day.AddDays(DemoAppScript.QuitDayEventAfterLinkDays));
            var quitDate = DateOnly.Parse(quit.ToIncoming().Data!.Value.GetProperty("quitDate").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(quitDate, Start, Start.AddDays(6));
        }

        Assert.All(script.Participants.Where(p => p.Fate == DemoFate.NeverLinks), p => Assert.Empty(byCode[p.InvitationCode]));
    }

    [Fact]
    public void Answers_come_in_the_final_week_and_nobody_sends_anything_after_withdrawing_or_after_the_last_day()
    {
        var script = Write(300);
        var byCode = script.Events.ToLookup(e => e.InvitationCode);

        foreach (var participant in script.Participants)
        {
            var events = byCode[participant.InvitationCode].ToList();
            var answers = events.Where(e => e.Type == "final_assessment").ToList();
            Assert.Equal(participant.Fate == DemoFate.Answers ? 1 : 0, answers.Count);
            foreach (var answer in answers)
            {
                Assert.InRange(answer.Day, Start.AddDays(DemoAppScript.ProgramDays), Start.AddDays(DemoAppScript.ProgramDays + 5));
                var abstinentDays = answer.ToIncoming().Data!.Value.GetProperty("abstinentDays").GetInt32();
                Assert.Equal(participant.Quits, abstinentDays >= 7);
                Assert.Single(events, e => e.Type == "satisfaction" && e.Day == answer.Day);
            }

            if (participant.WithdrawOn is { } withdrawn) Assert.DoesNotContain(events, e => e.Day >= withdrawn);
        }

        var running = Write(300, lastDay: Start.AddDays(30));
        Assert.DoesNotContain(running.Events, e => e.Day > Start.AddDays(30));
        Assert.DoesNotContain(running.Events, e => e.Type == "final_assessment");
    }
}
