using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProgramOps.Web.Features.Events;

namespace ProgramOps.Web.Features.Demo;

/// <summary>How a demo participant's program goes.</summary>
public enum DemoFate
{
    /// <summary>Never links the app: the invitation expires at the end.</summary>
    NeverLinks,
    /// <summary>Asks staff to withdraw consent part-way.</summary>
    Withdraws,
    /// <summary>Stops checking in during weeks 2–4 and drops out.</summary>
    DropsOut,
    /// <summary>Goes quiet in the last days before the script ends: at risk, and no final answer.</summary>
    Fades,
    /// <summary>Takes part to the end and answers the final assessment.</summary>
    Answers,
}

/// <param name="Quits">Whether the final answer reports 7 or more days without smoking.</param>
/// <param name="WithdrawOn">The day staff record the withdrawal, if the participant withdraws before the script ends.</param>
public sealed record DemoParticipantScript(string InvitationCode, DemoFate Fate, bool Quits, DateOnly? LinkOn, DateOnly? WithdrawOn);

/// <summary>One thing a participant's app sends, on the local day it happens.</summary>
public sealed record DemoAppEvent(DateOnly Day, string Id, string Type, string InvitationCode, DateTimeOffset OccurredAt, object? Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The event as the base app posts it to <c>/api/v1/events</c>.</summary>
    public IncomingEvent ToIncoming() => new(Id, Type, InvitationCode, OccurredAt, Data is null ? null : JsonSerializer.SerializeToElement(Data, Json));
}

public sealed record DemoCohortScript(IReadOnlyList<DemoParticipantScript> Participants, IReadOnlyList<DemoAppEvent> Events);

/// <summary>
/// Writes what the base app sends for a smoking-cessation cohort, from the invitations to the final assessment (or
/// to <c>lastDay</c>, for a cohort still running): app links during enrolment, a quit day set once the first kit has
/// had time to arrive, daily check-ins (some with notes) whose smoking and cravings follow the quit day and any relapse,
/// weight logs, a few feedback messages, and at the end the final answers (some with a CO reading) and satisfaction.
/// The mix of fates is near the field's published figures (about half quit, intention to treat). Pure and seeded:
/// the same inputs give the same events, with the same ids.
/// </summary>
public static class DemoAppScript
{
    /// <summary>The program's length in days: the final assessment opens on the start day plus this.</summary>
    public const int ProgramDays = 84;

    /// <summary>Invitations go out with the roster, five weeks before the start; links stop when enrolment closes.</summary>
    public const int InvitedDaysBeforeStart = 35;
    public const int EnrolmentClosesDaysBeforeStart = 14;

    /// <summary>Kit exported the morning after the link, shipped the next day, delivered two days later: a day's margin on top.</summary>
    public const int QuitDayEventAfterLinkDays = 5;

    private static readonly int[] ScoresOfQuitters = [7, 8, 8, 9, 9, 10, 10, 10];
    private static readonly int[] ScoresOfOthers = [3, 5, 6, 6, 7, 7, 8, 9];

    private sealed record Span(DateOnly From, DateOnly Before)
    {
        public bool Contains(DateOnly day) => day >= From && day < Before;
    }

