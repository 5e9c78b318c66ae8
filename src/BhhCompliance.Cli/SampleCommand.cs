using System.Buffers.Binary;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BhhCompliance.Core.Sampling;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace BhhCompliance.Cli;

/// <summary>
/// <c>bhh sample SNAPSHOT --size N [--seed S] [--out FILE] [--stratify-by enrolment-length] [--oversample N]</c>:
/// draw a reproducible random sample of enrollee charts for a chart review.
/// </summary>
internal static class SampleCommand
{
    public const string EnrolmentLength = "enrolment-length";

    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var snapshot = new Argument<string>("SNAPSHOT") { Description = "The agency's snapshot folder; the sample is drawn from its enrollees.csv." };
        var size = new Option<int>("--size")
        {
            Description = "How many charts to sample (at least 1).",
            HelpName = "N",
            Required = true,
            CustomParser = result => (int)WholeNumber(result, min: 1, max: int.MaxValue),
        };
        var seed = new Option<ulong?>("--seed")
        {
            Description = "The seed, an integer from 0 to 18446744073709551615. The same seed always draws the same sample. Default: a random seed, printed.",
            HelpName = "S",
            CustomParser = result => WholeNumber(result, min: 0, max: ulong.MaxValue),
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write the sample. Default: chart-sample.csv in the snapshot folder. The record of the draw goes beside it, with the extension .yaml. Existing files are never overwritten.",
            HelpName = "FILE",
        };
        var stratifyBy = new Option<string?>("--stratify-by")
        {
            Description = "Divide the enrollees before drawing. enrolment-length: up to 90 days, 91 to 180 days and over 180 days on the as-of date, each sampled in proportion and at least once.",
            HelpName = "WHAT",
        };
        stratifyBy.AcceptOnlyFromAmong(EnrolmentLength);
        var oversample = new Option<int>("--oversample")
        {
            Description = "How many alternates to draw beyond the sample, in order, to replace charts that cannot be reviewed. They are listed in the .yaml record, not in the sample.",
            HelpName = "N",
            CustomParser = result => (int)WholeNumber(result, min: 0, max: int.MaxValue),
        };

        var command = new Command("sample", "Draw a reproducible random sample of enrollee charts for review, and write chart-sample.csv.")
        {
            snapshot, size, seed, output, stratifyBy, oversample,
        };
        command.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
        {
            var arguments = new SampleArguments(
                parse.GetValue(snapshot)!,
                parse.GetValue(size),
                parse.GetValue(seed),
                parse.GetValue(output),
                parse.GetValue(stratifyBy) is EnrolmentLength ? SampleStratification.EnrolmentLength : SampleStratification.None,
                parse.GetValue(oversample));
            return services.GetRequiredService<SampleRunner>().Run(arguments);
        }));
        return command;
    }

    /// <summary>Parses a whole number from <paramref name="min"/> to <paramref name="max"/>, or reports why not.</summary>
    private static ulong WholeNumber(ArgumentResult result, ulong min, ulong max)
    {
        var option = result.Parent is OptionResult parent ? parent.Option.Name : "the value";
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option} must be a whole number from {min} to {max}, got '{text}'."));
        return min;
    }
}

/// <summary>The arguments of one <c>bhh sample</c>; <see cref="Seed"/> and <see cref="Out"/> are null when not given.</summary>
internal sealed record SampleArguments(string Snapshot, int Size, ulong? Seed, string? Out, SampleStratification StratifyBy, int Oversample);

/// <summary>
/// Runs one <c>bhh sample</c>: check that the two output files can be created, load the snapshot
/// (reporting every problem), draw, then write chart-sample.csv and its .yaml record together.
/// Nothing is written when anything before the last step fails, and nothing is ever overwritten:
/// the default target is inside the snapshot, whose files are the review's input.
/// </summary>
internal sealed class SampleRunner(Terminal terminal, SnapshotLoader snapshots)
{
    private const string PartialSuffix = ".partial";

    public int Run(SampleArguments arguments)
    {
        var csvShown = arguments.Out ?? Path.Join(arguments.Snapshot, SnapshotFile.ChartSample);
        var recordShown = Path.ChangeExtension(csvShown, ".yaml");
        if (CheckTargets(arguments, csvShown, recordShown) is { } targetError)
        {
            return BadInput(targetError);
        }

        SnapshotLoadResult loaded;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            loaded = snapshots.Load(arguments.Snapshot, new InlineProgress<LoadProgress>(p =>
                progress.Update(p.BytesTotal > 0 ? $"Reading {p.File} ({p.BytesDone * 100 / p.BytesTotal}%)" : $"Reading {p.File}")));
        }

        DiagnosticPrinter.Print(terminal.Error, loaded.Diagnostics, arguments.Snapshot);
        if (loaded.Snapshot is not { } snapshot)
        {
            return BadInput($"The snapshot has {DiagnosticPrinter.Count(loaded.Diagnostics)}; no sample was written.");
        }

