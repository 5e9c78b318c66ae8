using System.Text;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Templates;
using BhhCompliance.Reporting;
using BhhCompliance.Reporting.Pdf;

namespace BhhCompliance.Cli;

/// <summary>
/// Writes an audit's outputs: every file is rendered beside its target first and moved into
/// place only when all of them rendered, so a run that cannot write one report writes none.
/// Before anything runs, <see cref="Check"/> refuses targets that are folders, empty, or files
/// of the snapshot (existing or not: a report named claims.csv would be read as claims), and the
/// waivers file.
/// </summary>
internal sealed class ReportFiles(Terminal terminal)
{
    private const string PartialSuffix = ".partial";

    /// <summary>Why the targets cannot be written, or null.</summary>
    public static string? Check(IReadOnlyList<OutputTarget> targets, string snapshotFolder, string? waiversFile = null)
    {
        foreach (var path in targets.Select(t => t.Path).OfType<string>())
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return "--out needs a file name.";
            }

            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return $"--out {path} is not a valid file path: {ex.Message}";
            }

            if (Directory.Exists(full) || Path.EndsInDirectorySeparator(path))
            {
                return $"--out {path} is a folder; give a file name, such as {Path.Join(path, "findings.json")}.";
            }

            if (IsSnapshotFile(full, snapshotFolder))
            {
                return $"--out {path} would overwrite or add a file of the snapshot; write the report somewhere else.";
            }

            if (IsSameFile(full, waiversFile))
            {
                return $"--out {path} would overwrite the waivers file; write the report somewhere else.";
            }
        }

        return null;
    }

    /// <summary>Writes every target; returns why it could not, or null. Standard output comes last.</summary>
    /// <param name="result">The audit.</param>
    /// <param name="targets">The outputs.</param>
    /// <param name="templates">The report templates; needed for the Markdown and PDF reports only.</param>
    public string? WriteAll(AuditResult result, IReadOnlyList<OutputTarget> targets, ReportTemplates? templates)
    {
        var files = targets
            .Where(t => t.Path is not null)
            .Select(t => (t.Path!, (Action<Stream>)(stream => Write(result, t.Format, stream, templates))))
            .ToList();
        if (WriteTogether(files) is { } error)
        {
            return $"Cannot write the reports: {error} No report was written.";
        }

        foreach (var target in targets.Where(t => t.Path is null))
        {
            Render(result, target.Format, terminal.Out, terminal.OutIsTerminal, templates);
        }

        return null;
    }

    /// <summary>
    /// Writes several files together or not at all: each beside its target first, moved into place
    /// only when every one of them was written. Returns why it could not, or null.
    /// </summary>
    public static string? WriteTogether(IReadOnlyList<(string Path, Action<Stream> Write)> files)
    {
        var paths = files.Select(f => Path.GetFullPath(f.Path)).ToList();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(paths[i])!);
                using var stream = new FileStream(paths[i] + PartialSuffix, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                files[i].Write(stream);
            }

            foreach (var path in paths)
            {
                File.Move(path + PartialSuffix, path, overwrite: true);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var path in paths.Where(p => File.Exists(p + PartialSuffix)))
            {
                try
                {
                    File.Delete(path + PartialSuffix);
                }
                catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the run already fails with the error that brought it here.
                }
            }

            return ex.Message;
        }
    }

    /// <summary>Writes one report file. JSON goes straight to the file: a large audit's JSON is never held whole in memory.</summary>
    private void Write(AuditResult result, OutputFormat format, Stream stream, ReportTemplates? templates)
    {
        switch (format)
        {
            case OutputFormat.Pdf:
                stream.Write(PdfReport.Render(result, ToolInfo.Current, new PdfWording(templates?.Wording ?? throw new InvalidOperationException("The PDF report needs its wording."))));
                break;
            case OutputFormat.Json:
                FindingsJson.Write(result, ToolInfo.Current, stream);
                break;
            default:
                using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
                {
                    Render(result, format, writer, toTerminal: false, templates);
                }

                break;
        }
    }

    /// <summary>Writes a text format; <paramref name="templates"/> is needed for Markdown only.</summary>
    public void Render(AuditResult result, OutputFormat format, TextWriter writer, bool toTerminal, ReportTemplates? templates = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                {
                    using var buffer = new MemoryStream();
                    FindingsJson.Write(result, ToolInfo.Current, buffer);
                    writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                    break;
                }

            case OutputFormat.Markdown:
                new MarkdownReport(templates?.Markdown ?? throw new InvalidOperationException("The Markdown report needs its template."))
                    .Write(result, ToolInfo.Current, writer);
                break;

            case OutputFormat.Text when toTerminal:
                TextSummary.Render(result, ToolInfo.Current, Terminal.Create(writer, terminal.UseColour, terminal.Width), ascii: false);
                break;

            case OutputFormat.Text:
                writer.Write(TextSummary.Plain(result, ToolInfo.Current, Terminal.PlainWidth));
                break;

            default:
                throw new InvalidOperationException($"No writer for {format}.");
        }

        writer.Flush();
    }

    /// <summary>Whether <paramref name="input"/> names the file at <paramref name="fullPath"/>, ignoring case as <see cref="IsSnapshotFile"/> does.</summary>
    private static bool IsSameFile(string fullPath, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        try
        {
            return string.Equals(fullPath, Path.GetFullPath(input), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // The loader reports a waivers path it cannot read.
            return false;
        }
    }

    /// <summary>
    /// A path inside the snapshot folder that is one of its files, or has a snapshot file's name.
    /// Names compare ignoring case, as Windows and macOS file systems do.
    /// </summary>
    private static bool IsSnapshotFile(string fullPath, string snapshotFolder)
    {
        if (!Directory.Exists(snapshotFolder))
        {
            return false;
        }

        var folder = Path.GetFullPath(snapshotFolder);
        if (!string.Equals(Path.GetDirectoryName(fullPath), Path.TrimEndingDirectorySeparator(folder), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = Path.GetFileName(fullPath);
        return SnapshotFile.All.Contains(name, StringComparer.OrdinalIgnoreCase)
            || Directory.EnumerateFiles(folder).Any(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
    }
}
