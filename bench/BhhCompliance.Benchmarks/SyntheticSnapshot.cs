using System.Globalization;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// A large, valid agency snapshot made up in code for the loading and rule benchmarks: enrollees
/// over a 12-month review (2025-10-01 to 2026-09-30, as of 2026-09-30), a staff roster, service
/// records and one claim per enrollee per month. The same sizes always give the same records
/// and the same files.
/// </summary>
/// <remarks>
/// <para>Enrolment: 80% of the enrollees were enrolled before the period and still are; 10% enrol
/// during it; 10% leave during it. A month in which an enrollee is enrolled on some day is a
/// served month.</para>
/// <para>Services: the records are spread over the served months, about the same number in
/// each (the total is exactly the number asked for). Of the full enrolled months, 4% have one
/// 30-minute service and 1% have none, so about 5% of enrollee months miss the 60-minute
/// minimum. 1% of the records have no note id, and a quarter of the single services of those
/// short months, so some claims are unsubstantiated.</para>
/// <para>Claims: one for every enrollee and every month of the period, served or not (a claim for
/// a month without enrolment is a billing error the rules catch), so there are exactly
/// 12 claims per enrollee.</para>
/// </remarks>
public sealed class SyntheticSnapshot
{
    public const string AgencyId = "BENCH";
    public const decimal ClaimAmount = 296.40m;

    private const int Months = 12;
    private const int ShortMonth = -1;
    private const int Absent = 0;

    private static readonly string[] ServiceIds =
        ["care-management", "care-coordination", "health-promotion", "transitional-care", "family-support", "community-referral"];

    private static readonly string[] Codes = ["T1017", "T1016", "H2027", "T1016", "H2027", "T1016"];

    private static readonly decimal[] Minutes = [15m, 30m, 45m, 60m, 90m];

    private static readonly string[] Roles =
        ["director", "nurse-care-manager", "bhh-specialist", "peer-recovery-specialist", "care-transition-coordinator", "admin-systems-specialist", "pc-consultant"];

    private readonly Enrollee[] _enrollees;
    private readonly string[] _staffIds;

    /// <summary>Per enrollee and month (enrollee * 12 + month): the records, <see cref="ShortMonth"/> for a single short service.</summary>
    private readonly int[] _plan;

    private SyntheticSnapshot(int enrollees, int services)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(enrollees);
        _enrollees = new Enrollee[enrollees];
        for (var e = 0; e < enrollees; e++)
        {
            _enrollees[e] = MakeEnrollee(e);
        }

        _staffIds = new string[Math.Max(Roles.Length, enrollees / 25)];
        for (var s = 0; s < _staffIds.Length; s++)
        {
            _staffIds[s] = string.Create(CultureInfo.InvariantCulture, $"S{s + 1:D4}");
        }

