using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;

namespace BhhCompliance.SampleGenerator;

/// <summary>One agency of a statewide data set as written.</summary>
internal sealed record StateAgencySummary(StateAgency Agency, GenerationSummary Written)
{
    public long Services => Rows("services.csv");

    public long Claims => Rows("claims.csv");

    private long Rows(string file) => Written.Files.Single(f => f.File == file).Rows;
}

/// <summary>A statewide data set as written, and folders beside it that are not part of it.</summary>
internal sealed record StatewideSummary(StatewideRequest Request, IReadOnlyList<StateAgencySummary> Agencies, IReadOnlyList<string> Strays)
{
    public long Enrollees => Agencies.Sum(a => (long)a.Agency.Request.Enrollees);

    public long Services => Agencies.Sum(a => a.Services);

    public long Claims => Agencies.Sum(a => a.Claims);
}

/// <summary>
/// Writes a statewide data set: one snapshot folder per agency of the <see cref="StatewidePlan"/>,
/// and a README.txt beside them. Agencies are written in parallel, each from its own streams into
/// its own folder, so the bytes do not depend on the number of cores or on scheduling.
/// </summary>
internal static class StatewideGenerator
{
    public const string ReadmeName = "README.txt";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static StatewideSummary Generate(StatewideRequest request, string folder, int parallelism)
    {
        var agencies = StatewidePlan.Build(request, folder);
        Directory.CreateDirectory(folder);
        var written = new GenerationSummary[agencies.Count];

        // Largest agencies first, handed out one at a time, so that the cores finish together.
        var queue = Partitioner.Create(
            agencies.OrderByDescending(a => a.Request.Enrollees).ThenBy(a => a.Number),
            EnumerablePartitionerOptions.NoBuffering);
        try
        {
            Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, agency =>
            {
                var path = Path.Join(folder, agency.Folder);
                Directory.CreateDirectory(path);

                // A tracker of the other format left by an earlier run would make the folder ambiguous (BHH2008).
                var stale = Path.Join(path, agency.Request.Scenario.PcTrackerAsXlsx ? "pc-tracker.csv" : "pc-tracker.xlsx");
                if (File.Exists(stale))
                {
                    File.Delete(stale);
                }

                written[agency.Number - 1] = SnapshotGenerator.Generate(agency.Request, path);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException))
        {
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        var ours = agencies.Select(a => a.Folder).ToHashSet(StringComparer.Ordinal);
        var strays = Directory.GetDirectories(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !ours.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        var summary = new StatewideSummary(request, [.. agencies.Select((a, i) => new StateAgencySummary(a, written[i]))], strays);
        File.WriteAllText(Path.Join(folder, ReadmeName), Readme(summary, folder), Utf8NoBom);
        return summary;
    }

    /// <summary>README.txt: what the data set is, how to regenerate it, its totals and its agencies.</summary>
    internal static string Readme(StatewideSummary summary, string folder)
    {
        var request = summary.Request;
        var first = summary.Agencies[0].Agency.Request.Scenario;
        var lmhas = summary.Agencies.Count(a => a.Agency.Request.Scenario.AgencyType == "lmha");
        var text = new StringBuilder();
        text.Append("Synthetic statewide Behavioral Health Home data set\n");
        text.Append("===================================================\n\n");
        var affiliates = summary.Agencies.Count - lmhas;
        text.Append(CultureInfo.InvariantCulture, $"{Count(summary.Agencies.Count, "fictional agency", "fictional agencies")} ({Count(lmhas, "LMHA", "LMHAs")}, {Count(affiliates, "affiliate", "affiliates")}), one snapshot folder each,\n");
        text.Append(CultureInfo.InvariantCulture, $"for a {request.ReviewType} review of the year {CsvWriter.Date(first.PeriodStart)} to {CsvWriter.Date(first.PeriodEnd)} as of {CsvWriter.Date(first.AsOf)}.\n");
        text.Append("Every agency, person, enrollee, claim and note in it is made up. Each folder is a complete\n");
        text.Append("snapshot; this file is not part of any of them.\n\n");
        text.Append("Regenerate it, byte for byte, from the repository root with:\n\n");
        text.Append(CultureInfo.InvariantCulture, $"  {request.CommandFor(folder)}\n\n");
        text.Append("Totals\n");
        text.Append(CultureInfo.InvariantCulture, $"  agencies   {summary.Agencies.Count,9}\n");
        text.Append(CultureInfo.InvariantCulture, $"  enrollees  {summary.Enrollees,9}\n");
        text.Append(CultureInfo.InvariantCulture, $"  services   {summary.Services,9}  (target {request.Services})\n");
        text.Append(CultureInfo.InvariantCulture, $"  claims     {summary.Claims,9}\n\n");
        text.Append(request.ReviewType == StatewideRequest.DefaultReviewType
            ? "Agencies, with the determination a credentialing review should reach and what was planted\n"
            : "Agencies, with what was planted\n");
        var width = summary.Agencies.Max(a => a.Agency.Folder.Length);
        foreach (var agency in summary.Agencies)
        {
            var scenario = agency.Agency.Request.Scenario;
            text.Append(CultureInfo.InvariantCulture, $"  {agency.Agency.Folder.PadRight(width)}  {scenario.AgencyId,-10} {agency.Agency.Request.Enrollees,6} enrollees {agency.Services,9} services {agency.Claims,8} claims\n");
            var expected = request.ReviewType == StatewideRequest.DefaultReviewType ? $"{agency.Agency.ExpectedDetermination}; " : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"      {expected}{agency.Agency.Intent}\n");
        }

        return text.ToString();
    }

    internal static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
