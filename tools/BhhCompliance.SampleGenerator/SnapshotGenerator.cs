using System.Globalization;
using System.Text;

namespace BhhCompliance.SampleGenerator;

/// <summary>What to generate: a scenario, a seed and a number of enrollees.</summary>
internal sealed record GenerationRequest(Scenario Scenario, ulong Seed, int Enrollees)
{
    /// <summary>The statewide data set this snapshot is one agency of, if any; its agency.yaml names the set's command.</summary>
    public StateOrigin? State { get; init; }

    public static GenerationRequest Default(Scenario scenario) => new(scenario, scenario.DefaultSeed, scenario.DefaultEnrollees);

    /// <summary>True for the request that produces the committed sample of the scenario.</summary>
    public bool IsCommittedSample => Seed == Scenario.DefaultSeed && Enrollees == Scenario.DefaultEnrollees;

    /// <summary>
    /// The command that writes this snapshot to <paramref name="folder"/>. The committed samples
    /// name their folder in the repository, wherever they were written, so that generating one
    /// elsewhere (as the tests do) still gives the committed bytes.
    /// </summary>
    public string CommandFor(string folder)
    {
        var command = new StringBuilder("dotnet run --project tools/BhhCompliance.SampleGenerator --");
        command.Append(CultureInfo.InvariantCulture, $" --scenario {Scenario.Name} --seed {Seed}");
        if (Enrollees != Scenario.DefaultEnrollees)
        {
            command.Append(CultureInfo.InvariantCulture, $" --enrollees {Enrollees}");
        }

        var target = IsCommittedSample ? Scenario.DefaultFolder : folder.Replace('\\', '/');
        return command.Append(CultureInfo.InvariantCulture, $" --out {target}").ToString();
    }
}

/// <summary>The files written and their data rows (the header not counted).</summary>
internal sealed record GenerationSummary(IReadOnlyList<(string File, long Rows)> Files, int Census, int MemberMonths);

/// <summary>
/// Writes one agency snapshot folder (snapshot.md) from a scenario. Everything comes from the
/// seed: each file draws from its own SplitMix64 stream, no clock is read, and every number and
/// date is formatted invariantly, so the same request gives the same bytes on every machine.
/// </summary>
internal static class SnapshotGenerator
{
    // One stream per part of the snapshot (SplitMix64.ForStream). A statewide data set draws the
    // enrolment spans ahead of writing, to plan service density, so that stream is shared.
    internal const ulong EnrolmentStream = 1;
    private const ulong RosterStream = 2;
    private const ulong ServiceStreamId = 3;
    private const ulong PcTrackerStream = 4;
    private const ulong ChartStream = 5;

