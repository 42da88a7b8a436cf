using ProgramOps.Web.Features.Demo;

namespace ProgramOps.UnitTests.Demo;

public sealed class DemoDataGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    private static DemoDataSet Generate(int clients, int seed = 7) => DemoDataGenerator.Generate(clients, seed, Today, Now);

    [Fact]
    public void The_same_seed_gives_the_same_set_and_another_seed_a_different_one()
    {
        var first = Generate(200);
        var again = Generate(200);
        var other = Generate(200, seed: 8);

        Assert.Equal(Describe(first), Describe(again));
        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(2_000)]
    public void Generates_exactly_the_requested_number_of_clients_with_distinct_names(int count)
    {
        var clients = Generate(count).Clients;

        Assert.Equal(count, clients.Count);
        Assert.Equal(count, clients.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Readings_are_katakana_only()
    {
        foreach (var client in Generate(500).Clients)
        {
            Assert.All(client.NameKana, ch => Assert.True(IsKatakana(ch), $"'{ch}' in {client.NameKana} ({client.Name}) is not katakana"));
        }
    }

    [Fact]
    public void Values_fit_the_schema()
    {
        var set = Generate(500);
        foreach (var client in set.Clients)
        {
            Assert.Contains(client.Kind, new[] { "Employer", "HealthInsuranceSociety" });
            Assert.Contains(client.Segment, new[] { "Enterprise", "Smb" });
            Assert.Contains(client.CsType, new[] { "Onboarding", "AccompanyUpsell", "AccompanyRoi", "MidTouch" });
            Assert.Contains(client.CsStyle, new[] { "Consulting", "ProjectManagement", "TaskManagement", "RequiredAction" });
            Assert.Contains(client.TouchModel, new[] { "High", "Low", "Tech" });
            Assert.True(client.EligiblePopulation > 0);
            Assert.True(client.CreatedAt <= client.UpdatedAt && client.UpdatedAt <= Now);
            Assert.InRange(client.KeyPersons.Count, 1, 3);
            Assert.InRange(client.Contracts.Count, 0, 3);
            Assert.All(client.KeyPersons, person =>
            {
                Assert.Contains(person.Role, new[] { "DecisionMaker", "HealthContact", "Champion", "Other" });
                Assert.Matches(@"^[a-z]+\.[a-z]+@[a-z0-9-]+\.example\.jp$", person.Email);
                Assert.Matches(@"^0\d{1,3}-\d{2,4}-\d{4}$", person.Phone);
                Assert.Equal(12, person.Phone.Length);
            });
            if (client.CsOwnerIndex is { } cs) Assert.Equal("ProgramCS", set.Staff[cs].Role);
            if (client.BizDevOwnerIndex is { } bizDev) Assert.Equal("BizDev", set.Staff[bizDev].Role);
        }
    }

    [Fact]
    public void Contracts_run_forwards_with_seats_and_a_price()
    {
        foreach (var contract in Generate(500).Clients.SelectMany(c => c.Contracts))
        {
            Assert.True(contract.StartDate < contract.EndDate, $"{contract.StartDate} .. {contract.EndDate}");
            Assert.True(contract.Seats > 0);
            Assert.InRange(contract.PricePerSeatJpy, 30_000, 80_000);
            Assert.Contains(contract.ProgramName, DemoNames.Programs);
        }
    }

    [Fact]
    public void Contract_statuses_match_the_dates_around_today()
    {
        foreach (var contract in Generate(500).Clients.SelectMany(c => c.Contracts))
        {
            switch (contract.Status)
            {
                case "Active": Assert.InRange(Today, contract.StartDate, contract.EndDate); break;
                case "Ended": Assert.True(contract.EndDate < Today); break;
                case "Draft": Assert.True(contract.StartDate > Today); break;
                case "Cancelled": Assert.True(contract.StartDate < Today); break;
                default: Assert.Fail($"Unknown status {contract.Status}"); break;
            }
        }
    }

    [Fact]
    public void Two_hundred_clients_show_every_contract_status_and_every_lifecycle_stage()
    {
        var clients = Generate(200).Clients;

        Assert.Equal(
            new[] { "Active", "Cancelled", "Draft", "Ended" },
            clients.SelectMany(c => c.Contracts).Select(c => c.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<DemoLifecycle>(), clients.Select(c => c.Lifecycle).Distinct().Order());
    }

    [Fact]
    public void Renewing_clients_have_an_active_contract_ending_within_90_days_and_customers_a_later_one()
    {
        foreach (var client in Generate(500).Clients)
        {
            var activeEnd = client.Contracts.Where(c => c.Status == "Active").Select(c => (DateOnly?)c.EndDate).SingleOrDefault();
            switch (client.Lifecycle)
            {
                case DemoLifecycle.Renewing: Assert.InRange(activeEnd!.Value, Today, Today.AddDays(89)); break;
                case DemoLifecycle.Customer: Assert.True(activeEnd > Today.AddDays(90)); break;
                default: Assert.Null(activeEnd); break;
            }
        }
    }

    [Fact]
    public void Societies_parent_only_employers_listed_after_them()
    {
        var clients = Generate(1_000).Clients;
        var members = clients.Select((client, index) => (client, index)).Where(x => x.client.ParentIndex is not null).ToList();

        Assert.NotEmpty(members);
        Assert.Contains(clients, c => c.Kind == "HealthInsuranceSociety" && c.Name.EndsWith("健康保険組合", StringComparison.Ordinal));
        Assert.All(members, member =>
        {
            Assert.True(member.client.ParentIndex < member.index);
            Assert.Equal("HealthInsuranceSociety", clients[member.client.ParentIndex!.Value].Kind);
            Assert.Equal("Employer", member.client.Kind);
        });
    }

    private static bool IsKatakana(char ch) => ch is >= '\u30A1' and <= '\u30FA' or 'ー';

    private static string Describe(DemoDataSet set) => string.Join("\n", set.Clients.Select(c =>
        $"{c} | {string.Join(";", c.KeyPersons)} | {string.Join(";", c.Contracts)}"));
}
