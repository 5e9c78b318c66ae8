using System.Text;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Reporting.Worksheet;

/// <summary>
/// The answers file written next to the worksheet: attestations.csv's columns (snapshot.md), one
/// row per chart and manual criterion with the answer, reviewer, date and comment left blank for
/// the reviewer to type in, or filled with the answer the snapshot's attestations.csv already
/// holds. Saved as attestations.csv in the snapshot folder, it is read back by <c>bhh audit</c>.
/// UTF-8 without a byte order mark, LF line ends, RFC 4180 quoting.
/// </summary>
public static class AnswersFile
{
    public const string Header = "enrollee_id,criterion,answer,reviewer,date,comment";

    /// <summary>The file name the reviewer saves it as, in the snapshot folder.</summary>
    public const string SaveAs = SnapshotFile.Attestations;

    public static string Csv(ChartWorksheet worksheet)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in worksheet.AnswerRows)
        {
            var onFile = row.OnFile;
            text.Append(Field(row.EnrolleeId)).Append(',').Append(Field(row.Criterion)).Append(',')
                .Append(Field(onFile?.Answer ?? string.Empty)).Append(',')
                .Append(Field(onFile?.Reviewer ?? string.Empty)).Append(',')
                .Append(onFile?.Date is { } date ? Core.Text.Formats.Date(date) : string.Empty).Append(',')
                .Append(Field(onFile?.Comment ?? string.Empty)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The file's bytes: UTF-8, no byte order mark.</summary>
    public static byte[] Bytes(ChartWorksheet worksheet) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Csv(worksheet));

    /// <summary>A field quoted when it holds a comma, a quote or a line break (RFC 4180), with quotes doubled.</summary>
    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
