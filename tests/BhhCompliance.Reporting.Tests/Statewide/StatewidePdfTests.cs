using System.Text;
using BhhCompliance.Core.Text;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;
using BhhCompliance.Reporting.Statewide;
using BhhCompliance.Reporting.Tests.Fixtures;
using BhhCompliance.Reporting.Tests.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>The statewide summary as a PDF: its pages, outline, metadata, text and bytes.</summary>
public sealed class StatewidePdfTests
{
    private static readonly TextStyle HeaderStyle = new(8, Bold: true);

    [Fact]
    public void Render_SameSummaryTwice_GivesIdenticalBytes()
    {
        var first = StatewidePdf.Render(Batches.State(), Results.Tool, Templates.Wording);
        var second = StatewidePdf.Render(Batches.State(), Results.Tool, Templates.Wording);

        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(first, 0, 8), StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_DifferentSummaries_GiveDifferentBytesAndIds()
    {
        var state = Batches.State();
        var fewer = state with { Agencies = [.. state.Agencies.Skip(1)] };

        Assert.NotEqual(StatewidePdf.Render(state, Results.Tool), StatewidePdf.Render(fewer, Results.Tool));
        Assert.Matches("^[0-9a-f]{32}$", StatewidePdf.DocumentId(state, Results.Tool));
        Assert.NotEqual(StatewidePdf.DocumentId(state, Results.Tool), StatewidePdf.DocumentId(fewer, Results.Tool));
    }

    [Fact]
    public void Render_Reopened_HasThePagesTheLayoutProducedInLandscape()
    {
        var expected = new StatewidePdf(Batches.State(), Results.Tool).Lay(new TextMeasure()).Count;

        using var document = Open(StatewidePdf.Render(Batches.State(), Results.Tool, Templates.Wording));

        Assert.Equal(2, expected);
        Assert.Equal(expected, document.PageCount);
        Assert.All(document.Pages.Cast<PdfPage>(), page =>
        {
            Assert.Equal(792, page.Width.Point, precision: 3);
            Assert.Equal(612, page.Height.Point, precision: 3);
        });
    }

    [Fact]
    public void Render_Reopened_HasTheDocumentInfoDatedByTheLatestAsOf()
    {
        using var document = Open(StatewidePdf.Render(Batches.State(), Results.Tool, Templates.Wording));

        Assert.Equal("BHH statewide audit summary", document.Info.Title);
        Assert.Equal(
            "Batch audit of 5 agencies against the ct-bhh rule set 2026.1: 1 certified, 1 conditional, 1 not certified; 3 audited, 1 bad input, 1 error.",
            document.Info.Subject);
        Assert.Equal("bhh 0.1.0", document.Info.Author);
        Assert.Equal(new DateOnly(2026, 9, 30), DateOnly.FromDateTime(document.Info.CreationDate.ToUniversalTime()));
    }

    [Fact]
    public void Render_NoAgencyAudited_IsDatedByTheFixedDateAndStillReproducible()
    {
        var summary = Batches.State() with { Agencies = [Batches.SouthBad(), Batches.Waterbury()] };

        var pdf = StatewidePdf.Render(summary, Results.Tool);
        using var document = Open(pdf);

        Assert.Equal(StatewideWording.NoReviewDate, DateOnly.FromDateTime(document.Info.CreationDate.ToUniversalTime()));
        Assert.Equal(pdf, StatewidePdf.Render(summary, Results.Tool));
    }

    [Fact]
    public void Render_NoSnapshotAtAll_StillGivesACoverAndTheEmptySections()
    {
        var summary = Batches.State() with { Agencies = [] };

        var pages = new StatewidePdf(summary, Results.Tool).Lay(new TextMeasure());
        using var document = Open(StatewidePdf.Render(summary, Results.Tool));

        Assert.Equal(pages.Count, document.PageCount);
        Assert.Contains("The folder holds no agency snapshot.", pages.SelectMany(p => p.Texts));
        Assert.Equal(["0", "CERTIFIED", "0", "CONDITIONAL", "0", "NOT CERTIFIED", "0", "NOT AUDITED"], Layouts.Texts(pages[0]).Skip(3).Take(8));
    }

    [Fact]
    public void Render_Reopened_OutlineHasTheSections()
    {
        using var document = Open(StatewidePdf.Render(Batches.State(), Results.Tool, Templates.Wording));

        Assert.Equal(
            ["Summary", "Statewide totals", "Agencies", "Not audited", "Failed rules by agency"],
            document.Outlines.Cast<PdfOutline>().Select(o => o.Title));
    }

    [Fact]
    public void Render_Reopened_TextIsExtractableWithTheFiguresFurnitureAndProblems()
    {
        using var document = Open(StatewidePdf.Render(Batches.State(), Results.Tool, Templates.Wording));

        var pages = PdfText.Pages(document);
        var all = string.Join(" ", pages).Replace('\n', ' ');
        Assert.Equal(2, pages.Count);
        Assert.Contains("BHH statewide audit summary", pages[0], StringComparison.Ordinal);
        Assert.Contains("NOT CERTIFIED", pages[0], StringComparison.Ordinal);
        Assert.Contains(Results.Sha256, pages[0], StringComparison.Ordinal);
        Assert.Contains("88.2% of 1,000 enrollee months, pooled", pages[0], StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", pages[0], StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", pages[1], StringComparison.Ordinal);
        Assert.All(pages, page => Assert.Contains("Contains protected health information (PHI).", page, StringComparison.Ordinal));
        Assert.Contains("River Valley Services (LMHA-RV)", pages[1], StringComparison.Ordinal);
        Assert.Contains("$355.74", pages[1], StringComparison.Ordinal);
        Assert.Contains(Batches.BadInputProblem, all, StringComparison.Ordinal);
        Assert.Contains(Batches.ErrorProblem, all, StringComparison.Ordinal);
    }

    [Fact]
    public void Lay_Cover_HasTheDeterminationCountsRuleSetAndTotals()
    {
        var pages = new StatewidePdf(Batches.State(), Results.Tool).Lay(new TextMeasure());

        var cover = Layouts.Texts(pages[0]);
        Assert.Equal(StatewideWording.Program, cover[0]);
        Assert.Equal(["1", "CERTIFIED", "1", "CONDITIONAL", "1", "NOT CERTIFIED", "2", "NOT AUDITED"], cover.Skip(3).Take(8));
        Assert.Contains("ct-bhh 2026.1", cover);
        Assert.Contains("bhh 0.1.0", cover);
        Assert.Contains("2026-06-30 to 2026-09-30", cover);
        Assert.Contains("$355.74", cover);
        Assert.Contains("2.80 FTE short of the ratios", cover);
        Assert.Equal(["Summary", "Statewide totals"], pages[0].Marks.Select(m => m.Title));
        Assert.DoesNotContain("Folder", cover);
    }

    [Fact]
    public void Lay_AgencyTable_HasARowPerAgencyWithItsFigures()
    {
        var pages = new StatewidePdf(Batches.State(), Results.Tool).Lay(new TextMeasure());

        var texts = Layouts.Texts(pages[1]);
        Assert.Equal("Agencies", texts[0]);
        var row = texts.SkipWhile(t => t != "river-valley").Take(9).ToList();
        Assert.Equal(["river-valley", "River Valley Services (LMHA-RV)", "CONDITIONAL", "600", "85%", "3 of 2,000", "$355.74", "1.80", "6"], row);
        var shoreline = texts.SkipWhile(t => t != "shoreline").Take(12).ToList();
        Assert.Contains("n/a", shoreline);

        // The label stays on one line however narrow its column: a no-break space joins its words.
        Assert.Contains("NOT\u00A0CERTIFIED", shoreline);
    }

    [Theory]
    [InlineData(false, "Nothing was evaluated for these snapshots, so they count in no determination or total above.")]
    [InlineData(true, "An agency with a determination was audited, but a rule broke: its determination and figures above leave that rule out.")]
    public void Lay_NotAudited_SaysWhetherAnAgencyListedThereStillCounts(bool ruleBroke, string expected)
    {
        var broken = Batches.RiverValley() with { Status = BatchStatus.Error, Problem = "A rule could not be evaluated: boom" };
        var summary = Batches.State() with { Agencies = ruleBroke ? [broken, Batches.SouthBad()] : [Batches.RiverValley(), Batches.SouthBad()] };

        var text = string.Join(" ", new StatewidePdf(summary, Results.Tool).Lay(new TextMeasure()).SelectMany(Layouts.Texts));

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lay_AgencyWhoseAgencyYamlWasNotRead_IsNamedByItsFolderAsInTheText()
    {
        var pages = new StatewidePdf(Batches.State(), Results.Tool).Lay(new TextMeasure());

        // A row in the agency table and one in the not-audited table, each with the folder in its agency column too.
        var texts = Layouts.Texts(pages[1]);
        var rows = Enumerable.Range(0, texts.Count)
            .Where(i => texts[i] == "south-bad" && (i == 0 || texts[i - 1] != "south-bad"))
            .Select(i => texts.Skip(i).Take(3).ToList())
            .ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(["south-bad", "south-bad", "BAD\u00A0INPUT"], row));
    }

    [Fact]
    public void Lay_NoAgencyRanAClaimRule_TotalsSayClaimsAtRiskWereNotReported()
    {
        var pages = new StatewidePdf(Batches.WithoutClaimRules(), Results.Tool).Lay(new TextMeasure());

        var cover = Layouts.Texts(pages[0]).ToList();
        Assert.Equal("not reported by any agency audited", cover[cover.IndexOf("Claims at risk") + 1]);
        Assert.Equal("not reported by any agency audited", cover[cover.IndexOf("Amount at risk") + 1]);
        Assert.DoesNotContain("$0.00", cover);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(150)]
    public void Lay_KeepsEveryOpInsideThePageBody(int agencies)
    {
        var measure = new TextMeasure();
        var summary = agencies == 5 ? Batches.State() : Batches.Many(agencies);

        var pages = new StatewidePdf(summary, Results.Tool).Lay(measure);

        Layouts.AssertInsideBody(pages, StatewidePdf.Landscape, measure);
    }

    [Fact]
    public void Lay_ManyAgencies_TableBreaksAcrossPagesRepeatingItsHeaderAndShowsEachAgencyOnce()
    {
        var pages = new StatewidePdf(Batches.Many(150), Results.Tool).Lay(new TextMeasure());

        var start = pages.ToList().FindIndex(p => p.Marks.Any(m => m.Title == StatewideWording.AgenciesHeading));
        var end = pages.ToList().FindIndex(p => p.Marks.Any(m => m.Title == StatewideWording.NotAuditedHeading));
        Assert.True(end - start >= 3, $"The agency table spans pages {start + 1} to {end + 1}.");
        Assert.All(pages.Skip(start + 1).Take(end - start - 1), page =>
        {
            var first = page.Ops.OfType<TextOp>().First();
            Assert.Equal(("Folder", HeaderStyle), (first.Text, first.Style));
            Assert.Equal(StatewidePdf.Landscape.MarginTop + 2.5, first.Y, precision: 6);
        });

        // Each agency is a row of the agency table and of the failed-rules table.
        var folders = pages.SelectMany(p => p.Texts).Where(t => t.StartsWith("agency-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            Enumerable.Range(1, 150).Select(i => $"agency-{i:D3}").Concat(Enumerable.Range(1, 150).Select(i => $"agency-{i:D3}")),
            folders);
    }

    [Fact]
    public void ComposePageFurniture_WithoutWording_HasTheHeaderPageNumberAndDefaultFooter()
    {
        var pdf = new StatewidePdf(Batches.State(), Results.Tool);

        var texts = pdf.ComposePageFurniture(new TextMeasure(), 2, 7).OfType<TextOp>().Select(t => t.Text).ToList();

        Assert.Contains("Page 2 of 7", texts);
        Assert.Contains("BHH statewide audit summary: ct-bhh 2026.1, 5 agencies, as of 2026-06-30 to 2026-09-30", texts);
        Assert.Equal(StatewidePdf.DefaultFooter, string.Join(" ", texts.SkipWhile(t => !t.StartsWith("Contains", StringComparison.Ordinal))));
    }

    [Fact]
    public void ComposePageFurniture_WithWording_UsesItsPageNumberAndFooter()
    {
        var templates = new Dictionary<string, TextTemplate>(Templates.BuiltIn.Wording, StringComparer.Ordinal)
        {
            ["page_number"] = Compile("Sheet {{page}} / {{pages}}"),
            ["footer"] = Compile("Confidential: {{rule_set_name}} {{rule_set_version}} review material."),
        };
        var pdf = new StatewidePdf(Batches.State(), Results.Tool, new PdfWording(templates));

        var texts = pdf.ComposePageFurniture(new TextMeasure(), 1, 3).OfType<TextOp>().Select(t => t.Text).ToList();

        Assert.Contains("Sheet 1 / 3", texts);
        Assert.Contains("Confidential: ct-bhh 2026.1 review material.", texts);
        Assert.DoesNotContain(texts, t => t.Contains("protected health information", StringComparison.Ordinal));
    }

    [Fact]
    public void ComposePageFurniture_BuiltInWording_SaysWhatTheDefaultSays()
    {
        var worded = new StatewidePdf(Batches.State(), Results.Tool, Templates.Wording).ComposePageFurniture(new TextMeasure(), 1, 2);
        var plain = new StatewidePdf(Batches.State(), Results.Tool).ComposePageFurniture(new TextMeasure(), 1, 2);

        Assert.Equal(plain.OfType<TextOp>().Select(t => t.Text), worded.OfType<TextOp>().Select(t => t.Text));
    }

    private static TextTemplate Compile(string source) =>
        TextTemplate.Compile(source, PdfWording.Fields).Template ?? throw new InvalidOperationException(source);

    private static PdfDocument Open(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        return PdfReader.Open(stream, PdfDocumentOpenMode.Import);
    }
}
