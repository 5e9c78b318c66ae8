using System.Text;
using BhhCompliance.Reporting.Diff;
using BhhCompliance.Tests;

namespace BhhCompliance.Reporting.Tests.Diff;

/// <summary>
/// Golden cases of the comparison: a folder per case under <c>Diff/Golden/</c> holding
/// <c>old.json</c> and <c>new.json</c>, and the exact text, Markdown and JSON reports expected
/// of them. <c>corrective-action</c> has a finding of every category, in shuffled order;
/// <c>rule-change</c> is one snapshot audited under two rule sets. Set BHH_UPDATE_GOLDEN=1 to
/// rewrite the expected files, then read the difference before committing it.
/// </summary>
public sealed class DiffGoldenTests
{
    private static readonly string Root = Path.Join(RepositoryPaths.Root, "tests", "BhhCompliance.Reporting.Tests", "Diff", "Golden");

    public static TheoryData<string> Cases() => [.. CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_IsAsExpected(string name) =>
        AssertGolden(name, "expected.txt", DiffText.Plain(Compare(name), 120));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_IsAsExpected(string name)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        DiffMarkdown.Write(Compare(name), writer);
        AssertGolden(name, "expected.md", writer.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_IsAsExpected(string name) =>
        AssertGolden(name, "expected.json", Json(Compare(name)));

    [Fact]
    public void Cases_ExistForBothUses() =>
        Assert.Equal(["corrective-action", "rule-change"], CaseNames());

    [Fact]
    public void CorrectiveAction_HasEveryCategory()
    {
        var comparison = Compare("corrective-action");

        Assert.Equal(
            ["CRED-LICENSE-CURRENT staff:RV-S022", "CRED-NURSE staff:RV-S027", "SVC-MONTHLY-MINIMUM"],
            comparison.Resolved.Select(c => c.Key.ToString()));
        Assert.Equal(["BILL-DUPLICATE"], comparison.Persisting.Select(c => c.Key.ToString()));
        Assert.Equal(
            ["CRED-LICENSE-CURRENT staff:RV-S005", "PC-NOT-BILLED", "CRED-LICENSE-CURRENT staff:RV-S030"],
            comparison.NewProblems.Select(c => c.Key.ToString()));
        Assert.Equal(
            ["STAFF-NURSE-RATIO", "STAFF-PEER-RATIO", "BILL-ENROLLED", "CRED-NURSE staff:RV-S030", "STAFF-TRANSITION-RATIO"],
            comparison.Changed.Select(c => c.Key.ToString()));
        Assert.Equal(4, comparison.UnchangedCount);
        Assert.Equal(["CHART-PERSON-CENTERED"], comparison.OnlyInOld.Select(c => c.Key.ToString()));
        Assert.Equal(["SVC-DOCUMENTED"], comparison.OnlyInNew.Select(c => c.Key.ToString()));
    }

    [Fact]
    public void Json_SameInputs_SameBytes()
    {
        var first = Json(Compare("corrective-action"));
        var second = Json(Compare("corrective-action"));

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    private static List<string> CaseNames() =>
        [.. Directory.EnumerateDirectories(Root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    private static AuditComparison Compare(string name) =>
        AuditComparison.Of(Read(Path.Join(Root, name, "old.json")), Read(Path.Join(Root, name, "new.json")));

    private static RecordedAudit Read(string path)
    {
        using var stream = File.OpenRead(path);
        var read = RecordedAuditReader.Read(stream, Path.GetFileName(path));
        Assert.True(read.Audit is not null, string.Join("\n", read.Diagnostics));
        return read.Audit!;
    }

    private static string Json(AuditComparison comparison)
    {
        using var buffer = new MemoryStream();
        DiffJson.Write(comparison, new ToolInfo("bhh", "0.1.0"), buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void AssertGolden(string name, string file, string actual)
    {
        var path = Path.Join(Root, name, file);
        if (Environment.GetEnvironmentVariable("BHH_UPDATE_GOLDEN") == "1")
        {
            // Writing the expected file is never a pass: the run that wrote it must be reviewed and repeated.
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Assert.Fail($"{path} was rewritten; review it, then run the tests again without BHH_UPDATE_GOLDEN.");
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with BHH_UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