    public static GenerationSummary Generate(GenerationRequest request, string folder)
    {
        var scenario = request.Scenario;
        Directory.CreateDirectory(folder);

        var enrollees = Enrolment.Build(scenario, request.Enrollees, SplitMix64.ForStream(request.Seed, EnrolmentStream));
        var census = Enrolment.Census(enrollees, scenario.AsOf);
        var memberMonths = Enrolment.MemberMonths(enrollees, Enrolment.FullMonths(scenario.PeriodStart, scenario.PeriodEnd));
        var staff = Roster.Build(scenario, census, SplitMix64.ForStream(request.Seed, RosterStream));
        var files = new List<(string File, long Rows)>();

        File.WriteAllText(Path.Join(folder, "agency.yaml"), AgencyYaml(request, folder), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        files.Add(("agency.yaml", 0));

        using (var csv = new CsvWriter(Path.Join(folder, "staff.csv"), "staff_id", "name", "role", "fte", "degree_level", "degree_field", "license_type", "license_expires", "bh_experience_years", "start_date", "end_date"))
        {
            foreach (var s in staff)
            {
                csv.Row(
                    s.StaffId,
                    s.Name,
                    s.Role,
                    s.Fte.ToString("0.0#", CultureInfo.InvariantCulture),
                    s.DegreeLevel,
                    s.DegreeField,
                    s.LicenseType,
                    s.LicenseExpires is { } expires ? CsvWriter.Date(expires) : null,
                    s.ExperienceYears.ToString("0.#", CultureInfo.InvariantCulture),
                    CsvWriter.Date(s.StartDate),
                    s.EndDate is { } end ? CsvWriter.Date(end) : null);
            }

            files.Add(("staff.csv", csv.Rows));
        }

        using (var csv = new CsvWriter(Path.Join(folder, "enrollees.csv"), "enrollee_id", "enrolled_on", "disenrolled_on"))
        {
            foreach (var e in enrollees)
            {
                csv.Row(e.EnrolleeId, CsvWriter.Date(e.EnrolledOn), e.DisenrolledOn is { } to ? CsvWriter.Date(to) : null);
            }

            files.Add(("enrollees.csv", csv.Rows));
        }

        var serviceStream = new ServiceStream(scenario, enrollees, staff, SplitMix64.ForStream(request.Seed, ServiceStreamId));
        using (var services = new CsvWriter(Path.Join(folder, "services.csv"), "enrollee_id", "date", "service", "minutes", "procedure_code", "staff_id", "note_id"))
        using (var claims = new CsvWriter(Path.Join(folder, "claims.csv"), "claim_id", "enrollee_id", "month", "amount"))
        {
            serviceStream.Write(services, claims);
            files.Add(("services.csv", services.Rows));
            files.Add(("claims.csv", claims.Rows));
        }

        var trackerName = scenario.PcTrackerAsXlsx ? "pc-tracker.xlsx" : "pc-tracker.csv";
        using (var tracker = scenario.PcTrackerAsXlsx
            ? (ITableSink)new XlsxWriter(Path.Join(folder, trackerName), "PC Tracker", scenario.AsOf, PcTracker.Columns)
            : new CsvWriter(Path.Join(folder, trackerName), [.. PcTracker.Columns.Select(c => c.Name)]))
        {
            PcTracker.Write(scenario, enrollees, staff, memberMonths, SplitMix64.ForStream(request.Seed, PcTrackerStream), tracker);
            files.Add((trackerName, tracker.Rows));
        }

        using (var chart = new CsvWriter(Path.Join(folder, "chart-events.csv"), [.. ChartHistory.Columns]))
        {
            ChartHistory.Write(scenario, enrollees, serviceStream.FirstServiceDates, SplitMix64.ForStream(request.Seed, ChartStream), chart);
            files.Add(("chart-events.csv", chart.Rows));
        }

        return new GenerationSummary(files, census, memberMonths);
    }

    /// <summary>agency.yaml (snapshot.md), opening with how to regenerate the folder.</summary>
    internal static string AgencyYaml(GenerationRequest request, string folder)
    {
        var s = request.Scenario;
        var yaml = new StringBuilder();
        if (request.State is { } state)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"# Generated statewide data set: {s.AgencyName} is a fictional agency, and every person and\n");
            yaml.Append("# enrollee in this folder is made up.\n");
            yaml.Append(CultureInfo.InvariantCulture, $"# Agency {state.Number} of {state.Agencies} (data set seed {state.Seed}), {request.Enrollees} enrollees. Regenerate the\n");
            yaml.Append("# whole data set from the repository root with:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"#   {state.Command}\n");
        }
        else
        {
            yaml.Append(CultureInfo.InvariantCulture, $"# Generated sample snapshot: {s.AgencyName} is a fictional agency, and every person and\n");
            yaml.Append("# enrollee in this folder is made up.\n");
            yaml.Append(CultureInfo.InvariantCulture, $"# Scenario {s.Name}, seed {request.Seed}, {request.Enrollees} enrollees. Regenerate from the repository root with:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"#   {request.CommandFor(folder)}\n");
        }

        yaml.Append("agency:\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  id: {s.AgencyId}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  name: {s.AgencyName}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  type: {s.AgencyType}\n");
        if (s.ParentLmha is not null)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  lmha: {s.ParentLmha}\n");
        }

        yaml.Append("review:\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  type: {s.ReviewType}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  as_of: {CsvWriter.Date(s.AsOf)}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  period_start: {CsvWriter.Date(s.PeriodStart)}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  period_end: {CsvWriter.Date(s.PeriodEnd)}\n");
        return yaml.ToString();
    }
}
