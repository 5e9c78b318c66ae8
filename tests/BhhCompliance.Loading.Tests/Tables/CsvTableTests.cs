using System.Globalization;
using System.Text;
using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Tables;

namespace BhhCompliance.Loading.Tests.Tables;

/// <summary>The CSV reader (snapshot.md, "CSV conventions": UTF-8, RFC 4180 quoting, physical line numbers).</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void Rows_QuotedFieldWithCommas_IsOneField()
    {
        var (rows, diagnostics) = Read("staff_id,name,role\nS1,\"Lee, Ann, RN\",director\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["S1", "Lee, Ann, RN", "director"], rows[1].Fields);
    }

    [Fact]
    public void Rows_DoubledQuotesInsideQuotes_AreOneQuote()
    {
        var (rows, diagnostics) = Read("a,b\n\"She said \"\"no\"\"\",\"\"\"\"\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["She said \"no\"", "\""], rows[1].Fields);
    }

    [Fact]
    public void Rows_EmptyQuotedField_IsEmpty()
    {
        var (rows, _) = Read("a,b,c\n\"\",x,\"\"\n");

        Assert.Equal(["", "x", ""], rows[1].Fields);
    }

    [Fact]
    public void Rows_LineBreakInsideQuotes_KeepsTheBreakAndCountsPhysicalLines()
    {
        var (rows, diagnostics) = Read("id,note\n1,\"first line\nsecond line\nthird line\"\n2,plain\n3,\"x\"\n");

        Assert.Empty(diagnostics);
        Assert.Equal([1, 2, 5, 6], rows.Select(r => r.Line));
        Assert.Equal("first line\nsecond line\nthird line", rows[1].Fields[1]);
        Assert.Equal(["2", "plain"], rows[2].Fields);
    }

    [Fact]
    public void Rows_ByteOrderMark_IsNotPartOfTheFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("staff_id,role\nS1,director\n")).ToArray();

        var (rows, diagnostics) = Read(bytes);

        Assert.Empty(diagnostics);
        Assert.Equal("staff_id", rows[0].Fields[0]);
        Assert.Equal(2, rows[1].Line);
    }

    [Fact]
    public void Rows_CrlfLineEndings_LeaveNoCarriageReturnInFields()
    {
        var (rows, diagnostics) = Read("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5\r\n");

        Assert.Empty(diagnostics);
        Assert.Equal([1, 2, 3, 5], rows.Select(r => r.Line));
        Assert.Equal(["1", "2"], rows[1].Fields);
        Assert.Equal(["x\ny", "3"], rows[2].Fields);
        Assert.DoesNotContain(rows.SelectMany(r => r.Fields), f => f.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_TrailingComma_EndsInAnEmptyField()
    {
        var (rows, _) = Read("a,b,c\n1,2,\n\"q\",,\n");

        Assert.Equal(["1", "2", ""], rows[1].Fields);
        Assert.Equal(["q", "", ""], rows[2].Fields);
    }

    [Fact]
    public void Rows_BlankLines_AreSkippedButCounted()
    {
        var (rows, diagnostics) = Read("a,b\n\n1,2\n   \n\n3,4\n\n");

        Assert.Empty(diagnostics);
        Assert.Equal([1, 3, 6], rows.Select(r => r.Line));
    }

    [Fact]
    public void Rows_UnterminatedQuote_IsReportedAtTheLineAndColumnWhereTheFieldStarts()
    {
        var (rows, diagnostics) = Read("a,b,c\n1,2,3\n4,\"never closed,6\n7,8,9\n");

        Assert.Equal([1, 2], rows.Select(r => r.Line));
        Assert.Equal(["t.csv(3,2): error BHH2011: A quoted field is never closed: a '\"' is missing."], diagnostics);
    }

    [Fact]
    public void Rows_TextAfterClosingQuote_SkipsTheRowAndReadsOn()
    {
        var (rows, diagnostics) = Read("a,b\n\"x\"y,1\n2,3\n");

        Assert.Equal([1, 3], rows.Select(r => r.Line));
        Assert.Equal(["t.csv(2,1): error BHH2011: Characters follow a closing quote; inside quotes, write a quote as \"\"."], diagnostics);
    }

    [Fact]
    public void Load_HeadersInAnyCase_AreTheSameColumns()
    {
        using var folder = TemporaryFolder.WithAgency();
        folder.Write("staff.csv", "Staff_ID,NAME,Role,FTE,Start_Date,End_date\nS1,Ann Lee,director,0.75,2024-01-15,\n");

        var result = new SnapshotLoader().Load(folder.Path);

        Assert.Empty(result.Diagnostics);
        var member = Assert.Single(result.Snapshot!.Staff!.Rows);
        Assert.Equal(("S1", "Ann Lee", "director", 0.75m, new DateOnly(2024, 1, 15)), (member.StaffId, member.Name, member.Role, member.Fte, member.StartDate));
    }

    [Fact]
    public void Load_FileWithByteOrderMarkAndCrlf_LoadsLikeAPlainFile()
    {
        using var folder = TemporaryFolder.WithAgency();
        var csv = "staff_id,name,role,fte,start_date\r\nS1,Ann Lee,director,1,2024-01-15\r\nS2,Bo Chen,nurse-care-manager,0.5,2025-06-01\r\n";
        folder.WriteBytes("staff.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        var result = new SnapshotLoader().Load(folder.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [("S1", "director", 1m, 2), ("S2", "nurse-care-manager", 0.5m, 3)],
            result.Snapshot!.Staff!.Rows.Select(s => (s.StaffId, s.Role, s.Fte, s.Source.Line)));
    }

    [Fact]
    public void Load_BadValueAfterAQuotedLineBreak_IsReportedOnItsPhysicalLine()
    {
        using var folder = TemporaryFolder.WithAgency();
        folder.Write("staff.csv", "staff_id,name,role,fte,start_date\nS1,\"Ann\nLee\",director,1,2024-01-15\nS2,Bo Chen,nurse-care-manager,lots,2025-06-01\n");

        var result = new SnapshotLoader().Load(folder.Path);

        Assert.Equal(["staff.csv(4,4): error BHH2102: 'fte' must be a number, got 'lots'."], result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Rows_ManyBuffersOfText_EveryLineAndNumberSurvivesTheBufferEdges(string newline)
    {
        // Rows of varying width, so that line ends (and the halves of CR LF) fall on every offset of the 64K buffer.
        var text = new StringBuilder("id,value" + newline);
        for (var i = 1; i <= 20_000; i++)
        {
            text.Append(i).Append(',').Append('x', i % 13).Append(newline);
        }

        var (rows, diagnostics) = Read(text.ToString());

        Assert.Empty(diagnostics);
        Assert.Equal(20_001, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal([(r.Line - 1).ToString(CultureInfo.InvariantCulture), new string('x', (r.Line - 1) % 13)], r.Fields));
    }

    [Fact]
    public void Rows_LineLongerThanTheBuffer_IsReadWhole()
    {
        var long1 = new string('a', 200_000);
        var (rows, _) = Read($"id,note\n1,{long1}\n2,\"{long1}\nmore\"\n3,end");

        Assert.Equal([1, 2, 3, 5], rows.Select(r => r.Line));
        Assert.Equal(["id|note", "1|" + long1, "2|" + long1 + "\nmore", "3|end"], rows.Select(r => string.Join('|', r.Fields)));
    }

    private static (List<(int Line, string[] Fields)> Rows, List<string> Diagnostics) Read(string text) =>
        Read(Encoding.UTF8.GetBytes(text));

    private static (List<(int Line, string[] Fields)> Rows, List<string> Diagnostics) Read(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        using var table = new CsvTable(new MemoryStream(bytes), "t.csv", diagnostics);

        // The reader reuses its field array from row to row, so each row is copied as it passes.
        var rows = table.Rows().Select(r => (r.Line, r.Texts())).ToList();

        return (rows, [.. diagnostics.ToList().Select(d => d.ToString())]);
    }
}
