using System.Globalization;
using BhhCompliance.SampleGenerator;

return CommandLine.Run(args, Console.Out, Console.Error);

/// <summary>
/// <c>--scenario NAME --out DIR [--seed N] [--enrollees N]</c>: writes one snapshot folder.
/// <c>--statewide --out DIR [--agencies N] [--enrollees N] [--services N] [--seed N] [--review-type TYPE]</c>:
/// writes a statewide data set, one snapshot folder per agency.
/// Exit codes: 0 written, 1 the folder could not be written, 2 bad arguments.
/// </summary>
internal static class CommandLine
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (Parse(args, error) is not { } parsed)
        {
            error.WriteLine(Usage);
            return 2;
        }

        return parsed.State is { } state
            ? RunStatewide(state, parsed.Folder, output, error)
            : RunScenario(parsed.Snapshot!, parsed.Folder, output, error);
    }

    private static int RunScenario(GenerationRequest request, string folder, TextWriter output, TextWriter error)
    {
        GenerationSummary summary;
        try
        {
            // A tracker of the other format left by an earlier run would make the folder ambiguous (BHH2008).
            var stale = Path.Join(folder, request.Scenario.PcTrackerAsXlsx ? "pc-tracker.csv" : "pc-tracker.xlsx");
            if (File.Exists(stale))
            {
                File.Delete(stale);
            }

            summary = SnapshotGenerator.Generate(request, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the snapshot to {folder}: {ex.Message}");
            return 1;
        }

        output.WriteLine($"Wrote {request.Scenario.Name} (seed {request.Seed}, {request.Enrollees} enrollees) to {folder}");
        output.WriteLine($"  census on {request.Scenario.AsOf:yyyy-MM-dd}: {summary.Census}; member months: {summary.MemberMonths}");
        foreach (var (file, rows) in summary.Files)
        {
            output.WriteLine(rows > 0 ? $"  {file,-16} {rows,9} rows" : $"  {file}");
        }

        return 0;
    }

    private static int RunStatewide(StatewideRequest request, string folder, TextWriter output, TextWriter error)
    {
        StatewideSummary summary;
        try
        {
            summary = StatewideGenerator.Generate(request, folder, Environment.ProcessorCount);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the data set to {folder}: {ex.Message}");
            return 1;
        }

        output.WriteLine($"Wrote a statewide data set (seed {request.Seed}, {StatewideGenerator.Count(request.Agencies, "agency", "agencies")}, {request.ReviewType} review) to {folder}");
        var width = summary.Agencies.Max(a => a.Agency.Folder.Length);
        foreach (var agency in summary.Agencies)
        {
            output.WriteLine($"  {agency.Agency.Folder.PadRight(width)} {agency.Agency.Request.Enrollees,7} enrollees {agency.Services,9} services {agency.Claims,8} claims");
        }

        var off = (summary.Services - request.Services) * 100m / request.Services;
        output.WriteLine($"  {"total".PadRight(width)} {summary.Enrollees,7} enrollees {summary.Services,9} services {summary.Claims,8} claims");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  services: {summary.Services} against a target of {request.Services} ({off:+0.00;-0.00;0.00}%)"));
        foreach (var stray in summary.Strays)
        {
            error.WriteLine($"warning: {Path.Join(folder, stray)} is not part of this data set; a batch audit of {folder} will read it too.");
        }

        return 0;
    }

    private static string Usage =>
        "Usage: BhhCompliance.SampleGenerator --scenario " + string.Join('|', Scenarios.All.Select(s => s.Name))
        + " --out DIR [--seed N] [--enrollees N]\n"
        + "       BhhCompliance.SampleGenerator --statewide --out DIR [--agencies N] [--enrollees N] [--services N]\n"
        + "           [--seed N] [--review-type " + string.Join('|', StatewideRequest.ReviewTypes) + "]\n"
        + "  --scenario     one agency snapshot, the committed sample of the scenario by default\n"
        + "  --statewide    one snapshot folder per agency and a README.txt, for a review year\n"
        + "  --out          the snapshot folder, or the data set's folder\n"
        + string.Create(CultureInfo.InvariantCulture, $"  --agencies     agencies in the state (default {StatewideRequest.DefaultAgencies})\n")
        + string.Create(CultureInfo.InvariantCulture, $"  --enrollees    of the snapshot, or over all agencies (statewide default {StatewideRequest.DefaultEnrollees})\n")
        + string.Create(CultureInfo.InvariantCulture, $"  --services     service records to aim for over all agencies (default {StatewideRequest.DefaultServicesPerEnrollee} per enrollee)\n")
        + string.Create(CultureInfo.InvariantCulture, $"  --seed         the seed: the same arguments write the same bytes (statewide default {StatewideRequest.DefaultSeed})\n")
        + string.Create(CultureInfo.InvariantCulture, $"  --review-type  the review of every agency.yaml (default {StatewideRequest.DefaultReviewType})");

    private static Arguments? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        string? scenarioName = null;
        string? folder = null;
        string? reviewType = null;
        ulong? seed = null;
        int? enrollees = null;
        int? agencies = null;
        long? services = null;
        var statewide = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (name == "--statewide")
            {
                statewide = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error.WriteLine($"error: {name} needs a value.");
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--scenario":
                    scenarioName = value;
                    break;
                case "--out":
                    folder = value;
                    break;
                case "--review-type" when StatewideRequest.ReviewTypes.Contains(value, StringComparer.Ordinal):
                    reviewType = value;
                    break;
                case "--review-type":
                    error.WriteLine($"error: --review-type must be {string.Join(", ", StatewideRequest.ReviewTypes)}, got '{value}'.");
                    return null;
                case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--enrollees" when TryCount(value, out var n):
                    enrollees = n;
                    break;
                case "--agencies" when TryCount(value, out var n):
                    agencies = n;
                    break;
                case "--services" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    services = n;
                    break;
                case "--seed":
                    error.WriteLine($"error: --seed must be a whole number, got '{value}'.");
                    return null;
                case "--enrollees" or "--agencies" or "--services":
                    error.WriteLine($"error: {name} must be a whole number above 0, got '{value}'.");
                    return null;
                default:
                    error.WriteLine($"error: unknown option '{name}'.");
                    return null;
            }
        }

        if (statewide)
        {
            return ParseStatewide(scenarioName, folder, reviewType, seed, enrollees, agencies, services, error);
        }

        if (agencies is not null || services is not null || reviewType is not null)
        {
            error.WriteLine("error: --agencies, --services and --review-type go with --statewide.");
            return null;
        }

        if (scenarioName is null || folder is null)
        {
            error.WriteLine("error: --scenario (or --statewide) and --out are required.");
            return null;
        }

        if (Scenarios.Find(scenarioName) is not { } scenario)
        {
            error.WriteLine($"error: unknown scenario '{scenarioName}'.");
            return null;
        }

        return new Arguments(folder, new GenerationRequest(scenario, seed ?? scenario.DefaultSeed, enrollees ?? scenario.DefaultEnrollees), null);
    }

    private static Arguments? ParseStatewide(string? scenarioName, string? folder, string? reviewType, ulong? seed, int? enrollees, int? agencies, long? services, TextWriter error)
    {
        if (scenarioName is not null)
        {
            error.WriteLine("error: --statewide and --scenario do not go together: a statewide data set designs its own agencies.");
            return null;
        }

        if (folder is null)
        {
            error.WriteLine("error: --out is required.");
            return null;
        }

        var agencyCount = agencies ?? StatewideRequest.DefaultAgencies;
        var enrolleeCount = enrollees ?? StatewideRequest.DefaultEnrollees;
        if ((long)agencyCount * StatewideRequest.MinimumAgencyEnrollees > enrolleeCount)
        {
            error.WriteLine(
                $"error: {agencyCount} agencies need at least {(long)agencyCount * StatewideRequest.MinimumAgencyEnrollees} enrollees "
                + $"({StatewideRequest.MinimumAgencyEnrollees} each), got {enrolleeCount}.");
            return null;
        }

        return new Arguments(
            folder,
            null,
            new StatewideRequest(
                agencyCount,
                enrolleeCount,
                services ?? (long)enrolleeCount * StatewideRequest.DefaultServicesPerEnrollee,
                seed ?? StatewideRequest.DefaultSeed,
                reviewType ?? StatewideRequest.DefaultReviewType));
    }

    private static bool TryCount(string value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;

    /// <summary>The parsed command line: the folder, and either one snapshot or a statewide data set.</summary>
    private sealed record Arguments(string Folder, GenerationRequest? Snapshot, StatewideRequest? State);
}
