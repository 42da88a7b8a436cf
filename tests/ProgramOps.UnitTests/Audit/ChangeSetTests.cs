using ProgramOps.Web.Infrastructure.Audit;

namespace ProgramOps.UnitTests.Audit;

public sealed class ChangeSetTests
{
    private sealed record Contract(string ProgramName, int Seats, decimal PricePerSeat, DateOnly EndDate, DateTimeOffset SignedAt, string? Notes);

    private static readonly Contract Original = new(
        "Quit Smoking 2026", 120, 1500.5m, new DateOnly(2027, 3, 31), new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(9)), null);

    [Fact]
    public void Created_lists_every_field_with_a_value_and_no_before()
    {
        var changes = ChangeSet.Between(null, Original);

        Assert.Equal(["EndDate", "PricePerSeat", "ProgramName", "Seats", "SignedAt"], changes.Keys);
        Assert.All(changes.Values, change => Assert.Null(change.Before));
        Assert.Equal("Quit Smoking 2026", changes["ProgramName"].After);
    }

    [Fact]
    public void Only_changed_fields_are_listed()
    {
        var changes = ChangeSet.Between(Original, Original with { Seats = 150, Notes = "renewal agreed" });

        Assert.Equal(["Notes", "Seats"], changes.Keys);
        Assert.Equal(new FieldChange("120", "150"), changes["Seats"]);
        Assert.Equal(new FieldChange(null, "renewal agreed"), changes["Notes"]);
    }

    [Fact]
    public void Unchanged_record_gives_no_changes()
    {
        Assert.Empty(ChangeSet.Between(Original, Original with { }));
    }

    [Fact]
    public void Dates_and_numbers_are_formatted_invariantly_whatever_the_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var changes = ChangeSet.Between(null, Original);

            Assert.Equal("2027-03-31", changes["EndDate"].After);
            Assert.Equal("2026-04-01T00:30:00.0000000+00:00", changes["SignedAt"].After);
            Assert.Equal("1500.5", changes["PricePerSeat"].After);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Changes_survive_the_json_round_trip()
    {
        var changes = ChangeSet.Between(Original, Original with { Seats = 150 });

        var restored = ChangeSet.FromJson(ChangeSet.ToJson(changes));

        Assert.Equal(changes, restored);
        Assert.Empty(ChangeSet.FromJson(null));
    }

    private sealed record WithRoles(List<string> Roles);

    [Fact]
    public void Lists_are_recorded_as_their_items()
    {
        var changes = ChangeSet.Between(new WithRoles(["Viewer"]), new WithRoles(["BizDev", "ProgramCS"]));

        Assert.Equal(new FieldChange("Viewer", "BizDev, ProgramCS"), changes["Roles"]);
    }
}
