using BhhCompliance.Cli.Tests.Fixtures;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Cli.Tests;

/// <summary><c>--format pdf</c> and <c>--templates</c>, end to end.</summary>
public sealed class PdfReportTests
{
    [Fact]
    public void Audit_PdfToAFile_WritesAPdfThatReopens()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var target = snapshot.Out("report.pdf");

        var run = Bhh.Run("audit", snapshot.Path, "--format", "pdf", "--out", target, "--quiet");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var document = PdfReader.Open(target, PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 3, $"{document.PageCount} pages: a cover, a summary and the findings need at least three.");
        Assert.Equal("BHH compliance findings report", document.Info.Title);
        Assert.Equal(new DateTime(2026, 9, 30), document.Info.CreationDate.Date);
    }

    [Fact]
    public void Audit_SameInputTwice_WritesTheSameBytes()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        Bhh.Run("audit", snapshot.Path, "--format", "pdf", "--out", snapshot.Out("first.pdf"), "--quiet");
        Bhh.Run("audit", snapshot.Path, "--format", "pdf", "--out", snapshot.Out("second.pdf"), "--quiet");

        Assert.Equal(File.ReadAllBytes(snapshot.Out("first.pdf")), File.ReadAllBytes(snapshot.Out("second.pdf")));
    }

    [Fact]
    public void Audit_DifferentFindings_GetADifferentDocumentId()
    {
        using var failing = SnapshotBuilder.WithFailures().Build();
        using var clean = SnapshotBuilder.Clean().Build();

        Bhh.Run("audit", failing.Path, "--format", "pdf", "--out", failing.Out("report.pdf"), "--quiet");
        Bhh.Run("audit", clean.Path, "--format", "pdf", "--out", clean.Out("report.pdf"), "--quiet");

        Assert.NotEqual(DocumentId(failing.Out("report.pdf")), DocumentId(clean.Out("report.pdf")));
    }

    [Fact]
    public void Audit_PdfAndJsonTogether_WritesBoth()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--out", snapshot.Out("report.pdf"), "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("%PDF-", File.ReadAllText(snapshot.Out("report.pdf")), StringComparison.Ordinal);
        Assert.StartsWith("{", File.ReadAllText(snapshot.Out("findings.json")), StringComparison.Ordinal);
        Assert.Contains($"Wrote {snapshot.Out("report.pdf")}", run.OutLines);
    }

    [Fact]
    public void Audit_TemplatesWithAnUnknownField_ExitsTwoWithTheLineAndWritesNothing()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var templates = snapshot.Sibling("templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Join(templates, "report.yaml"), "# Our wording\ntitle: Findings for {{agency}}\n");

        var run = Bhh.Run("audit", snapshot.Path, "--templates", templates, "--format", "pdf", "--out", snapshot.Out("report.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(
            $"{Path.Join(templates, "report.yaml")}(2,21): error BHH1404: The template 'title' names a field the report does not have: 'agency' is not a known field.",
            run.ErrorLines[0],
            StringComparison.Ordinal);
        Assert.False(File.Exists(snapshot.Out("report.pdf")));
    }

    [Fact]
    public void Audit_TemplatesFolderWithNewWording_UsesIt()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var templates = snapshot.Sibling("templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Join(templates, "report.yaml"), "title: Credentialing findings for {{agency_name}}\n");

        var run = Bhh.Run("audit", snapshot.Path, "--templates", templates, "--format", "pdf", "--out", snapshot.Out("report.pdf"), "--quiet");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var document = PdfReader.Open(snapshot.Out("report.pdf"), PdfDocumentOpenMode.Import);
        Assert.Equal("Credentialing findings for Test Valley Services", document.Info.Title);
    }

    [Fact]
    public void Audit_TemplatesFolderMissing_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var templates = snapshot.Sibling("no-such-templates");

        var run = Bhh.Run("audit", snapshot.Path, "--templates", templates, "--format", "md", "--out", snapshot.Out("report.md"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{templates}: error BHH1401: The templates folder does not exist.", run.ErrorLines[0]);
        Assert.False(File.Exists(snapshot.Out("report.md")));
    }

    private static string DocumentId(string path)
    {
        using var document = PdfReader.Open(path, PdfDocumentOpenMode.Import);
        return document.Internals.FirstDocumentID;
    }
}
