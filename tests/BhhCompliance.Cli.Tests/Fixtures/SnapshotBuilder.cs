using System.Globalization;
using System.Text;

namespace BhhCompliance.Cli.Tests.Fixtures;

/// <summary>
/// Builds snapshot folders (snapshot.md) for the command-line tests: an agency.yaml and CSV
/// files written to a fresh temporary folder. Tables are kept as lines, the header first, so a
/// test can change or add rows and ask which physical line a row landed on.
/// <para>
/// <see cref="Clean"/> passes every rule of the Connecticut rule set on its as-of date
/// 2026-09-30, for a period of 2026-04-01 to 2026-09-30 (six full months):
/// </para>
/// <list type="bullet">
/// <item>E01 to E24 enrolled since 2025-10-01, E25 since 2026-09-10: a census of 25, 24 before 2026-09-10;</item>
/// <item>every enrollee month has a 60-minute documented service with code T1017, and all six core services occur;</item>
/// <item>each of the seven roles is staffed above its ratio, and S08, a second BHH Specialist, left on 2026-08-31;</item>
/// <item>900 PC Tracker minutes against the 12 hours that 144 member months need;</item>
/// <item>one 250.00 claim per enrollee month of E01 to E24;</item>
/// <item>every chart has a consent before its first service, an assessment and a recovery plan within 30 days of
/// enrolment, a plan review in the last 180 days (E01 to E24) and a team; E01's discharge is followed up in 2
/// days and E02's referral confirmed in 19; reviewers answered CHART-PERSON-CENTERED met for every chart.</item>
/// </list>
/// </summary>
internal sealed class SnapshotBuilder
{
    public const string AsOf = "2026-09-30";
    public const string PeriodStart = "2026-04-01";
    public const string PeriodEnd = "2026-09-30";

    public const string AgencyFile = "agency.yaml";
    public const string StaffFile = "staff.csv";
    public const string EnrolleesFile = "enrollees.csv";
    public const string ServicesFile = "services.csv";
    public const string PcTrackerFile = "pc-tracker.csv";
    public const string ClaimsFile = "claims.csv";
    public const string ChartEventsFile = "chart-events.csv";
    public const string AttestationsFile = "attestations.csv";

    public const string StaffHeader = "staff_id,name,role,fte,degree_level,degree_field,license_type,license_expires,bh_experience_years,start_date,end_date";
    public const string EnrolleesHeader = "enrollee_id,enrolled_on,disenrolled_on";
    public const string ServicesHeader = "enrollee_id,date,service,minutes,procedure_code,staff_id,note_id";
    public const string PcTrackerHeader = "date,consultant_id,minutes,activity,enrollee_id,billed_to_medicaid";
    public const string ClaimsHeader = "claim_id,enrollee_id,month,amount";

    /// <summary>The six core services in the order of program.md.</summary>
    public static readonly IReadOnlyList<string> CoreServices =
        ["care-management", "care-coordination", "health-promotion", "transitional-care", "family-support", "community-referral"];

    /// <summary>The full months of the period.</summary>
    public static readonly IReadOnlyList<string> Months = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SortedDictionary<string, List<string>> _tables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, byte[]> _rawFiles = new(StringComparer.Ordinal);
    private string? _agencyOverride;
    private string _reviewType = "self-check";
    private bool _withAgency = true;

    private SnapshotBuilder()
    {
    }

