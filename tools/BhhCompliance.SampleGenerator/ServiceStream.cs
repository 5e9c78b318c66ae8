using System.Globalization;

namespace BhhCompliance.SampleGenerator;

/// <summary>
/// Writes services.csv and claims.csv together, one enrollee at a time: each enrollee's months
/// are generated, written and forgotten, so memory does not grow with the number of service
/// rows and a benchmark can ask for millions of them. Claims follow the services they bill
/// (program.md: a month is reimbursable when one or more services were rendered in it); the
/// planted problems are chosen up front as small sets of enrollees.
/// </summary>
internal sealed class ServiceStream
{
    /// <summary>rules.md, SVC-MONTHLY-MINIMUM: the 60-minute monthly minimum (program.md: 1 hour per month).</summary>
    private const int MinimumMinutes = 60;

    /// <summary>Chance a service is given by the enrollee's usual worker in the role rather than whoever is free.</summary>
    private const int ContinuityChance = 7500;

    /// <summary>Chance a month short of the hour still has a contact or two.</summary>
    private const int ShortMonthContactChance = 6500;

    /// <summary>The most services drawn towards a month's target, before any brief contacts.</summary>
    private const int MostInMetMonth = 8;

    /// <summary>Minutes a partial month of ten days or more aims for, at least and at most.</summary>
    private const int PartialMonthTargetLow = 30;

    private const int PartialMonthTargetHigh = 90;

    private static readonly (string Service, int Weight)[] ServiceMix =
    [
        ("care-management", 28), ("care-coordination", 26), ("health-promotion", 14),
        ("transitional-care", 6), ("family-support", 14), ("community-referral", 12),
    ];

    private static readonly (int Minutes, int Weight)[] MetMonthTargets = [(60, 3), (75, 2), (90, 3), (120, 2), (150, 1), (180, 1)];
    private static readonly (int Minutes, int Weight)[] ServiceLengths = [(15, 2), (20, 1), (30, 4), (45, 3), (60, 3), (90, 1)];
    private static readonly (int Minutes, int Weight)[] ShortContacts = [(15, 3), (20, 2), (30, 3), (45, 1)];

    /// <summary>Brief contacts (<see cref="Scenario.BriefContacts"/>): a check-in call, a reminder, a word about health.</summary>
    private static readonly (string Service, int Weight)[] BriefContactMix = [("care-coordination", 3), ("health-promotion", 2)];

    private static readonly (int Minutes, int Weight)[] BriefContactLengths = [(5, 2), (10, 4), (15, 4), (20, 2), (30, 1)];

    /// <summary>Codes an EHR might put on a BHH service by mistake: clinic visit, assessment, psychotherapy.</summary>
    private static readonly string[] WrongCodes = ["T1015", "H0031", "90837", "H0032"];

    private readonly Scenario _scenario;
    private readonly IReadOnlyList<EnrolleeSpan> _enrollees;
    private readonly Dictionary<string, StaffMember[]> _staffByRole;
    private readonly Dictionary<(string Role, DateOnly Day), StaffMember[]> _activeByRoleAndDay = [];
    private readonly SplitMix64 _random;
    private readonly ProblemPlan _plan;
    private readonly string _amount;
    private readonly DateOnly?[] _firstServices;
    private long _noteSequence;
    private long _claimSequence;
    private int _unsubstantiated;

