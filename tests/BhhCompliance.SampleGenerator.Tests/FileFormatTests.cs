using System.IO.Compression;
using System.Text;

namespace BhhCompliance.SampleGenerator.Tests;

public sealed class FileFormatTests
{
    [Fact]
    public void CsvWriter_FieldsThatNeedIt_AreQuotedAndRowsEndInLf()
    {
        using var temp = new TemporaryFolder();
        var path = temp.Sub("t.csv");

        using (var csv = new CsvWriter(path, "a", "b", "c"))
        {
            csv.Row("plain", "with, comma", "say \"hi\"");
            csv.Row(null, "two\nlines", string.Empty);
        }

        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("a,b,c\nplain,\"with, comma\",\"say \"\"hi\"\"\"\n,\"two\nlines\",\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void XlsxWriter_Package_OpensAsAZipWithTheWorksheetAndValidChecksums()
    {
        using var temp = new TemporaryFolder();
        var path = temp.Sub("t.xlsx");

        using (var xlsx = new XlsxWriter(path, "PC Tracker", new DateOnly(2026, 9, 30), [("date", 12), ("minutes", 9)]))
        {
            xlsx.Row([Cell.Of("2026-04-01"), Cell.Of(45m)]);
            xlsx.Row([Cell.Of("a < b & c"), Cell.Empty]);
        }

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName));
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, entry.LastWriteTime.Offset), entry.LastWriteTime);
        using var reader = new StreamReader(entry.Open());
        var sheet = reader.ReadToEnd();
        Assert.Contains("<c r=\"B2\"><v>45</v></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<t>a &lt; b &amp; c</t>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("B3", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc32_CheckValue_MatchesTheStandard()
    {
        // The CRC-32/ISO-HDLC check value: the CRC of the ASCII digits 1 to 9.
        Assert.Equal(0xCBF43926u, Crc32.Of("123456789"u8));
    }
}
