using System.Globalization;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// Builds a realistic, fictional set of Japanese client organisations. Pure: the same seed, size and
/// dates give the same set, so tests and benchmarks can rely on it.
/// </summary>
public sealed class DemoDataGenerator
{
    public const int DefaultSeed = 20261123;

    public static readonly IReadOnlyList<DemoStaff> Staff =
    [
        new("demo.cs1", "佐藤 陽子（CS）", "demo.cs1@programops.example", Roles.ProgramCS),
        new("demo.cs2", "高橋 直樹（CS）", "demo.cs2@programops.example", Roles.ProgramCS),
        new("demo.cs3", "中村 美穂（CS）", "demo.cs3@programops.example", Roles.ProgramCS),
        new("demo.bizdev1", "田中 健一（BizDev）", "demo.bizdev1@programops.example", Roles.BizDev),
        new("demo.bizdev2", "伊藤 彩（BizDev）", "demo.bizdev2@programops.example", Roles.BizDev),
        new("demo.viewer", "山本 誠（閲覧）", "demo.viewer@programops.example", Roles.Viewer),
    ];

    private static readonly int[] CsOwners = IndexesOf(Roles.ProgramCS);
    private static readonly int[] BizDevOwners = IndexesOf(Roles.BizDev);

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly HashSet<string> _usedNames = [];
    private readonly List<DemoClient> _clients = [];

    private DemoDataGenerator(int seed, DateOnly today, DateTimeOffset now)
    {
        _random = new Random(seed);
        _today = today;
        _now = now;
    }

