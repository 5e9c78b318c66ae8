using System.CommandLine;
using System.Text;
using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Reporting;
using BhhCompliance.Reporting.Diff;
using Microsoft.Extensions.DependencyInjection;

namespace BhhCompliance.Cli;

/// <summary>
/// <c>bhh diff OLD.json NEW.json [--format text|md|json] [--out PATH]</c>: compares two audits of
/// one agency, written by <c>bhh audit --format json</c>: what the corrective action plan fixed
/// since the last review and what is new; or, for one snapshot audited under two rule sets, what
/// a rule change does. The categories are defined on <see cref="AuditComparison"/>.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var old = new Argument<string>("OLD") { Description = "The findings.json of the earlier audit (the last review, or the old rule set)." };
        var now = new Argument<string>("NEW") { Description = "The findings.json of the later audit (this review, or the new rule set)." };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: text (the default), md or json. Without it, an --out file ending .md or .json picks the format.",
            HelpName = "FORMAT",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The file to write. Without it the comparison goes to standard output.",
            HelpName = "PATH",
        };

        var command = new Command(
            "diff",
            "Compare two audits of one agency (findings.json files): what was fixed, what still fails, what is new and what changed. " +
            "Exits 1 when the new audit still has a failing finding.")
        {
            old, now, format, output,
        };
        command.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
            services.GetRequiredService<DiffRunner>().Run(new DiffRequest(
                parse.GetValue(old)!,
                parse.GetValue(now)!,
                parse.GetValue(format),
                parse.GetValue(output)))));
        return command;
    }
}

internal sealed record DiffRequest(string Old, string New, string? Format, string? Out);

/// <summary>
/// Runs one <c>bhh diff</c>: read both files (reporting every problem in either), compare, and
/// write the comparison to standard output or, through a <c>.partial</c> file moved into place,
/// to <c>--out</c>. Exit codes mirror <c>bhh audit</c> on the new audit: 0 when it has no
/// <c>fail</c> finding, 1 when it has one; 2 for bad input, 3 for a defect.
/// </summary>
internal sealed class DiffRunner(Terminal terminal)
{

    public int Run(DiffRequest request)
    {
        if (FormatOf(request) is not { } format)
        {
            return BadInput($"Unknown format '{request.Format}'. bhh diff writes text, md or json.");
        }

        if (request.Out is { } path && CheckTarget(path, request) is { } targetError)
        {
            return BadInput(targetError);
        }

        var old = Read(request.Old);
        var now = Read(request.New);
        DiagnosticPrinter.Print(terminal.Error, [.. old.Diagnostics, .. now.Diagnostics]);
        if (old.Audit is null || now.Audit is null)
        {
            var files = (old.Audit, now.Audit) switch
            {
                (null, null) => $"{request.Old} and {request.New} are not findings.json files that bhh can read",
                (null, _) => $"{request.Old} is not a findings.json file that bhh can read",
                _ => $"{request.New} is not a findings.json file that bhh can read",
            };
            return BadInput($"{files}; nothing was compared. Write one with 'bhh audit SNAPSHOT --format json --out FILE'.");
        }

        var comparison = AuditComparison.Of(old.Audit, now.Audit);
        if (comparison.AgencyChanged)
        {
            terminal.Error.WriteLine($"bhh: warning: {request.Old} is an audit of {comparison.Old.Agency}, and {request.New} of {comparison.New.Agency}; comparing them all the same.");
        }

        if (comparison.Old.Review.AsOf > comparison.New.Review.AsOf)
        {
            terminal.Error.WriteLine($"bhh: warning: OLD ({request.Old}) is as of a later date than NEW ({request.New}); give the earlier audit first.");
        }

        if (request.Out is { } target)
        {
            if (WriteFile(target, Render(comparison, format)) is { } writeError)
            {
                return BadInput(writeError);
            }

            terminal.Out.WriteLine($"{DiffWording.Tally(comparison)} Written to {target}.");
        }
        else if (format == OutputFormat.Text && terminal.OutIsTerminal)
        {
            DiffText.Render(comparison, Terminal.Create(terminal.Out, terminal.UseColour, terminal.Width));
        }
        else
        {
            terminal.Out.Write(Render(comparison, format));
        }

        terminal.Out.Flush();
        return comparison.NewHasFailures ? ExitCodes.Failures : ExitCodes.Success;
    }

    private static OutputFormat? FormatOf(DiffRequest request) => request.Format?.Trim().ToLowerInvariant() switch
    {
        null => Path.GetExtension(request.Out ?? string.Empty).ToLowerInvariant() switch
        {
            ".json" => OutputFormat.Json,
            ".md" or ".markdown" => OutputFormat.Markdown,
            _ => OutputFormat.Text,
        },
        "text" or "txt" => OutputFormat.Text,
        "md" or "markdown" => OutputFormat.Markdown,
        "json" => OutputFormat.Json,
        _ => null,
    };

    /// <summary>Why the comparison cannot be written to <paramref name="path"/>, or null.</summary>
    private static string? CheckTarget(string path, DiffRequest request)
    {
        if (ReportFiles.Check([new OutputTarget(OutputFormat.Text, path)], snapshotFolder: string.Empty) is { } error)
        {
            return error;
        }

        var full = Path.GetFullPath(path);
        foreach (var input in new[] { request.Old, request.New })
        {
            if (string.Equals(full, Path.GetFullPath(input), StringComparison.OrdinalIgnoreCase))
            {
                return $"--out {path} is one of the audits being compared; write the comparison to another file.";
            }
        }

        return null;
    }

    private static RecordedAuditReadResult Read(string file)
    {
        if (Directory.Exists(file))
        {
            return new(null, [DiffProblems.CannotRead(file, "it is a folder; give the findings.json file that 'bhh audit --format json --out FILE' wrote.")]);
        }

        try
        {
            using var stream = File.OpenRead(file);
            return RecordedAuditReader.Read(stream, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(null, [DiffProblems.CannotRead(file, ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)]);
        }
    }

    private static string Render(AuditComparison comparison, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                {
                    using var buffer = new MemoryStream();
                    DiffJson.Write(comparison, ToolInfo.Current, buffer);
                    return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                }

            case OutputFormat.Markdown:
                {
                    using var writer = new StringWriter { NewLine = "\n" };
                    DiffMarkdown.Write(comparison, writer);
                    return writer.ToString();
                }

            default:
                return DiffText.Plain(comparison, Terminal.PlainWidth);
        }
    }

    /// <summary>Writes beside the target and moves into place, so that a failed run leaves no half-written file.</summary>
    private static string? WriteFile(string path, string content)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        return ReportFiles.WriteTogether([(path, stream => stream.Write(bytes))]) is { } error
            ? $"Cannot write the comparison: {error} Nothing was written."
            : null;
    }

    private int BadInput(string message)
    {
        terminal.Error.WriteLine($"bhh: {message}");
        return ExitCodes.BadInput;
    }
}
