using System.Globalization;

namespace BhhCompliance.SampleGenerator;

/// <summary>
/// Plans a statewide data set before any file is written: which agencies there are (LMHAs, and
/// affiliates under them), how the enrollees are split between them, how well each is run, and
/// how many service records each writes. Every agency is an ordinary <see cref="Scenario"/>,
/// built from one of four quality templates with its own variation.
/// </summary>
/// <remarks>
/// Stream 0 of the seed lays out the state (names, sizes, parents, qualities); agency n draws its
/// variation and its snapshot seed from stream n (SplitMix64.ForStream), so an agency's files do
/// not depend on how, or in what order, the others are generated.
/// </remarks>
internal static class StatewidePlan
{
    private const ulong LayoutStream = 0;

    // Indices into RatioRoles.
    private const int Nurse = 0;
    private const int Specialist = 1;
    private const int Peer = 2;
    private const int Transition = 3;
    private const int Admin = 4;

    /// <summary>The statewide PMPM rate (program.md); the committed samples use the same.</summary>
    private const decimal PmpmAmount = 296.40m;

    /// <summary>A review year: twelve full months ending on the as-of date.</summary>
    private static readonly DateOnly PeriodStart = new(2025, 10, 1);

    private static readonly DateOnly AsOf = new(2026, 9, 30);

    /// <summary>Fictional places that name the agencies; any likeness to a real agency is chance.</summary>
    private static readonly string[] Places =
    [
        "Cedar Hollow", "Granite Ridge", "Maple Falls", "Laurel Bay", "Birch Meadow", "Clearwater",
        "Pine Crest", "Willow Bend", "Heron Cove", "Kettle Pond", "Chestnut Grove", "Twin Rivers",
        "Alder Creek", "Red Mill", "Harbor Point", "Quarry Hill", "Fern Valley", "Oak Shore",
        "Silver Brook", "Hawk Ridge", "Mill Pond", "Tidewater", "Elm Crossing", "Stone Bridge",
        "Meadow Lake", "Juniper Hills", "Copper Valley", "Sycamore Bend", "Bayberry Coast", "Blue Spruce",
        "Wren Hollow", "Osprey Point", "Thistle Glen", "Beacon Valley", "Northgate", "Lark Meadow",
    ];

    private static readonly string[] LmhaNames = ["Services", "Mental Health Authority", "Behavioral Health", "Community Mental Health Center"];

    private static readonly string[] AffiliateNames =
        ["Community Counseling", "Family Services", "Recovery Center", "Counseling Associates", "Wellness Center", "Health Partners"];

    /// <summary>The roles with a caseload ratio (rules/10-staffing.yaml), in roster order.</summary>
    private static readonly (string Role, int Caseload, string Title)[] RatioRoles =
    [
        ("nurse-care-manager", 200, "nurse care manager"),
        ("bhh-specialist", 100, "BHH specialist"),
        ("peer-recovery-specialist", 50, "peer recovery specialist"),
        ("care-transition-coordinator", 300, "care transition coordinator"),
        ("admin-systems-specialist", 800, "administrative systems specialist"),
    ];

    private enum Quality
    {
        /// <summary>Clean apart from an occasional license renewal warning: certified.</summary>
        Exemplary,

        /// <summary>Warnings (staffing within tolerance, renewals due) and a few billing slips: certified under credentialing.</summary>
        Sound,

        /// <summary>One to three major credentialing failures: conditional.</summary>
        Strained,

        /// <summary>A core role with nobody in it (TEAM-MINIMUM, critical): not certified.</summary>
        Failing,
    }

    private enum Failure
    {
        ShortStaffed,
        Credential,
        PcBilled,
        PcHoursShort,
    }