        _plan = Plan(services);
        ServiceCount = services;
    }

    public static ReviewPeriod Period { get; } = new(new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30));

    public static DateOnly AsOf => Period.End;

    public static ReviewInfo Review { get; } = new("self-check", AsOf, Period);

    public static AgencyProfile Agency { get; } = new(AgencyId, "Benchmark Agency", "lmha", null);

    public IReadOnlyList<Enrollee> Enrollees => _enrollees;

    public int ServiceCount { get; }

    public int StaffCount => _staffIds.Length;

    /// <summary>Claims: one per enrollee and month of the period.</summary>
    public int ClaimCount => _enrollees.Length * Months;

    /// <summary>The full enrolled months over all enrollees (the enrollee months of SVC-MONTHLY-MINIMUM).</summary>
    public int EnrolleeMonths => _enrollees.Sum(e => Period.FullMonths.Count(e.IsEnrolledThroughout));

    /// <summary><paramref name="enrollees"/> enrollees and exactly <paramref name="services"/> service records.</summary>
    public static SyntheticSnapshot Create(int enrollees, int services) => new(enrollees, services);

    /// <summary>The service records in file order (by enrollee, month and date), each with its services.csv line.</summary>
    public IEnumerable<ServiceRecord> Services()
    {
        var index = 0;
        var days = new List<int>();
        for (var e = 0; e < _enrollees.Length; e++)
        {
            var enrollee = _enrollees[e];
            for (var m = 0; m < Months; m++)
            {
                var plan = _plan[(e * Months) + m];
                if (plan == Absent)
                {
                    continue;
                }

                var (first, last) = ServedDays(enrollee, Period.FullMonths[m]);
                var count = plan == ShortMonth ? 1 : plan;
                days.Clear();
                for (var i = 0; i < count; i++)
                {
                    days.Add(first + Draw(Key(e, m, i, 1), last - first + 1));
                }

                days.Sort();
                for (var i = 0; i < count; i++)
                {
                    var line = index + 2;
                    index++;
                    var service = Draw(Key(e, m, i, 2), ServiceIds.Length);
                    var minutes = plan == ShortMonth ? 30m : Minutes[Draw(Key(e, m, i, 3), Minutes.Length)];
                    var documented = plan == ShortMonth ? Draw(Key(e, m, i, 4), 4) != 0 : Draw(Key(e, m, i, 4), 100) != 0;
                    yield return new ServiceRecord(
                        enrollee.EnrolleeId,
                        DateOnly.FromDayNumber(days[i]),
                        ServiceIds[service],
                        minutes,
                        Codes[service],
                        _staffIds[Draw(Key(e, m, i, 5), _staffIds.Length)],
                        documented ? string.Create(CultureInfo.InvariantCulture, $"PN{index:D7}") : null,
                        new SourceLine(SnapshotFile.Services, line));
                }
            }
        }
    }

    /// <summary>One claim per enrollee and month of the period, in that order.</summary>
    public IEnumerable<Claim> Claims()
    {
        var line = 2;
        foreach (var enrollee in _enrollees)
        {
            foreach (var month in Period.FullMonths)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"CLM{line - 1:D8}");
                yield return new Claim(id, enrollee.EnrolleeId, month, ClaimAmount, new SourceLine(SnapshotFile.Claims, line));
                line++;
            }
        }
    }

    /// <summary>The snapshot as the loader would return it for the folder <see cref="Write"/> makes, with claims.csv.</summary>
    public Snapshot ToSnapshot()
    {
        var ledger = new ServiceLedgerBuilder(SnapshotFile.Services, Period);
        foreach (var record in Services())
        {
            ledger.Add(record);
        }

        return new Snapshot(
            Agency,
            Review,
            null,
            null,
            new SnapshotTable<Enrollee>(SnapshotFile.Enrollees, _enrollees),
            ledger.Build(),
            null,
            new SnapshotTable<Claim>(SnapshotFile.Claims, [.. Claims()]));
    }

    /// <summary>
    /// Writes agency.yaml and services.csv to <paramref name="folder"/>, and with
    /// <paramref name="rosters"/> staff.csv and enrollees.csv too.
    /// </summary>
    public void Write(string folder, bool rosters)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Join(folder, SnapshotFile.Agency), $"""
            agency:
              id: {AgencyId}
              name: {Agency.Name}
              type: lmha
            review:
              type: self-check
              as_of: {Date(AsOf)}
              period_start: {Date(Period.Start)}
              period_end: {Date(Period.End)}

            """);

        using (var services = Create(Path.Join(folder, SnapshotFile.Services)))
        {
            services.WriteLine("enrollee_id,date,service,minutes,procedure_code,staff_id,note_id");
            foreach (var r in Services())
            {
                services.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{r.EnrolleeId},{Date(r.Date)},{r.Service},{r.Minutes},{r.ProcedureCode},{r.StaffId},{r.NoteId}"));
            }
        }

        if (!rosters)
        {
            return;
        }

        using (var enrollees = Create(Path.Join(folder, SnapshotFile.Enrollees)))
        {
            enrollees.WriteLine("enrollee_id,enrolled_on,disenrolled_on");
            foreach (var e in _enrollees)
            {
                enrollees.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.EnrolleeId},{Date(e.EnrolledOn)},{(e.DisenrolledOn is { } d ? Date(d) : string.Empty)}"));
            }
        }

        using var staff = Create(Path.Join(folder, SnapshotFile.Staff));
        staff.WriteLine("staff_id,name,role,fte,degree_level,degree_field,license_type,license_expires,bh_experience_years,start_date,end_date");
        for (var s = 0; s < _staffIds.Length; s++)
        {
            var role = Roles[s % Roles.Length];
            var (degree, field, license) = role switch
            {
                "director" => ("master", "clinical", ","),
                "nurse-care-manager" => ("bachelor", "nursing", "RN,2027-06-30"),
                "pc-consultant" => ("doctorate", "medicine", "MD,2027-06-30"),
                _ => ("bachelor", "social-work", ","),
            };
            staff.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_staffIds[s]},Staff Member {s + 1},{role},1.0,{degree},{field},{license},6,2020-01-06,"));
        }
    }

    /// <summary>The first and last day number of <paramref name="month"/> on which the enrollee is enrolled (first &gt; last: none).</summary>
    private static (int First, int Last) ServedDays(Enrollee enrollee, YearMonth month)
    {
        var first = Math.Max(month.FirstDay.DayNumber, enrollee.EnrolledOn.DayNumber);
        var last = Math.Min(month.LastDay.DayNumber, (enrollee.DisenrolledOn ?? DateOnly.MaxValue).DayNumber);
        return (first, last);
    }

    private static Enrollee MakeEnrollee(int e)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"E{e + 1:D6}");
        var start = Period.Start.DayNumber;
        var end = Period.End.DayNumber;
        var longAgo = new DateOnly(2019, 1, 1).DayNumber;
        var source = new SourceLine(SnapshotFile.Enrollees, e + 2);
        return Draw(Key(e, 0, 0, 0), 10) switch
        {
            // Enrols during the period, at least a month before its end.
            8 => new Enrollee(id, DateOnly.FromDayNumber(start + 1 + Draw(Key(e, 0, 0, 6), end - start - 31)), null, source),

            // Leaves during the period, after at least a day.
            9 => new Enrollee(id, DateOnly.FromDayNumber(longAgo + Draw(Key(e, 0, 0, 7), start - longAgo)), DateOnly.FromDayNumber(start + Draw(Key(e, 0, 0, 8), end - start - 1)), source),
            _ => new Enrollee(id, DateOnly.FromDayNumber(longAgo + Draw(Key(e, 0, 0, 7), start - longAgo)), null, source),
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StreamWriter Create(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 }) { NewLine = "\n" };

    /// <summary>
    /// How many records each served month gets: short and empty months as drawn, the rest an
    /// even share of the remaining records, varied by up to 3 in pairs that cancel out.
    /// </summary>
    private int[] Plan(int services)
    {
        var plan = new int[_enrollees.Length * Months];
        var regular = new List<int>();
        var shortMonths = 0;
        for (var e = 0; e < _enrollees.Length; e++)
        {
            for (var m = 0; m < Months; m++)
            {
                var month = Period.FullMonths[m];
                var (first, last) = ServedDays(_enrollees[e], month);
                if (first > last)
                {
                    continue;
                }

                var cell = (e * Months) + m;
                var full = _enrollees[e].IsEnrolledThroughout(month);
                switch (full ? Draw(Key(e, m, 0, 9), 100) : 99)
                {
                    case < 4:
                        plan[cell] = ShortMonth;
                        shortMonths++;
                        break;
                    case 4:
                        // An enrolled month with no service at all; the cell stays Absent.
                        break;
                    default:
                        regular.Add(cell);
                        break;
                }
            }
        }

        var share = services - shortMonths;
        if (regular.Count == 0 || share < regular.Count * 4)
        {
            throw new ArgumentOutOfRangeException(nameof(services), services, $"Too few services for {_enrollees.Length} enrollees: at least {(regular.Count * 4) + shortMonths} are needed.");
        }

        var each = share / regular.Count;
        var extra = share % regular.Count;
        var spread = Math.Min(3, each - 1);
        for (var i = 0; i < regular.Count; i++)
        {
            var pair = i / 2;
            var shift = i % 2 == 0 && i + 1 < regular.Count ? Draw(Key(pair, 0, 0, 10), spread + 1)
                : i % 2 == 1 ? -Draw(Key(pair, 0, 0, 10), spread + 1)
                : 0;
            plan[regular[i]] = each + (i < extra ? 1 : 0) + shift;
        }

        return plan;
    }

    private static ulong Key(int a, int b, int c, int salt) =>
        ((ulong)(uint)a << 32) ^ ((ulong)(uint)b << 24) ^ ((ulong)(uint)c << 8) ^ (uint)salt;

    /// <summary>A value in [0, <paramref name="bound"/>) that depends only on <paramref name="key"/> (SplitMix64's finaliser).</summary>
    private static int Draw(ulong key, int bound)
    {
        var x = key + 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        x ^= x >> 31;
        return (int)(x % (ulong)bound);
    }
}