    /// <summary>A snapshot on which every rule passes.</summary>
    public static SnapshotBuilder Clean()
    {
        var builder = new SnapshotBuilder();
        builder._tables[StaffFile] =
        [
            StaffHeader,
            "S01,Dana Director,director,1.0,master,clinical,,,6,2020-01-01,",
            "S02,Nora Nurse,nurse-care-manager,1.0,bachelor,nursing,RN,2027-06-30,3,2021-03-01,",
            "S03,Sam Specialist,bhh-specialist,1.0,bachelor,social-work,,,2,2022-01-10,",
            "S04,Pat Peer,peer-recovery-specialist,1.0,none,,,,1,2023-05-01,",
            "S05,Terry Transition,care-transition-coordinator,1.0,bachelor,nursing,,,4,2022-07-01,",
            "S06,Alex Admin,admin-systems-specialist,0.5,associate,information-systems,,,2,2021-09-01,",
            "S07,Dr. Casey Consultant,pc-consultant,0.2,doctorate,medicine,MD,2027-12-31,10,2020-06-01,",
            "S08,Lee Leaver,bhh-specialist,0.5,bachelor,psychology,,,1,2024-02-01,2026-08-31",
        ];

        var enrollees = new List<string> { EnrolleesHeader };
        var services = new List<string> { ServicesHeader };
        var claims = new List<string> { ClaimsHeader };
        for (var n = 1; n <= 24; n++)
        {
            var id = EnrolleeId(n);
            enrollees.Add($"{id},2025-10-01,");
            for (var m = 0; m < Months.Count; m++)
            {
                var service = CoreServices[(n + m) % CoreServices.Count];
                services.Add($"{id},{Months[m]}-10,{service},60,T1017,S03,N-{id}-{Months[m]}");
                claims.Add($"C-{id}-{Months[m]},{id},{Months[m]},250.00");
            }
        }

        enrollees.Add("E25,2026-09-10,");
        services.Add("E25,2026-09-15,care-management,60,T1017,S03,N-E25-2026-09");
        builder._tables[EnrolleesFile] = enrollees;
        builder._tables[ServicesFile] = services;
        builder._tables[ClaimsFile] = claims;

        var tracker = new List<string> { PcTrackerHeader };
        foreach (var month in Months)
        {
            tracker.Add($"{month}-20,S07,150,case-review,,no");
        }

        builder._tables[PcTrackerFile] = tracker;

        var events = new List<string> { "enrollee_id,event,date,detail" };
        var attestations = new List<string> { "enrollee_id,criterion,answer,reviewer,date,comment" };
        for (var n = 1; n <= 25; n++)
        {
            var id = EnrolleeId(n);
            var enrolled = n == 25 ? new DateOnly(2026, 9, 10) : new DateOnly(2025, 10, 1);
            string Day(int days) => enrolled.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            events.Add($"{id},consent-signed,{Day(0)},");
            events.Add($"{id},team-assigned,{Day(1)},");
            events.Add($"{id},assessment,{Day(2)},");
            events.Add($"{id},recovery-plan,{Day(4)},");
            if (n < 25)
            {
                events.Add($"{id},recovery-plan-review,2026-04-15,");
            }

            attestations.Add($"{id},CHART-PERSON-CENTERED,met,Robin Reviewer,2026-10-02,");
        }

        events.Add("E01,inpatient-admission,2026-05-25,");
        events.Add("E01,inpatient-discharge,2026-06-01,");
        events.Add("E01,discharge-follow-up,2026-06-03,");
        events.Add("E02,referral,2026-05-01,primary care");
        events.Add("E02,referral-confirmed,2026-05-20,");
        builder._tables[ChartEventsFile] = events;
        builder._tables[AttestationsFile] = attestations;
        return builder;
    }

    /// <summary>
    /// Major failures and warnings, no critical failure (determination conditional):
    /// <list type="bullet">
    /// <item>STAFF-NURSE-RATIO fail: nurse FTE 0.05 + 0.05 = 0.10 against 25 / 200 = 0.125;</item>
    /// <item>STAFF-PEER-RATIO warn: 0.45 against 0.5, inside the 10% tolerance;</item>
    /// <item>CRED-DIRECTOR fail: S01 has 2 years of experience;</item>
    /// <item>CRED-NURSE and CRED-LICENSE-CURRENT fail for S09 (LPN, expired 2026-06-30); CRED-LICENSE-EXPIRING warns for S02 (2026-10-15);</item>
    /// <item>SVC-DOCUMENTED fail and BILL-SUBSTANTIATED fail: E01's April service has no note;</item>
    /// <item>SVC-MONTHLY-MINIMUM warn: E02 had 30 minutes in May (143 of 144 months met);</item>
    /// <item>SVC-BILLING-CODE fail (minor): E04's April service has code X9999;</item>
    /// <item>PC-NOT-BILLED fail: the June PC Tracker entry was billed to Medicaid;</item>
    /// <item>BILL-DUPLICATE fail: C-DUP claims E03's June a second time.</item>
    /// </list>
    /// </summary>
    public static SnapshotBuilder WithFailures() => Clean()
        .ReplaceRow(StaffFile, "S01,", "S01,Dana Director,director,1.0,master,clinical,,,2,2020-01-01,")
        .ReplaceRow(StaffFile, "S02,", "S02,Nora Nurse,nurse-care-manager,0.05,bachelor,nursing,RN,2026-10-15,3,2021-03-01,")
        .ReplaceRow(StaffFile, "S04,", "S04,Pat Peer,peer-recovery-specialist,0.45,none,,,,1,2023-05-01,")
        .AddRow(StaffFile, "S09,Morgan Practical,nurse-care-manager,0.05,associate,nursing,LPN,2026-06-30,5,2022-02-01,")
        .ReplaceRow(ServicesFile, "E01,2026-04-10,", "E01,2026-04-10,care-coordination,60,T1017,S03,")
        .ReplaceRow(ServicesFile, "E02,2026-05-10,", "E02,2026-05-10,health-promotion,30,T1017,S03,N-E02-2026-05")
        .ReplaceRow(ServicesFile, "E04,2026-04-10,", "E04,2026-04-10,family-support,60,X9999,S03,N-E04-2026-04")
        .ReplaceRow(PcTrackerFile, "2026-06-20,", "2026-06-20,S07,150,consultation,E05,yes")
        .AddRow(ClaimsFile, "C-DUP,E03,2026-06,250.00");