    /// <param name="clientCount">Exactly this many clients, members of health-insurance societies included.</param>
    /// <param name="today">The local date contract periods are spread around.</param>
    /// <param name="now">The instant creation and update times lie before.</param>
    public static DemoDataSet Generate(int clientCount, int seed, DateOnly today, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clientCount);
        var generator = new DemoDataGenerator(seed, today, now);
        generator.AddClients(clientCount);
        return new DemoDataSet(Staff, generator._clients);
    }

    private void AddClients(int clientCount)
    {
        while (_clients.Count < clientCount)
        {
            var stem = Pick(DemoNames.CompanyStems);
            if (Chance(0.15))
            {
                var societyIndex = _clients.Count;
                _clients.Add(Society(stem));
                var members = Math.Min(_random.Next(0, 4), clientCount - _clients.Count);
                for (var i = 0; i < members; i++) _clients.Add(Employer(stem, societyIndex));
            }
            else
            {
                _clients.Add(Employer(stem, parentIndex: null));
            }
        }
    }

    private DemoClient Employer(NamePart stem, int? parentIndex)
    {
        var (name, kana, romaji) = UniqueName(() =>
        {
            var qualifier = Chance(0.5) ? DemoNames.CompanyQualifiers[0] : Pick(DemoNames.CompanyQualifiers);
            var industry = Pick(DemoNames.Industries);
            var written = stem.Written + qualifier.Written + industry.Written;
            // The legal form is written before or after the name; the reading leaves it out, as registers do.
            var name = Chance(0.6) ? $"株式会社{written}" : $"{written}株式会社";
            return (name, stem.Kana + qualifier.Kana + industry.Kana, $"{stem.Romaji}{qualifier.Romaji}-{industry.Romaji}");
        });
        var enterprise = Chance(0.35);
        var population = enterprise ? LogUniform(1_000, 60_000) : LogUniform(30, 999);
        return Client(name, kana, romaji, "Employer", enterprise, population, parentIndex);
    }

    private DemoClient Society(NamePart stem)
    {
        var (name, kana, romaji) = UniqueName(() =>
        {
            var middle = Chance(0.5) ? new NamePart("グループ", "グループ", "group") : Pick(DemoNames.Industries);
            var qualifier = Chance(0.7) ? DemoNames.CompanyQualifiers[0] : Pick(DemoNames.CompanyQualifiers);
            return ($"{stem.Written}{qualifier.Written}{middle.Written}健康保険組合",
                $"{stem.Kana}{qualifier.Kana}{middle.Kana}ケンコウホケンクミアイ",
                $"{stem.Romaji}{qualifier.Romaji}-{middle.Romaji}-kenpo");
        });
        var population = LogUniform(3_000, 150_000);
        return Client(name, kana, romaji, "HealthInsuranceSociety", enterprise: true, population, parentIndex: null);
    }

    private DemoClient Client(string name, string kana, string romaji, string kind, bool enterprise, int population, int? parentIndex)
    {
        var (csType, csStyle, touch) = enterprise
            ? (Pick(["Onboarding", "AccompanyUpsell", "AccompanyRoi"]), Pick(["Consulting", "ProjectManagement", "TaskManagement"]), Pick(["High", "High", "Low"]))
            : (Pick(["MidTouch", "MidTouch", "Onboarding"]), Pick(["RequiredAction", "RequiredAction", "TaskManagement"]), Pick(["Tech", "Tech", "Low"]));
        var lifecycle = PickLifecycle();
        var updatedAt = _now.AddMinutes(-_random.Next(0, 180 * 24 * 60));
        var createdAt = updatedAt.AddDays(-_random.Next(0, 720));
        return new DemoClient(
            name, kana, kind, enterprise ? "Enterprise" : "Smb", population, csType, csStyle, touch,
            CsOwnerIndex: enterprise || Chance(0.6) ? Pick(CsOwners) : null,
            BizDevOwnerIndex: Chance(0.8) ? Pick(BizDevOwners) : null,
            parentIndex,
            Notes: Chance(0.3) ? Pick(DemoNames.Notes) : null,
            lifecycle, createdAt, updatedAt,
            KeyPersons(kind, romaji),
            Contracts(lifecycle, population));
    }

    private (string Name, string Kana, string Romaji) UniqueName(Func<(string Name, string Kana, string Romaji)> compose)
    {
        // Retries keep names distinct while the vocabulary has room; past that a branch number does.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = compose();
            if (_usedNames.Add(candidate.Name)) return candidate;
        }

        var (name, kana, romaji) = compose();
        for (var branch = 2; ; branch++)
        {
            var numbered = $"{name}（{branch}）";
            if (_usedNames.Add(numbered)) return (numbered, kana, $"{romaji}{branch}");
        }
    }

    private DemoLifecycle PickLifecycle() => _random.NextDouble() switch
    {
        < 0.20 => DemoLifecycle.Prospect,
        < 0.65 => DemoLifecycle.Customer,
        < 0.85 => DemoLifecycle.Renewing,
        _ => DemoLifecycle.Churned,
    };

    private List<DemoKeyPerson> KeyPersons(string kind, string romaji)
    {
        var domain = $"{romaji}.example.jp";
        var count = _random.Next(1, 4);
        var people = new List<DemoKeyPerson>(count);
        for (var i = 0; i < count; i++)
        {
            var role = i == 0 ? "DecisionMaker" : Pick(["HealthContact", "HealthContact", "Champion", "Other"]);
            var title = role switch
            {
                "DecisionMaker" => Pick(kind == "HealthInsuranceSociety" ? DemoNames.SocietyDecisionMakerTitles : DemoNames.EmployerDecisionMakerTitles),
                "HealthContact" => Pick(DemoNames.HealthContactTitles),
                "Champion" => Pick(DemoNames.ChampionTitles),
                _ => Pick(DemoNames.OtherTitles),
            };
            var surname = Pick(DemoNames.Surnames);
            var given = Pick(DemoNames.GivenNames);
            var areaCode = Pick(DemoNames.AreaCodes);
            var localDigits = 10 - areaCode.Length;
            var local = _random.Next(0, (int)Math.Pow(10, localDigits)).ToString(new string('0', localDigits), CultureInfo.InvariantCulture);
            var split = localDigits - 4;
            people.Add(new DemoKeyPerson(
                $"{surname.Written} {given.Written}",
                title,
                role,
                $"{given.Romaji}.{surname.Romaji}@{domain}",
                $"{areaCode}-{local[..split]}-{local[split..]}"));
        }

        return people;
    }

    private List<DemoContract> Contracts(DemoLifecycle lifecycle, int population)
    {
        var contracts = new List<DemoContract>(3);
        switch (lifecycle)
        {
            case DemoLifecycle.Prospect:
                if (Chance(0.5)) contracts.Add(Contract(_today.AddDays(_random.Next(14, 120)), "Draft", population));
                break;
            case DemoLifecycle.Customer:
                var currentStart = _today.AddDays(-_random.Next(1, 270));
                if (Chance(0.4)) contracts.Add(Contract(currentStart.AddYears(-1), "Ended", population));
                contracts.Add(Contract(currentStart, "Active", population));
                break;
            case DemoLifecycle.Renewing:
                // Ends within the next 90 days; a draft for the next term is often already on the table.
                var renewingStart = _today.AddDays(_random.Next(0, 90)).AddYears(-1).AddDays(1);
                if (Chance(0.3)) contracts.Add(Contract(renewingStart.AddYears(-1), "Ended", population));
                contracts.Add(Contract(renewingStart, "Active", population));
                if (Chance(0.5)) contracts.Add(Contract(renewingStart.AddYears(1), "Draft", population));
                break;
            case DemoLifecycle.Churned:
                var lastStart = _today.AddDays(-_random.Next(380, 900));
                if (Chance(0.3)) contracts.Add(Contract(lastStart.AddYears(-1), "Ended", population));
                contracts.Add(Contract(lastStart, Chance(0.6) ? "Ended" : "Cancelled", population));
                break;
        }

        return contracts;
    }

    private DemoContract Contract(DateOnly start, string status, int population)
    {
        // Contracts run a year; a share of the eligible population takes part.
        var seats = Math.Max(5, (int)(population * (0.01 + _random.NextDouble() * 0.09)));
        var price = 1_000 * _random.Next(30, 81);
        // The eligible population is the client's smokers (about 18% of its people), given a month before the start; a
        // third of contracts (by price, so the data set's other draws stay as they were) pay per success besides.
        var eligible = Math.Max(seats, population * 18 / 100);
        var paysForResults = price % 3_000 == 0;
        return new DemoContract(Pick(DemoNames.Programs), seats, price, start, start.AddYears(1).AddDays(-1), Chance(0.5), status,
            eligible, start.AddMonths(-1), paysForResults ? price / 2 : null, paysForResults ? price / 4 : null);
    }

    private int LogUniform(int min, int max) =>
        (int)Math.Round(Math.Exp(Math.Log(min) + _random.NextDouble() * (Math.Log(max) - Math.Log(min))));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static int[] IndexesOf(string role) =>
        Enumerable.Range(0, Staff.Count).Where(i => Staff[i].Role == role).ToArray();
}