        if (snapshot.Enrollees is null)
        {
            return BadInput($"The snapshot has no {SnapshotFile.Enrollees}; the sample is drawn from its enrollees. No sample was written.");
        }

        var seed = arguments.Seed ?? RandomSeed();
        var sample = ChartSampler.Draw(snapshot, new SampleRequest(arguments.Size, seed, arguments.StratifyBy, arguments.Oversample));
        if (sample.Population == 0)
        {
            return BadInput(
                $"No enrollee of {SnapshotFile.Enrollees} was enrolled during the review period ({snapshot.Review.Period}); " +
                "there is nothing to sample. No sample was written.");
        }

        if (arguments.Seed is null)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seed: {seed} (record it to draw the same sample again)"));
        }

        if (sample.IsWholePopulation)
        {
            terminal.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"bhh: warning: --size {arguments.Size} is not less than the {sample.Population} enrollees of the review period; the sample is every one of them."));
        }

        var enrolleesSha256 = Sha256Of(Path.Join(arguments.Snapshot, SnapshotFile.Enrollees));
        var files = new[]
        {
            (Path: Path.GetFullPath(csvShown), Content: ChartSampleFile.Csv(sample)),
            (Path: Path.GetFullPath(recordShown), Content: ChartSampleFile.Record(sample, snapshot, arguments, enrolleesSha256)),
        };
        if (Write(files) is { } writeError)
        {
            return BadInput(writeError);
        }

        PrintSummary(sample, csvShown, recordShown);
        return ExitCodes.Success;
    }

    /// <summary>Why the sample and its record cannot be created where asked, or null.</summary>
    private static string? CheckTargets(SampleArguments arguments, string csvShown, string recordShown)
    {
        if (arguments.Out is { } given && string.IsNullOrWhiteSpace(given))
        {
            return "--out needs a file name.";
        }

        string csv;
        string record;
        try
        {
            csv = Path.GetFullPath(csvShown);
            record = Path.GetFullPath(recordShown);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--out {csvShown} is not a valid file path: {ex.Message}";
        }

        if (Directory.Exists(csv) || Path.EndsInDirectorySeparator(csvShown))
        {
            return $"--out {csvShown} is a folder; give a file name, such as {Path.Join(csvShown, SnapshotFile.ChartSample)}.";
        }

        if (string.Equals(csv, record, StringComparison.OrdinalIgnoreCase))
        {
            return $"--out {csvShown} ends in .yaml, the extension of the record written beside the sample; name the sample .csv.";
        }

        // Only chart-sample.csv may be added to a snapshot: a sample written as claims.csv would be read as claims.
        var name = Path.GetFileName(csv);
        if (Directory.Exists(arguments.Snapshot)
            && string.Equals(Path.GetDirectoryName(csv), Path.TrimEndingDirectorySeparator(Path.GetFullPath(arguments.Snapshot)), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(name, SnapshotFile.ChartSample, StringComparison.OrdinalIgnoreCase)
            && SnapshotFile.All.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return $"--out {csvShown} would add {name} to the snapshot, where it would be read as that file; write the sample as {SnapshotFile.ChartSample} or somewhere else.";
        }

        foreach (var (full, shown) in new[] { (csv, csvShown), (record, recordShown) })
        {
            if (File.Exists(full) || Directory.Exists(full))
            {
                return $"{shown} already exists, and bhh sample never overwrites a file (a snapshot's files are the review's input). " +
                    "Remove it to draw again, or write the sample somewhere else with --out FILE.";
            }
        }

        return null;
    }

    /// <summary>
    /// Writes each file beside its target, then moves them into place without overwriting; on
    /// failure removes whatever this run wrote. Returns why it failed, or null.
    /// </summary>
    private static string? Write(IReadOnlyList<(string Path, string Content)> files)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var placed = new List<string>();
        try
        {
            foreach (var (path, content) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path + PartialSuffix, utf8.GetBytes(content));
            }

            foreach (var (path, _) in files)
            {
                File.Move(path + PartialSuffix, path, overwrite: false);
                placed.Add(path);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var (path, _) in files)
            {
                TryDelete(path + PartialSuffix);
            }

            placed.ForEach(TryDelete);
            return $"Cannot write the sample: {ex.Message} No sample was written.";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the run already fails with the error that brought it here.
        }
    }

    private void PrintSummary(ChartSample sample, string csvShown, string recordShown)
    {
        var output = terminal.Out;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Drew {sample.Selected.Count} of {sample.Population} charts (seed {sample.Seed}) → {csvShown}"));
        if (sample.StratifyBy != SampleStratification.None)
        {
            foreach (var stratum in sample.Strata)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {stratum.Name}: {stratum.Sampled.Count} of {stratum.Population}{(sample.OversampleRequested > 0 ? ", " + Alternates(stratum.Alternates.Count) : string.Empty)}"));
            }
        }

        output.WriteLine(sample.OversampleRequested > 0
            ? $"{Alternates(sample.Alternates.Count)}, in the order to use them, and how to draw the sample again: {recordShown}"
            : $"How to draw the sample again: {recordShown}");
    }

    private static string Alternates(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "alternate" : "alternates")}");

    private static ulong RandomSeed()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private int BadInput(string message)
    {
        terminal.Error.WriteLine($"bhh: {message}");
        return ExitCodes.BadInput;
    }
}