    /// <summary>
    /// Three input errors: a duplicate staff_id (staff.csv line 10), an unknown role
    /// (staff.csv line 11) and an impossible date (services.csv line 3).
    /// </summary>
    public static SnapshotBuilder BadInput() => Clean()
        .AddRow(StaffFile, "S01,Second Director,director,0.5,master,clinical,,,5,2024-01-01,")
        .AddRow(StaffFile, "S10,Chris Chaplain,chaplain,0.5,master,divinity,,,5,2024-01-01,")
        .ReplaceRow(ServicesFile, "E01,2026-05-10,", "E01,2026-13-01,care-management,60,T1017,S03,N-E01-2026-05");

    public static string EnrolleeId(int n) => "E" + n.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The review type in agency.yaml, which picks the default profile.</summary>
    public SnapshotBuilder ReviewType(string type)
    {
        _reviewType = type;
        return this;
    }

    /// <summary>Replaces agency.yaml with this text.</summary>
    public SnapshotBuilder AgencyYaml(string yaml)
    {
        _agencyOverride = yaml;
        return this;
    }

    public SnapshotBuilder WithoutAgency()
    {
        _withAgency = false;
        return this;
    }

    /// <summary>Only agency.yaml: every table file is dropped.</summary>
    public SnapshotBuilder OnlyAgency()
    {
        _tables.Clear();
        _rawFiles.Clear();
        return this;
    }

    public SnapshotBuilder Without(string file)
    {
        if (!_tables.Remove(file) && !_rawFiles.Remove(file))
        {
            throw new InvalidOperationException($"The snapshot has no {file} to remove.");
        }

        return this;
    }

    /// <summary>Adds a file with exactly these bytes (a broken spreadsheet ...).</summary>
    public SnapshotBuilder WithRawFile(string file, byte[] content)
    {
        _rawFiles[file] = content;
        return this;
    }

    /// <summary>Sets a whole table: its header line, then its rows.</summary>
    public SnapshotBuilder WithTable(string file, params string[] lines)
    {
        _tables[file] = [.. lines];
        return this;
    }

    public SnapshotBuilder AddRow(string file, string line)
    {
        Table(file).Add(line);
        return this;
    }

    /// <summary>Replaces the one data row that starts with <paramref name="prefix"/>.</summary>
    public SnapshotBuilder ReplaceRow(string file, string prefix, string line)
    {
        var lines = Table(file);
        var index = SingleRowIndex(file, lines, prefix);
        lines[index] = line;
        return this;
    }

    /// <summary>Rewrites every data row of a table.</summary>
    public SnapshotBuilder MapRows(string file, Func<string, string> map)
    {
        var lines = Table(file);
        for (var i = 1; i < lines.Count; i++)
        {
            lines[i] = map(lines[i]);
        }

        return this;
    }

    /// <summary>The physical line (header = 1) of the one data row that starts with <paramref name="prefix"/>.</summary>
    public int LineOf(string file, string prefix) => SingleRowIndex(file, Table(file), prefix) + 1;

    /// <summary>Writes the snapshot to a new temporary folder, deleted when the result is disposed.</summary>
    public SnapshotFolder Build()
    {
        var folder = new SnapshotFolder();
        Directory.CreateDirectory(folder.Path);
        if (_withAgency)
        {
            File.WriteAllText(System.IO.Path.Join(folder.Path, AgencyFile), _agencyOverride ?? AgencyText(), Utf8);
        }

        foreach (var (file, lines) in _tables)
        {
            File.WriteAllText(System.IO.Path.Join(folder.Path, file), string.Join("\n", lines) + "\n", Utf8);
        }

        foreach (var (file, bytes) in _rawFiles)
        {
            File.WriteAllBytes(System.IO.Path.Join(folder.Path, file), bytes);
        }

        return folder;
    }

    private string AgencyText() => $"""
        agency:
          id: LMHA-TV
          name: Test Valley Services
          type: lmha
        review:
          type: {_reviewType}
          as_of: {AsOf}
          period_start: {PeriodStart}
          period_end: {PeriodEnd}

        """;

    private List<string> Table(string file) =>
        _tables.TryGetValue(file, out var lines) ? lines : throw new InvalidOperationException($"The snapshot has no {file}.");

    private static int SingleRowIndex(string file, List<string> lines, string prefix)
    {
        var matches = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{matches.Count} rows of {file} start with '{prefix}'; expected exactly one.");
    }
}
