using System.Globalization;
using BhhCompliance.SampleGenerator;

return CommandLine.Run(args, Console.Out, Console.Error);

/// <summary>
/// <c>--scenario NAME --out DIR [--seed N] [--enrollees N]</c>: writes one snapshot folder.
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

        var (request, folder) = parsed;
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

    private static string Usage =>
        "Usage: BhhCompliance.SampleGenerator --scenario " + string.Join('|', Scenarios.All.Select(s => s.Name))
        + " --out DIR [--seed N] [--enrollees N]";

    private static (GenerationRequest Request, string Folder)? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        string? scenarioName = null;
        string? folder = null;
        ulong? seed = null;
        int? enrollees = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
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
                case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--enrollees" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    enrollees = n;
                    break;
                case "--seed" or "--enrollees":
                    error.WriteLine($"error: {name} must be a whole number{(name == "--enrollees" ? " above 0" : string.Empty)}, got '{value}'.");
                    return null;
                default:
                    error.WriteLine($"error: unknown option '{name}'.");
                    return null;
            }
        }

        if (scenarioName is null || folder is null)
        {
            error.WriteLine("error: --scenario and --out are required.");
            return null;
        }

        if (Scenarios.Find(scenarioName) is not { } scenario)
        {
            error.WriteLine($"error: unknown scenario '{scenarioName}'.");
            return null;
        }

        return (new GenerationRequest(scenario, seed ?? scenario.DefaultSeed, enrollees ?? scenario.DefaultEnrollees), folder);
    }
}
