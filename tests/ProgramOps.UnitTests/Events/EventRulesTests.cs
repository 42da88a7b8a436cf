using System.Text;
using System.Text.Json;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.UnitTests.Events;

public sealed class EventRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 3, 0, 0, TimeSpan.Zero);

    private static IncomingEvent Incoming(string type, string? data, string participant = "abcd-efgh-jkmn") =>
        new("e-1", type, participant, Now.AddMinutes(-5), data is null ? null : JsonDocument.Parse(data).RootElement);

    [Fact]
    public void A_check_in_is_read_with_its_fields_and_the_code_in_canonical_form()
    {
        var (e, reason) = EventReader.Read(Incoming("check_in", """{"smoked": false, "cravings": 4, "note": "ガムで我慢"}"""), Now);

        Assert.Null(reason);
        Assert.Equal("ABCDEFGHJKMN", e!.InvitationCode);
        Assert.Equal(new CheckIn(false, 4, "ガムで我慢"), e.Data);
    }

    [Theory]
    [InlineData("check_in", null, "data is required for check_in")]
    [InlineData("check_in", """{"smoked": false, "cravings": -1}""", "cravings must be 0 to 10")]
    [InlineData("check_in", """{"smoked": "sometimes", "cravings": 1}""", "data is not valid for check_in")]
    [InlineData("check_in", """{"smoked": false, "cravings": 1, "mood": "ok"}""", "data is not valid for check_in")]
    [InlineData("measurement", "{}", "measurement needs weightKg, waistCm or steps")]
    [InlineData("satisfaction", """{"score": 11}""", "score must be 0 to 10")]
    [InlineData("sleep", "{}", "type must be one of")]
    public void Bad_events_are_rejected_saying_what_is_wrong(string type, string? data, string expected)
    {
        var (e, reason) = EventReader.Read(Incoming(type, data), Now);

        Assert.Null(e);
        Assert.StartsWith(expected, reason);
    }

    [Fact]
    public void Events_from_the_future_and_without_a_participant_code_are_rejected()
    {
        Assert.Equal("occurredAt is in the future", EventReader.Read(Incoming("app_linked", null) with { OccurredAt = Now.AddHours(1) }, Now).Reason);
        Assert.Equal("participant must be the participant's invitation code", EventReader.Read(Incoming("app_linked", null, participant: "123"), Now).Reason);
    }

    [Theory]
    [InlineData(7, null, false, null, ParticipantOutcome.Succeeded)]
    [InlineData(6, null, false, null, ParticipantOutcome.NotSucceeded)]
    [InlineData(30, 8.0, true, 10, ParticipantOutcome.Succeeded)]
    [InlineData(30, 12.0, true, 10, ParticipantOutcome.NotSucceeded)]
    public void Abstinence_succeeds_after_enough_days_and_under_the_CO_limit_when_verified(
        int days, double? co, bool verified, int? maxCo, ParticipantOutcome expected)
    {
        var (outcome, missing) = SuccessEvaluation.Decide(new SelfReportedAbstinence(7, verified, maxCo), new FinalAssessment(days, (decimal?)co, null, null, null));

        Assert.Null(missing);
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void A_criterion_says_which_answer_it_lacks()
    {
        Assert.Equal("coPpm", SuccessEvaluation.Decide(new SelfReportedAbstinence(7, true, 10), new FinalAssessment(30, null, null, null, null)).Missing);
        Assert.Equal("averageDailySteps", SuccessEvaluation.Decide(new AverageDailySteps(8000), new FinalAssessment(null, null, null, null, null)).Missing);
    }

    [Fact]
    public void Weight_programs_succeed_only_on_both_losses_as_in_specific_health_guidance()
    {
        var rule = new BodyMeasureChange(2, 2);

        Assert.Equal(ParticipantOutcome.Succeeded, SuccessEvaluation.Decide(rule, new FinalAssessment(null, null, -2.1m, -2.0m, null)).Outcome);
        Assert.Equal(ParticipantOutcome.NotSucceeded, SuccessEvaluation.Decide(rule, new FinalAssessment(null, null, -2.1m, -0.5m, null)).Outcome);
        Assert.Equal(ParticipantOutcome.NotSucceeded, SuccessEvaluation.Decide(rule, new FinalAssessment(null, null, -1.0m, -1.0m, null)).Outcome);
        Assert.Equal("weightChangeKg", SuccessEvaluation.Decide(rule, new FinalAssessment(null, null, null, -2.0m, null)).Missing);
        Assert.Equal("waistChangeCm", SuccessEvaluation.Decide(rule, new FinalAssessment(null, null, -2.0m, null, null)).Missing);
    }

    [Fact]
    public void The_signature_covers_timestamp_and_body_and_stale_timestamps_are_not_fresh()
    {
        var secret = Encoding.UTF8.GetBytes("secret");
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        var signature = RequestSignature.Compute(secret, "1800000000", body);

        Assert.True(RequestSignature.Matches(secret, "1800000000", body, signature));
        Assert.False(RequestSignature.Matches(secret, "1800000001", body, signature));
        Assert.False(RequestSignature.Matches(secret, "1800000000", Encoding.UTF8.GetBytes("""{"events":[{}]}"""), signature));
        Assert.True(RequestSignature.IsFresh(Now.AddMinutes(-4).ToUnixTimeSeconds().ToString(), Now));
        Assert.False(RequestSignature.IsFresh(Now.AddMinutes(-6).ToUnixTimeSeconds().ToString(), Now));
        Assert.False(RequestSignature.IsFresh("yesterday", Now));
    }
}