    public ServiceStream(Scenario scenario, IReadOnlyList<EnrolleeSpan> enrollees, IReadOnlyList<StaffMember> staff, SplitMix64 random)
    {
        _scenario = scenario;
        _enrollees = enrollees;
        _random = random;
        _staffByRole = staff.GroupBy(s => s.Role, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _plan = ProblemPlan.Choose(scenario, enrollees, random);
        _amount = CsvWriter.Number(scenario.PmpmAmount);
        _firstServices = new DateOnly?[enrollees.Count];
    }

    /// <summary>
    /// Each enrollee's first service record, by roster index, once <see cref="Write"/> has run:
    /// CHART-CONSENT measures the consent against it.
    /// </summary>
    public IReadOnlyList<DateOnly?> FirstServiceDates => _firstServices;

    public void Write(CsvWriter services, CsvWriter claims)
    {
        var rebilled = new List<(string EnrolleeId, DateOnly Month)>();
        var monthServices = new List<Service>();
        var months = PeriodMonths(_scenario);
        for (var index = 0; index < _enrollees.Count; index++)
        {
            var enrollee = _enrollees[index];
            if (_plan.WithoutServices.Contains(index))
            {
                continue;
            }

            var teamKey = _random.Below(1 << 20);
            var fullMonths = months.Where(m => m.Full && enrollee.IsEnrolledThroughout(m.Start)).Select(m => m.Start).ToList();
            DateOnly? special = fullMonths.Count > 0 ? _random.Pick(fullMonths) : null;
            var firstMonth = true;
            foreach (var month in months)
            {
                if (DaysEnrolled(enrollee, month) is not (var first, var last))
                {
                    continue;
                }

                var isSpecial = month.Start == special;
                monthServices.Clear();
                var claimWithoutService = DrawMonth(index, enrollee, month, first, last, isSpecial, monthServices);
                SortByDate(monthServices);
                if (firstMonth && enrollee.EnrolledOn >= _scenario.PeriodStart && monthServices.Count > 0)
                {
                    // A new enrollee starts with care management: assessment and recovery plan.
                    monthServices[0].Name = "care-management";
                    monthServices[0].Code = CodeFor("care-management");
                }

                firstMonth &= monthServices.Count == 0;
                if (isSpecial)
                {
                    Plant(index, monthServices);
                }

                if (monthServices.Count > 0)
                {
                    _firstServices[index] ??= monthServices[0].Date;
                }

                foreach (var service in monthServices)
                {
                    WriteService(services, enrollee.EnrolleeId, service, teamKey);
                }

                if (monthServices.Count > 0 || claimWithoutService)
                {
                    WriteClaim(claims, enrollee.EnrolleeId, month.Start);
                    if (isSpecial && _plan.Duplicates.Contains(index))
                    {
                        rebilled.Add((enrollee.EnrolleeId, month.Start));
                    }
                }
            }
        }

        // The duplicates come from a later billing run that claimed a few months again.
        foreach (var (enrolleeId, month) in rebilled)
        {
            WriteClaim(claims, enrolleeId, month);
        }
    }

    /// <summary>
    /// Draws the services of one enrollee month into <paramref name="monthServices"/>, and says
    /// whether the month is claimed even though it has none.
    /// </summary>
    private bool DrawMonth(int index, EnrolleeSpan enrollee, PeriodMonth month, DateOnly first, DateOnly last, bool isSpecial, List<Service> monthServices)
    {
        if (isSpecial && _plan.Unsubstantiated.Contains(index))
        {
            // Alternate the two ways a claim goes unsubstantiated: billed with no service at all,
            // or billed on services whose notes were never written.
            if (_unsubstantiated++ % 2 == 0)
            {
                return true;
            }

            AddServices(monthServices, first, last, _random.Weighted(ShortContacts), 2);
            monthServices.ForEach(s => s.Documented = false);
            return false;
        }

        if (month.Full && enrollee.IsEnrolledThroughout(month.Start))
        {
            // A month that carries a planted problem needs services to carry it.
            var met = _random.Chance(_scenario.MonthMetChance) || (isSpecial && _plan.NeedsServices(index));
            if (met)
            {
                AddServices(monthServices, first, last, _random.Weighted(MetMonthTargets), MostInMetMonth);
                if (isSpecial && monthServices.Count < 2)
                {
                    AddServices(monthServices, first, last, 15, 2);
                }

                AddBriefContacts(monthServices, first, last);
            }
            else if (_random.Chance(ShortMonthContactChance))
            {
                // A month with a contact or two, short of the hour.
                AddServices(monthServices, first, last, _random.Weighted(ShortContacts), 2, MinimumMinutes - 1);
            }

            return false;
        }

        // A partial month: the enrollee joined or left during it.
        var span = last.DayNumber - first.DayNumber + 1;
        AddServices(monthServices, first, last, span >= 10 ? _random.Between(PartialMonthTargetLow, PartialMonthTargetHigh) : 15, span >= 10 ? 3 : 1);
        AddBriefContacts(monthServices, first, last);
        return false;
    }

    /// <summary>
    /// Adds the scenario's brief contacts to a month: from half to one and a half times the
    /// average, so that months differ as caseloads do. Draws nothing when the scenario has none.
    /// </summary>
    private void AddBriefContacts(List<Service> services, DateOnly first, DateOnly last)
    {
        var average = _scenario.BriefContacts;
        if (average <= 0)
        {
            return;
        }

        var hundredths = _random.Between(average / 2, average * 3 / 2);
        var count = (hundredths / 100) + (_random.Below(100) < hundredths % 100 ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            var name = _random.Weighted(BriefContactMix);
            services.Add(new Service(WorkDay(first, last), name, _random.Weighted(BriefContactLengths), CodeFor(name)));
        }
    }

    private void Plant(int index, List<Service> monthServices)
    {
        if (monthServices.Count == 0)
        {
            return;
        }

        if (_plan.Undocumented.Contains(index) && monthServices.Count >= 2)
        {
            // One note missing; another service that month still substantiates the claim.
            monthServices[1 + _random.Below(monthServices.Count - 1)].Documented = false;
        }

        if (_plan.WrongCode.Contains(index))
        {
            _random.Pick(monthServices).Code = _random.Pick(WrongCodes);
        }
    }

    /// <summary>
    /// A stable insertion sort: services of the same day keep the order they were drawn in.
    /// List.Sort is unstable, and its order for equal keys is not promised across .NET versions.
    /// </summary>
    private static void SortByDate(List<Service> services)
    {
        for (var i = 1; i < services.Count; i++)
        {
            var service = services[i];
            var j = i - 1;
            for (; j >= 0 && services[j].Date > service.Date; j--)
            {
                services[j + 1] = services[j];
            }

            services[j + 1] = service;
        }
    }

    /// <summary>Adds services between two days until their minutes reach <paramref name="target"/>, at most <paramref name="most"/> of them.</summary>
    private void AddServices(List<Service> services, DateOnly first, DateOnly last, int target, int most, int ceiling = int.MaxValue)
    {
        var total = 0;
        while (total < target && services.Count < most)
        {
            var minutes = Math.Min(_random.Weighted(ServiceLengths), ceiling - total);
            if (minutes <= 0)
            {
                break;
            }

            var name = _random.Weighted(ServiceMix);
            services.Add(new Service(WorkDay(first, last), name, minutes, CodeFor(name)));
            total += minutes;
        }
    }

    private void WriteService(CsvWriter services, string enrolleeId, Service service, int teamKey)
    {
        var staff = StaffFor(service.Name, service.Date, teamKey);
        var note = service.Documented
            ? $"{_scenario.IdPrefix}-PN{(++_noteSequence).ToString("D7", CultureInfo.InvariantCulture)}"
            : null;
        services.Row(enrolleeId, CsvWriter.Date(service.Date), service.Name, CsvWriter.Number(service.Minutes), service.Code, staff, note);
    }

    private void WriteClaim(CsvWriter claims, string enrolleeId, DateOnly month) =>
        claims.Row(
            $"{_scenario.IdPrefix}-CLM{(++_claimSequence).ToString("D7", CultureInfo.InvariantCulture)}",
            enrolleeId,
            CsvWriter.Month(month),
            _amount);

    /// <summary>Who gives a service: a role that does that work, active on the day, the enrollee's usual worker when possible.</summary>
    private string? StaffFor(string service, DateOnly day, int teamKey)
    {
        var role = service switch
        {
            "care-management" => _random.Chance(4000) ? "nurse-care-manager" : "bhh-specialist",
            "care-coordination" => _random.Chance(8000) ? "bhh-specialist" : "peer-recovery-specialist",
            "health-promotion" => _random.Chance(5000) ? "nurse-care-manager" : "peer-recovery-specialist",
            "transitional-care" => _random.Chance(8000) ? "care-transition-coordinator" : "nurse-care-manager",
            "family-support" => _random.Chance(8000) ? "peer-recovery-specialist" : "bhh-specialist",
            _ => _random.Chance(6000) ? "bhh-specialist" : "peer-recovery-specialist",
        };

        var active = Active(role, day);
        if (active.Length == 0)
        {
            active = Active("bhh-specialist", day);
        }

        if (active.Length == 0)
        {
            return null;
        }

        return _random.Chance(ContinuityChance) ? active[teamKey % active.Length].StaffId : _random.Pick(active).StaffId;
    }

    /// <summary>The staff of a role active on a day; cached, since a large snapshot asks millions of times.</summary>
    private StaffMember[] Active(string role, DateOnly day)
    {
        if (!_activeByRoleAndDay.TryGetValue((role, day), out var active))
        {
            active = _staffByRole.TryGetValue(role, out var staff) ? [.. staff.Where(s => s.IsActiveOn(day))] : [];
            _activeByRoleAndDay.Add((role, day), active);
        }

        return active;
    }

    /// <summary>A day between two days, moved off the weekend where the span allows: BHH work is weekday work.</summary>
    private DateOnly WorkDay(DateOnly first, DateOnly last)
    {
        var day = _random.Day(first, last);
        for (var tries = 0; tries < 3 && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.Chance(9000); tries++)
        {
            day = _random.Day(first, last);
        }

        return day;
    }

    private string CodeFor(string service) => service switch
    {
        // T1017 targeted case management, T1016 case management, H2027 psycho-education (program.md).
        "care-management" => _random.Chance(8000) ? "T1017" : "T1016",
        "care-coordination" => _random.Chance(7000) ? "T1016" : "T1017",
        "health-promotion" => "H2027",
        "transitional-care" => _random.Chance(6000) ? "T1017" : "T1016",
        "family-support" => _random.Chance(6000) ? "H2027" : "T1016",
        _ => "T1016",
    };

    /// <summary>
    /// What <see cref="Write"/> is expected to write for these enrollees before brief contacts: the
    /// services, and the months brief contacts go to. These are exact expectations of the draws
    /// above (planted problems aside), so that a data set can choose
    /// <see cref="Scenario.BriefContacts"/> to reach a number of service records before writing any.
    /// </summary>
    internal static ServiceExpectation Expect(Scenario scenario, IReadOnlyList<EnrolleeSpan> enrollees)
    {
        var metMonth = 0m;
        foreach (var (target, weight) in MetMonthTargets)
        {
            metMonth += weight * ExpectedCount(target, MostInMetMonth, int.MaxValue);
        }

        metMonth /= MetMonthTargets.Sum(t => t.Weight);

        var shortMonth = 0m;
        foreach (var (target, weight) in ShortContacts)
        {
            shortMonth += weight * ExpectedCount(target, 2, MinimumMinutes - 1);
        }

        shortMonth = shortMonth / ShortContacts.Sum(t => t.Weight) * ShortMonthContactChance / 10_000m;

        var longPartialMonth = 0m;
        for (var target = PartialMonthTargetLow; target <= PartialMonthTargetHigh; target++)
        {
            longPartialMonth += ExpectedCount(target, 3, int.MaxValue);
        }

        longPartialMonth /= PartialMonthTargetHigh - PartialMonthTargetLow + 1;

        var met = scenario.MonthMetChance / 10_000m;
        var services = 0m;
        var briefContactMonths = 0m;
        var enrolleeMonths = 0;
        var months = PeriodMonths(scenario);
        foreach (var enrollee in enrollees)
        {
            foreach (var month in months)
            {
                if (DaysEnrolled(enrollee, month) is not (var first, var last))
                {
                    continue;
                }

                enrolleeMonths++;
                if (month.Full && enrollee.IsEnrolledThroughout(month.Start))
                {
                    services += (met * metMonth) + ((1 - met) * shortMonth);
                    briefContactMonths += met;
                }
                else
                {
                    services += last.DayNumber - first.DayNumber + 1 >= 10 ? longPartialMonth : 1;
                    briefContactMonths += 1;
                }
            }
        }

        return new ServiceExpectation(enrolleeMonths, services, briefContactMonths);
    }

    /// <summary>The expected number of services <see cref="AddServices"/> adds to an empty month.</summary>
    private static decimal ExpectedCount(int target, int most, int ceiling)
    {
        var totalWeight = ServiceLengths.Sum(l => l.Weight);
        var known = new Dictionary<(int Minutes, int Count), decimal>();

        decimal From(int minutes, int count)
        {
            if (minutes >= target || count >= most)
            {
                return 0;
            }

            if (known.TryGetValue((minutes, count), out var expected))
            {
                return expected;
            }

            expected = 0;
            foreach (var (length, weight) in ServiceLengths)
            {
                var added = Math.Min(length, ceiling - minutes);
                if (added > 0)
                {
                    expected += weight * (1 + From(minutes + added, count + 1)) / totalWeight;
                }
            }

            known.Add((minutes, count), expected);
            return expected;
        }

        return From(0, 0);
    }

    /// <summary>The calendar months the period touches, clipped to it; full when wholly inside.</summary>
    private static List<PeriodMonth> PeriodMonths(Scenario scenario)
    {
        var months = new List<PeriodMonth>();
        var full = Enrolment.FullMonths(scenario.PeriodStart, scenario.PeriodEnd);
        for (var start = new DateOnly(scenario.PeriodStart.Year, scenario.PeriodStart.Month, 1); start <= scenario.PeriodEnd; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            months.Add(new PeriodMonth(
                start,
                start < scenario.PeriodStart ? scenario.PeriodStart : start,
                end > scenario.PeriodEnd ? scenario.PeriodEnd : end,
                full.Contains(start)));
        }

        return months;
    }

    /// <summary>The days of <paramref name="month"/> (clipped to the period) on which the enrollee was enrolled; null when none.</summary>
    private static (DateOnly First, DateOnly Last)? DaysEnrolled(EnrolleeSpan enrollee, PeriodMonth month)
    {
        if (enrollee.DaysIn(month.Start) is not { } enrolled)
        {
            return null;
        }

        var first = enrolled.First < month.First ? month.First : enrolled.First;
        var last = enrolled.Last > month.Last ? month.Last : enrolled.Last;
        return first > last ? null : (first, last);
    }

    private sealed record PeriodMonth(DateOnly Start, DateOnly First, DateOnly Last, bool Full);

    private sealed class Service(DateOnly date, string name, int minutes, string code)
    {
        public DateOnly Date { get; } = date;

        public string Name { get; set; } = name;

        public int Minutes { get; } = minutes;

        public string Code { get; set; } = code;

        public bool Documented { get; set; } = true;
    }
}

/// <summary>Expected counts for a snapshot's service stream (<see cref="ServiceStream.Expect"/>).</summary>
/// <param name="EnrolleeMonths">Months of the period with at least one enrolled day, over all enrollees.</param>
/// <param name="Services">Service records, brief contacts aside.</param>
/// <param name="BriefContactMonths">Enrollee months that take brief contacts: full months with their hour, and partial months.</param>
internal sealed record ServiceExpectation(int EnrolleeMonths, decimal Services, decimal BriefContactMonths);

/// <summary>Which enrollees carry which planted problem: disjoint sets, chosen before any row is written.</summary>
internal sealed record ProblemPlan(
    IReadOnlySet<int> WithoutServices,
    IReadOnlySet<int> Unsubstantiated,
    IReadOnlySet<int> Undocumented,
    IReadOnlySet<int> WrongCode,
    IReadOnlySet<int> Duplicates)
{
    public bool NeedsServices(int index) => Undocumented.Contains(index) || WrongCode.Contains(index) || Duplicates.Contains(index);

    public static ProblemPlan Choose(Scenario scenario, IReadOnlyList<EnrolleeSpan> enrollees, SplitMix64 random)
    {
        var problems = scenario.Problems;
        var taken = new HashSet<int>();
        var fullMonths = Enrolment.FullMonths(scenario.PeriodStart, scenario.PeriodEnd);
        bool HasFullMonth(int i) => !taken.Contains(i) && fullMonths.Any(enrollees[i].IsEnrolledThroughout);

        // Not yet seen: enrolled in the last weeks before the as-of date.
        bool RecentlyEnrolled(int i) => enrollees[i].EnrolledOn >= scenario.AsOf.AddDays(-30) && enrollees[i].DisenrolledOn is null;

        HashSet<int> Take(int count, Func<int, bool> eligible)
        {
            var chosen = random.Distinct(Scale(count, scenario, enrollees.Count), enrollees.Count, eligible);
            taken.UnionWith(chosen);
            return [.. chosen];
        }

        return new ProblemPlan(
            Take(problems.EnrolleesWithoutServices, i => !taken.Contains(i) && RecentlyEnrolled(i)),
            Take(problems.UnsubstantiatedClaims, HasFullMonth),
            Take(problems.UndocumentedServices, HasFullMonth),
            Take(problems.WrongProcedureCodes, HasFullMonth),
            Take(problems.DuplicateClaims, HasFullMonth));
    }

    /// <summary>A count given for the scenario's default size, scaled to the enrollees generated and rounded.</summary>
    public static int Scale(int count, Scenario scenario, int enrollees) =>
        (int)(((long)count * enrollees * 2 + scenario.DefaultEnrollees) / (scenario.DefaultEnrollees * 2L));
}