    public static IReadOnlyList<StateAgency> Build(StatewideRequest request, string folder)
    {
        var shapes = Layout(request);
        var command = request.CommandFor(folder);
        var planned = new List<(Shape Shape, Scenario Scenario, ulong Seed, ServiceExpectation Expected)>(shapes.Count);
        foreach (var shape in shapes)
        {
            var random = SplitMix64.ForStream(request.Seed, (ulong)shape.Number);
            var seed = random.NextUInt64();
            var scenario = Design(request, shape, seed, random);
            var spans = Enrolment.Build(scenario, shape.Enrollees, SplitMix64.ForStream(seed, SnapshotGenerator.EnrolmentStream));
            planned.Add((shape, scenario, seed, ServiceStream.Expect(scenario, spans)));
        }

        // Services follow the enrolled months, so every agency has about the same density.
        var targets = Apportion(request.Services, [.. planned.Select(p => (long)p.Expected.EnrolleeMonths)]);
        return [.. planned.Select((p, i) =>
        {
            var scenario = p.Scenario with { BriefContacts = BriefContacts(targets[i], p.Expected) };
            var generation = new GenerationRequest(scenario, p.Seed, p.Shape.Enrollees)
            {
                State = new StateOrigin(p.Shape.Number, request.Agencies, request.Seed, command),
            };
            return new StateAgency(p.Shape.Number, scenario.Name, generation, scenario.Description, Expected(p.Shape.Quality), targets[i]);
        })];
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> by largest
    /// remainder (ties to the earlier item), so the parts add up to the total exactly.
    /// </summary>
    internal static long[] Apportion(long total, IReadOnlyList<long> weights)
    {
        var sum = weights.Sum();
        var parts = new long[weights.Count];
        if (sum == 0)
        {
            return parts;
        }

        var remainders = new (long Remainder, int Index)[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (Int128)total * weights[i];
            parts[i] = (long)(exact / sum);
            remainders[i] = ((long)(exact % sum), i);
        }

        var left = total - parts.Sum();
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)left))
        {
            parts[index]++;
        }

        return parts;
    }

    /// <summary>Brief contacts, in hundredths per month that takes them, that bring the expected services to the target.</summary>
    private static int BriefContacts(long target, ServiceExpectation expected)
    {
        if (expected.BriefContactMonths <= 0 || target <= expected.Services)
        {
            return 0;
        }

        return (int)Math.Round((target - expected.Services) * 100 / expected.BriefContactMonths, MidpointRounding.AwayFromZero);
    }

    private static string Expected(Quality quality) => quality switch
    {
        Quality.Exemplary or Quality.Sound => "certified",
        Quality.Strained => "conditional",
        _ => "not-certified",
    };

    /// <summary>
    /// The state's agencies in folder order: each LMHA followed by its affiliates. About one agency
    /// in three is an LMHA; an LMHA is several times the size of an affiliate.
    /// </summary>
    private static List<Shape> Layout(StatewideRequest request)
    {
        var random = SplitMix64.ForStream(request.Seed, LayoutStream);
        var count = request.Agencies;
        var lmhas = count <= 2 ? 1 : (count + 1) / 3;
        var parents = Enumerable.Range(0, count - lmhas).Select(_ => random.Below(lmhas)).ToList();
        var order = new List<(bool IsLmha, int Lmha)>(count);
        for (var l = 0; l < lmhas; l++)
        {
            order.Add((true, l));
            order.AddRange(parents.Where(p => p == l).Select(p => (false, p)));
        }

        var places = Enumerable.Range(0, Places.Length).ToArray();
        for (var i = places.Length - 1; i > 0; i--)
        {
            var j = random.Below(i + 1);
            (places[i], places[j]) = (places[j], places[i]);
        }

        // Few agencies are clean or failing; most sit between (rules.md determinations).
        var failing = (count + 5) / 10;
        var strained = ((count * 4) + 5) / 10;
        var certified = count - failing - strained;
        var exemplary = (certified + 1) / 3;
        var qualities = Enumerable.Repeat(Quality.Exemplary, exemplary)
            .Concat(Enumerable.Repeat(Quality.Sound, certified - exemplary))
            .Concat(Enumerable.Repeat(Quality.Strained, strained))
            .Concat(Enumerable.Repeat(Quality.Failing, failing))
            .ToArray();
        for (var i = qualities.Length - 1; i > 0; i--)
        {
            var j = random.Below(i + 1);
            (qualities[i], qualities[j]) = (qualities[j], qualities[i]);
        }

        var width = Math.Max(2, count.ToString(CultureInfo.InvariantCulture).Length);
        var drafts = new List<(Shape Shape, long Weight)>(count);
        var lmhaIds = new string[lmhas];
        for (var k = 0; k < count; k++)
        {
            var (isLmha, lmha) = order[k];
            var number = k + 1;
            var place = Places[places[k % Places.Length]] + (k >= Places.Length ? " " + (k / Places.Length + 1).ToString(CultureInfo.InvariantCulture) : string.Empty);
            var name = place + " " + random.Pick(isLmha ? LmhaNames : AffiliateNames);
            var prefix = Initials(place) + number.ToString("D" + width, CultureInfo.InvariantCulture);
            var id = (isLmha ? "LMHA-" : "AFF-") + prefix;
            if (isLmha)
            {
                lmhaIds[lmha] = id;
            }

            var folder = $"{number.ToString("D" + width, CultureInfo.InvariantCulture)}-{(isLmha ? "lmha" : "aff")}-{Slug(place)}";
            var weight = isLmha ? random.Between(600, 1400) : random.Between(90, 200);
            drafts.Add((new Shape(number, folder, id, name, isLmha, isLmha ? null : lmhaIds[lmha], prefix, qualities[k], 0), weight));
        }

        var floor = StatewideRequest.MinimumAgencyEnrollees;
        var sizes = Apportion(request.Enrollees - ((long)floor * count), [.. drafts.Select(d => d.Weight)]);
        return [.. drafts.Select((d, i) => d.Shape with { Enrollees = floor + (int)sizes[i] })];
    }

    /// <summary>One agency's scenario: its quality template, varied by the agency's own stream.</summary>
    private static Scenario Design(StatewideRequest request, Shape shape, ulong seed, SplitMix64 random)
    {
        var quality = shape.Quality;
        var notes = new List<string>();
        var failures = quality switch
        {
            Quality.Strained => random.Distinct(random.Between(1, 3), 4).Select(f => (Failure)f).ToHashSet(),
            Quality.Failing => random.Distinct(random.Between(0, 2), 4).Select(f => (Failure)f).ToHashSet(),
            _ => [],
        };

        int? vacant = null;
        if (quality == Quality.Failing)
        {
            vacant = random.Pick([Peer, Transition, Admin]);
            notes.Add($"no active {RatioRoles[vacant.Value].Title} (TEAM-MINIMUM)");
        }

        // The planted nurse credential problems sit on the second, third and fourth nurse (Roster).
        var credentials = new CredentialProblems(
            NurseLicenseExpired: false,
            NurseLicenseExpiring: false,
            NurseIsLpn: false,
            ConsultantLicenseExpiring: random.Chance(quality is Quality.Strained or Quality.Failing ? 2000 : 3000));
        if (failures.Contains(Failure.Credential))
        {
            var kind = random.Below(3);
            credentials = credentials with { NurseLicenseExpired = kind != 1, NurseIsLpn = kind != 0 };
        }

        if (quality != Quality.Exemplary)
        {
            credentials = credentials with { NurseLicenseExpiring = random.Chance(5000) };
        }

        var nurses = credentials.NurseIsLpn ? 4 : credentials.NurseLicenseExpiring ? 3 : credentials.NurseLicenseExpired ? 2 : 1;
        if (credentials.NurseLicenseExpired)
        {
            notes.Add("an expired nurse license");
        }

        if (credentials.NurseIsLpn)
        {
            notes.Add("an LPN as nurse care manager");
        }

        var coverage = RatioRoles.Select(_ => quality == Quality.Exemplary ? random.Between(103, 118) : random.Between(100, 115)).ToArray();

        // A role whose FTE a credential case props up, or that nobody fills, is neither short nor at risk.
        bool CanBeShort(int role) => role != vacant && !(role == Nurse && nurses > 1);
        int? shortRole = null;
        if (failures.Contains(Failure.ShortStaffed))
        {
            shortRole = random.Pick([.. new[] { Nurse, Specialist, Peer }.Where(CanBeShort)]);
            coverage[shortRole.Value] = random.Between(62, 85);
            notes.Add(RatioNote(shortRole.Value, coverage[shortRole.Value]));
        }

        var atRisk = quality switch
        {
            Quality.Exemplary => 0,
            Quality.Sound => random.Between(1, 2),
            _ => random.Between(0, 1),
        };
        var warned = random.Distinct(atRisk, RatioRoles.Length, i => CanBeShort(i) && i != shortRole);
        foreach (var role in warned)
        {
            coverage[role] = random.Between(92, 98);
            notes.Add(RatioNote(role, coverage[role]) + " (within tolerance)");
        }

        var staffing = new List<RoleStaffing>
        {
            new("director", 1000, 100, MinimumFte: 100, MinimumHeadcount: 1, Leavers: random.Chance(3000) ? 1 : 0),
        };
        for (var i = 0; i < RatioRoles.Length; i++)
        {
            var (role, caseload, _) = RatioRoles[i];
            if (i == vacant)
            {
                // The only coordinator left in the year, and the post is still open.
                staffing.Add(new(role, caseload, 0, MinimumFte: 0, MinimumHeadcount: 0, Leavers: 1));
                continue;
            }

            // Small roles have a floor of a post a week or so; a floor must not hide a planted shortage.
            var minimum = i == Nurse && nurses > 1 ? 25 * nurses
                : i is Transition or Admin && i != shortRole && !warned.Contains(i) ? (shape.IsLmha ? 100 : 50)
                : 10;
            staffing.Add(new(role, caseload, coverage[i], MinimumFte: minimum, MinimumHeadcount: i == Nurse ? nurses : 1, Leavers: random.Between(0, shape.IsLmha ? 3 : 1)));
        }

        staffing.Add(new("pc-consultant", 0, 100, MinimumFte: shape.IsLmha ? 30 : 20, MinimumHeadcount: shape.IsLmha ? 2 : 1, Leavers: 0));

        if (credentials.NurseLicenseExpiring)
        {
            notes.Add("a nurse license due for renewal");
        }

        if (credentials.ConsultantLicenseExpiring)
        {
            notes.Add("a consultant license due for renewal");
        }

        int pcHours;
        if (failures.Contains(Failure.PcHoursShort))
        {
            pcHours = random.Between(68, 86);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"PC consultant hours at {pcHours}% of the requirement"));
        }
        else if (quality == Quality.Sound && random.Chance(3000))
        {
            pcHours = random.Between(93, 98);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"PC consultant hours at {pcHours}% of the requirement (within tolerance)"));
        }
        else
        {
            pcHours = quality == Quality.Exemplary ? random.Between(106, 125) : random.Between(100, 115);
        }

        var pcBilled = failures.Contains(Failure.PcBilled) ? random.Between(1, 1 + (shape.Enrollees / 600)) : 0;
        if (pcBilled > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{pcBilled} PC Tracker {(pcBilled == 1 ? "entry" : "entries")} billed to Medicaid"));
        }

        var (undocumented, unsubstantiated, duplicates, wrongCodes, metLow, metHigh) = quality switch
        {
            Quality.Exemplary => (0, 0, 0, 0, 9800, 9920),
            Quality.Sound => (3, 2, 1, 2, 9550, 9800),
            Quality.Strained => (10, 6, 3, 5, 8700, 9450),
            _ => (15, 10, 5, 8, 8400, 9200),
        };
        var monthMet = random.Between(metLow, metHigh);
        int PerThousand(int rate) => rate == 0 ? 0 : Math.Max(1, ((rate * shape.Enrollees) + random.Below(1000)) / 1000);
        var problems = new ProblemCounts(
            UndocumentedServices: PerThousand(undocumented),
            UnsubstantiatedClaims: PerThousand(unsubstantiated),
            DuplicateClaims: PerThousand(duplicates),
            WrongProcedureCodes: PerThousand(wrongCodes),
            EnrolleesWithoutServices: random.Between(0, 1 + (shape.Enrollees / 700)),
            PcBilledEntries: pcBilled);
        if (problems.UnsubstantiatedClaims + problems.DuplicateClaims > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"billing slips ({problems.UnsubstantiatedClaims} unsubstantiated, {problems.DuplicateClaims} duplicate claims)"));
        }

        var intent = quality.ToString().ToLowerInvariant() + (notes.Count > 0 ? ": " + string.Join("; ", notes) : ": clean");
        return new Scenario
        {
            Name = shape.Folder,
            Description = intent,
            AgencyId = shape.AgencyId,
            AgencyName = shape.AgencyName,
            AgencyType = shape.IsLmha ? "lmha" : "affiliate",
            ParentLmha = shape.ParentLmha,
            ReviewType = request.ReviewType,
            AsOf = AsOf,
            PeriodStart = PeriodStart,
            PeriodEnd = AsOf,
            IdPrefix = shape.IdPrefix,
            DefaultSeed = seed,
            DefaultEnrollees = shape.Enrollees,
            PmpmAmount = PmpmAmount,

            // One agency in five keeps its PC Tracker as a spreadsheet, so both readers are exercised.
            PcTrackerAsXlsx = shape.Number % 5 == 3,
            // A year's intake and discharges: a fifth to a third of the people on the roll joined during it.
            Enrolment = new(
                new DateOnly(random.Between(shape.IsLmha ? 2012 : 2016, 2022), random.Between(1, 12), 1),
                JoinedInPeriodChance: random.Between(1800, 3000),
                JoinedOnFirstChance: random.Between(1500, 3500),
                DisenrolledChance: random.Between(800, 1800)),
            Staffing = staffing,
            Credentials = credentials,
            MonthMetChance = monthMet,
            PcHoursPercent = pcHours,
            Problems = problems,
            Charts = Charts(quality, random),
        };
    }

    private static string RatioNote(int role, int coverage) =>
        string.Create(CultureInfo.InvariantCulture, $"{RatioRoles[role].Title} FTE at {coverage}% of 1:{RatioRoles[role].Caseload}");

    /// <summary>
    /// Chart shortfalls of the quality's template, each varied by up to a fifth either way. The
    /// strained template is river-valley's (two criteria under the 80% mark); the others bracket it.
    /// </summary>
    private static ChartPattern Charts(Quality quality, SplitMix64 random)
    {
        var (consent, assessment, plan, overdue, team, discharge, confirmation) = quality switch
        {
            Quality.Exemplary => ((100, 100), (300, 200), (500, 300), 700, 40, (500, 300), (400, 200)),
            Quality.Sound => ((200, 150), (500, 300), (800, 500), 1100, 100, (900, 600), (700, 400)),
            Quality.Strained => ((300, 200), (800, 400), (1600, 1000), 1500, 200, (2000, 1500), (1000, 600)),
            _ => ((500, 400), (1200, 700), (1800, 1200), 2200, 400, (2400, 1800), (1500, 900)),
        };

        int Vary(int share) => share * random.Between(80, 120) / 100;
        Shortfall VaryBoth((int Late, int Missing) shortfall) => new(Vary(shortfall.Late), Vary(shortfall.Missing));
        return new ChartPattern(
            Consent: VaryBoth(consent),
            Assessment: VaryBoth(assessment),
            RecoveryPlan: VaryBoth(plan),
            PlanReviewOverdue: Vary(overdue),
            TeamMissing: Vary(team),
            InpatientChance: random.Between(500, 1100),
            SecondStayChance: random.Between(2000, 2500),
            DischargeFollowUp: VaryBoth(discharge),
            ReferralChance: random.Between(1200, 1700),
            SecondReferralChance: 2000,
            ReferralConfirmation: VaryBoth(confirmation),
            ScreeningChance: random.Between(3000, 4500),
            EducationChance: random.Between(2000, 3500));
    }

    /// <summary>The letters that start an agency's ids: the initials of a two-word place, else its first two letters.</summary>
    private static string Initials(string place)
    {
        var words = place.Split(' ').Where(w => char.IsLetter(w[0])).ToArray();
        return (words.Length >= 2 ? $"{words[0][0]}{words[1][0]}" : words[0][..2]).ToUpperInvariant();
    }

    private static string Slug(string place) => place.ToLowerInvariant().Replace(' ', '-');

    /// <summary>An agency as laid out, before its scenario is designed.</summary>
    private sealed record Shape(
        int Number,
        string Folder,
        string AgencyId,
        string AgencyName,
        bool IsLmha,
        string? ParentLmha,
        string IdPrefix,
        Quality Quality,
        int Enrollees);
}
