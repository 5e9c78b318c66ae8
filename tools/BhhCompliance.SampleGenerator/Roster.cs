namespace BhhCompliance.SampleGenerator;

/// <summary>One row of staff.csv. FTE is in hundredths so that all arithmetic stays integral.</summary>
internal sealed record StaffMember(
    string StaffId,
    string Name,
    string Role,
    int FteHundredths,
    string DegreeLevel,
    string? DegreeField,
    string? LicenseType,
    DateOnly? LicenseExpires,
    decimal ExperienceYears,
    DateOnly StartDate,
    DateOnly? EndDate)
{
    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    public decimal Fte => FteHundredths / 100m;
}

/// <summary>
/// Builds the staff roster from the census: each role gets the FTE its scenario coverage asks for
/// (so the ratio findings come out as intended at any size), split into people of realistic FTE,
/// plus people who have left. Ids follow hire order, as an HR export would list them.
/// </summary>
internal static class Roster
{
    // Full-time posts are the rule; some are shared by two part-timers.
    private const int SplitPostChance = 2000;

    private static readonly DateOnly EarliestHire = new(2014, 6, 1);

    public static IReadOnlyList<StaffMember> Build(Scenario scenario, int census, SplitMix64 random)
    {
        var names = new PersonNames(random);
        var drafts = new List<StaffMember>();
        foreach (var staffing in scenario.Staffing)
        {
            var ftes = Split(TargetFte(staffing, census), staffing.MinimumHeadcount, random);
            var firstStart = scenario.AsOf;
            for (var i = 0; i < ftes.Count; i++)
            {
                var start = staffing.Role == "director"
                    ? random.Day(scenario.PeriodStart.AddDays(-1100), scenario.PeriodStart.AddDays(-60))
                    : HireDate(scenario, random, newHireAllowed: i > 0);
                firstStart = start < firstStart ? start : firstStart;
                drafts.Add(Qualify(scenario, staffing.Role, i, names.Next(), ftes[i], start, end: null, random));
            }

            for (var i = 0; i < staffing.Leavers; i++)
            {
                var start = random.Day(EarliestHire, scenario.PeriodStart.AddDays(-400));
                var end = random.Day(scenario.PeriodStart.AddDays(-120), scenario.AsOf.AddDays(-14));
                if (staffing.Role == "director")
                {
                    // The former director handed over to the current one.
                    end = firstStart.AddDays(-1);
                    start = end.AddDays(-random.Between(700, 2500));
                }

                var fte = staffing.Role == "director" ? 100 : random.Pick([100, 100, 80, 50]);

                // Index -1: a leaver is never one of the planted credential cases.
                drafts.Add(Qualify(scenario, staffing.Role, -1, names.Next(), fte, start, end, random));
            }
        }

        var width = Math.Max(3, drafts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return [.. drafts
            .Select((member, index) => (member, index))
            .OrderBy(d => d.member.StartDate)
            .ThenBy(d => d.index)
            .Select((d, n) => d.member with { StaffId = $"{scenario.IdPrefix}-S{(n + 1).ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture)}" })];
    }

    /// <summary>The active FTE of a role, in hundredths, for the scenario's coverage of census / caseload.</summary>
    internal static int TargetFte(RoleStaffing staffing, int census)
    {
        if (staffing.Caseload == 0)
        {
            // The consultant has an hours requirement, not a ratio (program.md): about 1 FTE per
            // 1,500 enrollees leaves room for 1 hour per enrollee per year and the rest of the job.
            return Math.Max(staffing.MinimumFte, RoundUp(census * 100 / 1500, 5));
        }

        // census / caseload FTE, times coverage / 100, in hundredths.
        var exact = (long)census * staffing.CoveragePercent;
        int target;
        if (staffing.CoveragePercent >= 100)
        {
            target = (int)RoundUp(exact, staffing.Caseload * 5L) / staffing.Caseload;
        }
        else
        {
            target = (int)(exact / (staffing.Caseload * 5L) * 5);

            // A coverage meant to warn must stay inside the tolerance (rules.md: 10% by default)
            // after rounding down to a twentieth of an FTE.
            var floorOfWarning = (int)RoundUp(census * 90L, staffing.Caseload) / staffing.Caseload;
            if (staffing.CoveragePercent >= 90 && target < floorOfWarning)
            {
                target = floorOfWarning;
            }
        }

        return Math.Max(target, staffing.MinimumFte);
    }

    /// <summary>Splits FTE into posts: full-time where possible, a part-time remainder, some shared posts.</summary>
    internal static List<int> Split(int fte, int minimumHeadcount, SplitMix64 random)
    {
        var posts = new List<int>();
        for (var left = fte; left > 0; left -= Math.Min(100, left))
        {
            var post = Math.Min(100, left);
            if (post == 100 && random.Chance(SplitPostChance))
            {
                var first = random.Pick([50, 60]);
                posts.Add(first);
                posts.Add(100 - first);
            }
            else
            {
                posts.Add(post);
            }
        }

        // A sliver of a post is not a job anyone is hired for: move 0.3 FTE onto it from a larger post.
        if (posts.Count >= 2 && posts[^1] < 30 && posts.FindLastIndex(p => p >= 60) is var donor and >= 0)
        {
            posts[donor] -= 30;
            posts[^1] += 30;
        }

        // Too few people: split the largest post, unevenly, as rotas are.
        while (posts.Count < minimumHeadcount && posts.Max() >= 20)
        {
            var largest = posts.IndexOf(posts.Max());
            var post = posts[largest];
            var part = RoundUp(post * random.Pick([50, 60, 75]) / 100, 5);
            if (part >= post)
            {
                part = post - 5;
            }

            posts[largest] = part;
            posts.Insert(largest + 1, post - part);
        }

        return posts;
    }

    private static DateOnly HireDate(Scenario scenario, SplitMix64 random, bool newHireAllowed) =>
        newHireAllowed && random.Chance(1200)
            ? random.Day(scenario.PeriodStart, scenario.AsOf.AddDays(-30))
            : random.Day(EarliestHire, scenario.PeriodStart.AddDays(-60));

    /// <summary>Degree, license and experience for one person; <paramref name="index"/> places the planted credential problems.</summary>
    private static StaffMember Qualify(Scenario scenario, string role, int index, string name, int fte, DateOnly start, DateOnly? end, SplitMix64 random)
    {
        var asOf = scenario.AsOf;
        var problems = scenario.Credentials;
        var experience = random.Between(2, 40) / 2m;
        var member = new StaffMember(string.Empty, name, role, fte, "bachelor", null, null, null, experience, start, end);
        switch (role)
        {
            case "director":
                var licensed = random.Chance(5000);
                return member with
                {
                    DegreeLevel = random.Chance(7000) ? "master" : "doctorate",
                    DegreeField = random.Weighted<string>([("clinical", 5), ("health-care-administration", 2), ("public-health-administration", 2), ("hospital-administration", 1)]),
                    LicenseType = licensed ? "LCSW" : null,
                    LicenseExpires = licensed ? CurrentLicense(asOf, random) : null,
                    ExperienceYears = random.Between(12, 44) / 2m,
                };

            case "nurse-care-manager":
                var aprn = random.Chance(2000);
                member = member with
                {
                    DegreeLevel = aprn ? "master" : random.Weighted<string>([("bachelor", 7), ("associate", 3)]),
                    DegreeField = "nursing",
                    LicenseType = aprn ? "APRN" : "RN",
                    LicenseExpires = CurrentLicense(asOf, random),
                };
                return index switch
                {
                    0 => member,
                    1 when problems.NurseLicenseExpired => member with { LicenseType = "RN", LicenseExpires = MonthEnd(asOf.AddMonths(-random.Between(1, 2))) },
                    2 when problems.NurseLicenseExpiring => member with { LicenseExpires = ExpiringLicense(asOf) },
                    3 when problems.NurseIsLpn => member with { LicenseType = "LPN", DegreeLevel = "associate" },
                    _ => member,
                };

            case "bhh-specialist":
            case "care-transition-coordinator":
                var master = random.Chance(role == "bhh-specialist" ? 3500 : 5000);
                var license = master ? random.Weighted<string?>([("LCSW", 3), ("LMSW", 3), ("LPC", 2), (null, 2)]) : null;
                return member with
                {
                    DegreeLevel = master ? "master" : "bachelor",
                    DegreeField = master
                        ? random.Weighted<string>([("social-work", 3), ("counseling", 2), ("psychology", 1)])
                        : random.Weighted<string>([("psychology", 3), ("human-services", 3), ("social-work", 2), ("sociology", 1)]),
                    LicenseType = license,
                    LicenseExpires = license is null ? null : CurrentLicense(asOf, random),
                };

            case "peer-recovery-specialist":
                var level = random.Weighted<string>([("none", 3), ("associate", 3), ("bachelor", 4)]);
                return member with
                {
                    DegreeLevel = level,
                    DegreeField = level == "none" ? null : random.Weighted<string>([("human-services", 3), ("psychology", 2), ("addiction-studies", 1)]),
                };

            case "admin-systems-specialist":
                return member with
                {
                    DegreeField = random.Weighted<string>([("information-systems", 2), ("health-information-management", 2), ("business-administration", 1)]),
                };

            case "pc-consultant":
                var physician = index != 1;
                member = member with
                {
                    DegreeLevel = physician ? "doctorate" : "master",
                    DegreeField = physician ? random.Weighted<string>([("internal-medicine", 2), ("family-medicine", 2)]) : "nursing",
                    LicenseType = physician ? random.Weighted<string>([("MD", 3), ("DO", 1)]) : "APRN",
                    LicenseExpires = CurrentLicense(asOf, random),
                    ExperienceYears = random.Between(8, 50) / 2m,
                };
                return index == 0 && problems.ConsultantLicenseExpiring ? member with { LicenseExpires = ExpiringLicense(asOf) } : member;

            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, "Not a core team role.");
        }
    }

    /// <summary>
    /// A license valid well past the 60-day renewal window (CRED-LICENSE-EXPIRING): Connecticut
    /// licenses run to the end of a month.
    /// </summary>
    private static DateOnly CurrentLicense(DateOnly asOf, SplitMix64 random) => MonthEnd(asOf.AddMonths(random.Between(3, 24)));

    /// <summary>A current license that expires at the end of the month after the as-of date: inside 60 days.</summary>
    private static DateOnly ExpiringLicense(DateOnly asOf)
    {
        var expires = MonthEnd(asOf.AddMonths(1));
        return expires.DayNumber - asOf.DayNumber <= 60 ? expires : asOf.AddDays(45);
    }

    private static DateOnly MonthEnd(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));

    private static long RoundUp(long value, long step) => (value + step - 1) / step * step;

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;
}