    /// <param name="lastDay">The last day whose events are written (yesterday, for a cohort still running).</param>
    public static DemoCohortScript Write(int seed, DateOnly start, DateOnly lastDay, TimeZoneInfo zone, IReadOnlyList<string> invitationCodes)
    {
        var random = new Random(seed);
        var participants = new List<DemoParticipantScript>(invitationCodes.Count);
        var events = new List<DemoAppEvent>();
        foreach (var code in invitationCodes)
        {
            var writer = new ParticipantWriter(random, start, lastDay, zone, code, events);
            participants.Add(writer.Write());
        }

        var linked = participants.Where(p => p.LinkOn is not null).ToList();
        foreach (var (text, i) in DemoAppTexts.Feedback.Select((text, i) => (text, i)))
        {
            // Spread over the program's first weeks, from people still taking part then.
            var day = start.AddDays(3 + (i * 5));
            var author = linked.Where(p => p.Fate is DemoFate.Answers or DemoFate.Fades).Skip(i * 3).FirstOrDefault();
            if (author is null || day > lastDay) continue;
            events.Add(Event(day, 12, i, "app_feedback", author.InvitationCode, zone, new { text }));
        }

        return new DemoCohortScript(participants, [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal)]);
    }

    private static DemoAppEvent Event(DateOnly day, int hour, int minute, string type, string code, TimeZoneInfo zone, object? data)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        var occurredAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return new DemoAppEvent(day, string.Create(CultureInfo.InvariantCulture, $"{code}-{day:yyyyMMdd}-{type}"), type, code, occurredAt, data);
    }

    private sealed class ParticipantWriter(Random random, DateOnly start, DateOnly lastDay, TimeZoneInfo zone, string code, List<DemoAppEvent> events)
    {
        public DemoParticipantScript Write()
        {
            var fate = PickFate();
            var quits = fate == DemoFate.Answers && random.NextDouble() < 0.62;
            if (fate == DemoFate.NeverLinks) return new DemoParticipantScript(code, fate, false, null, null);

            // Most link within the first ten days of the invitation, some near the enrolment deadline.
            var linkOn = start.AddDays(-InvitedDaysBeforeStart + (random.NextDouble() < 0.75 ? random.Next(0, 10) : random.Next(10, 21)));
            var quitDay = start.AddDays(random.Next(0, 7));
            var finalOn = start.AddDays(ProgramDays + random.Next(0, 6));
            var stopAfter = fate switch
            {
                DemoFate.DropsOut => start.AddDays(random.Next(7, 28)),
                DemoFate.Fades => lastDay.AddDays(-random.Next(4, 11)),
                DemoFate.Withdraws => start.AddDays(random.Next(10, 46)),
                _ => finalOn,
            };
            var withdrawOn = fate == DemoFate.Withdraws && stopAfter.AddDays(2) <= lastDay ? stopAfter.AddDays(2) : (DateOnly?)null;
            var smoking = Smoking(quitDay, quits, fate, finalOn);
            var engagement = fate == DemoFate.DropsOut ? 0.6 + (random.NextDouble() * 0.25) : 0.82 + (random.NextDouble() * 0.15);
            // A busy spell of a few days without check-ins: the engagement watch marks them at risk until they are back.
            var busy = random.NextDouble() < 0.25 ? Days(start.AddDays(random.Next(14, 70)), random.Next(3, 6)) : null;

            Add(linkOn, 12 + random.Next(0, 10), "app_linked", null);
            var quitEventOn = Max(linkOn.AddDays(QuitDayEventAfterLinkDays), start.AddDays(-10)).AddDays(random.Next(0, 5));
            Add(quitEventOn, 21, "quit_date_set", new { quitDate = quitDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

            var weighs = random.NextDouble() < 0.12;
            var weight = 55 + random.Next(0, 30);
            for (var day = start; day <= stopAfter && day <= lastDay; day = day.AddDays(1))
            {
                if (busy?.Contains(day) == true || (day != start && random.NextDouble() > engagement)) continue;
                var smoked = smoking.Any(s => s.Contains(day)) && (day < quitDay || random.NextDouble() < 0.7);
                var cravings = Cravings(day, quitDay, smoked);
                Add(day, 19 + random.Next(0, 4), "check_in", new { smoked, cravings, note = Note(day, quitDay, smoked, cravings) });
                if (smoking.FirstOrDefault(s => s.From > quitDay && s.From == day) is not null)
                    Add(day, 22, "relapse_reported", new { note = random.NextDouble() < 0.5 ? Pick(DemoAppTexts.RelapseNotes) : null });
                if (weighs && (day.DayNumber - start.DayNumber) % 7 == 1)
                    Add(day, 7, "measurement", new { weightKg = weight + Math.Round((day.DayNumber - quitDay.DayNumber) / 40m, 1) });
            }

            if (fate == DemoFate.Answers && finalOn <= lastDay)
            {
                var lastSmoked = smoking.Select(s => s.Before.AddDays(-1)).Where(d => d < finalOn).DefaultIfEmpty(quitDay.AddDays(-1)).Max();
                var abstinentDays = quits ? finalOn.DayNumber - lastSmoked.DayNumber - 1 : random.Next(0, 4);
                decimal? coPpm = random.NextDouble() < 0.35 ? (quits ? 2 + random.Next(0, 12) / 2m : 11 + random.Next(0, 20)) : null;
                Add(finalOn, 20, "final_assessment", new { abstinentDays, coPpm });
                Add(finalOn, 21, "satisfaction", new { score = Pick(quits ? ScoresOfQuitters : ScoresOfOthers) });
            }

            return new DemoParticipantScript(code, fate, quits, linkOn, withdrawOn);
        }

        private DemoFate PickFate() => random.NextDouble() switch
        {
            < 0.08 => DemoFate.NeverLinks,
            < 0.11 => DemoFate.Withdraws,
            < 0.23 => DemoFate.DropsOut,
            < 0.29 => DemoFate.Fades,
            _ => DemoFate.Answers,
        };

        /// <summary>The days the participant smokes: up to the quit day, then any relapse (back to smoking, or a lapse of a few days).</summary>
        private List<Span> Smoking(DateOnly quitDay, bool quits, DemoFate fate, DateOnly finalOn)
        {
            var spans = new List<Span> { new(start.AddDays(-InvitedDaysBeforeStart), quitDay) };
            var relapses = quits ? random.NextDouble() < 0.25 : random.NextDouble() < (fate == DemoFate.Answers ? 0.9 : 0.6);
            if (!relapses) return spans;
            var from = quitDay.AddDays(random.Next(7, quits ? 50 : 60));
            spans.Add(new Span(from, quits ? from.AddDays(random.Next(2, 8)) : finalOn.AddDays(1)));
            return spans;
        }

        private int Cravings(DateOnly day, DateOnly quitDay, bool smoked)
        {
            if (smoked || day < quitDay) return random.Next(5, 10);
            var weeksQuit = (day.DayNumber - quitDay.DayNumber) / 7;
            return Math.Clamp(8 - weeksQuit + random.Next(-2, 2), 0, 10);
        }

        private string? Note(DateOnly day, DateOnly quitDay, bool smoked, int cravings)
        {
            if (random.NextDouble() >= 0.12) return null;
            if (day < quitDay) return Pick(DemoAppTexts.NotesBeforeQuitDay);
            if (smoked) return Pick(DemoAppTexts.NotesSmoked);
            return Pick(cravings >= 6 ? DemoAppTexts.NotesHardDay : DemoAppTexts.NotesGoodDay);
        }

        private void Add(DateOnly day, int hour, string type, object? data)
        {
            if (day <= lastDay) events.Add(Event(day, hour, random.Next(0, 60), type, code, zone, data));
        }

        private static Span Days(DateOnly from, int count) => new(from, from.AddDays(count));

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];
    }
}