/// <summary>
/// The two files of a sample: chart-sample.csv, as the snapshot format reads it, and the YAML
/// record beside it. Both are LF-terminated and have the same bytes for the same draw: no clock,
/// no absolute path, no machine name.
/// </summary>
internal static class ChartSampleFile
{
    public const string Schema = "bhh-chart-sample/1";

    public static string Csv(ChartSample sample)
    {
        var text = new StringBuilder("enrollee_id\n");
        foreach (var id in sample.Selected)
        {
            text.Append(CsvField(id)).Append('\n');
        }

        return text.ToString();
    }

    public static string Record(ChartSample sample, Snapshot snapshot, SampleArguments arguments, string enrolleesSha256)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

        Line("# The record of how `bhh sample` drew the chart sample in the .csv file of the same name.");
        Line("# Keep it with the sample. Running `command` again on the same snapshot (the same enrollees.csv,");
        Line("# enrollees_sha256, and agency.yaml) draws the same charts on any computer; add --out FILE to");
        Line("# write them elsewhere. `algorithm` names and describes the draw, so it can be checked without bhh.");
        Line("# The alternates are not in the sample. When a sampled chart cannot be reviewed, replace it with");
        Line("# the first alternate not used yet (from the chart's own stratum when the sample is stratified).");
        Line($"schema: {Schema}");
        Line($"tool: {Quote($"{ToolInfo.Current.Name} {ToolInfo.Current.Version}")}");
        Line($"command: {Quote(CommandLine(arguments, sample.Seed))}");
        Line("algorithm:");
        Line($"  name: {ChartSampler.Algorithm}");
        Line("  description: |");
        foreach (var step in ChartSampler.AlgorithmSteps)
        {
            Line("    " + step);
        }

        Line(Invariant($"seed: {sample.Seed}"));
        Line(Invariant($"size: {sample.SizeRequested}"));
        Line(Invariant($"oversample: {sample.OversampleRequested}"));
        Line($"agency_id: {Quote(snapshot.Agency.Id)}");
        Line(Invariant($"as_of: {snapshot.Review.AsOf:yyyy-MM-dd}"));
        Line(Invariant($"period_start: {snapshot.Review.Period.Start:yyyy-MM-dd}"));
        Line(Invariant($"period_end: {snapshot.Review.Period.End:yyyy-MM-dd}"));
        Line($"enrollees_sha256: {enrolleesSha256}");
        Line(Invariant($"population: {sample.Population}"));
        Line(Invariant($"sampled: {sample.Selected.Count}"));
        Line($"whole_population: {(sample.IsWholePopulation ? "true" : "false")}");
        Line($"stratify_by: {(sample.StratifyBy == SampleStratification.EnrolmentLength ? SampleCommand.EnrolmentLength : "none")}");
        Line("strata:");
        foreach (var stratum in sample.Strata)
        {
            Line($"  - name: {Quote(stratum.Name)}");
            Line(Invariant($"    population: {stratum.Population}"));
            Line(Invariant($"    sampled: {stratum.Sampled.Count}"));
            Line(Invariant($"    alternates: {stratum.Alternates.Count}"));
        }

        if (sample.Alternates.Count == 0)
        {
            Line("alternates: []");
        }
        else
        {
            Line("alternates:");
            foreach (var stratum in sample.Strata)
            {
                foreach (var id in stratum.Alternates)
                {
                    Line(sample.StratifyBy == SampleStratification.None ? $"  - {Quote(id)}" : $"  - {Quote(id)}  # {stratum.Name}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The command that draws the same sample: every choice that affects the draw, and no --out.</summary>
    public static string CommandLine(SampleArguments arguments, ulong seed)
    {
        var words = new List<string> { "bhh", "sample", ShellWord(arguments.Snapshot), "--size", arguments.Size.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture) };
        if (arguments.StratifyBy == SampleStratification.EnrolmentLength)
        {
            words.AddRange(["--stratify-by", SampleCommand.EnrolmentLength]);
        }

        if (arguments.Oversample > 0)
        {
            words.AddRange(["--oversample", arguments.Oversample.ToString(CultureInfo.InvariantCulture)]);
        }

        return string.Join(' ', words);
    }

    /// <summary>A word for a POSIX shell: as it is when it has no special characters, otherwise single-quoted.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:=@%+,".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A YAML double-quoted scalar, so that no id or name is read as a number, date or boolean.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                < ' ' or '\u007f' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
