using System.Security.Cryptography;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Tests.Tables;

namespace BhhCompliance.Loading.Tests.Snapshots;

public sealed class SnapshotLoaderTests
{
    private static readonly string ValidSnapshot = GoldenCases.Folder("Snapshots", "valid");

    [Fact]
    public void Load_ValidSnapshot_ReadsAgencyAndReview()
    {
        var snapshot = LoadValid();

        Assert.Equal(new AgencyProfile("LMHA-RV", "River Valley Services", "lmha", null), snapshot.Agency);
        Assert.Equal("credentialing", snapshot.Review.Type);
        Assert.Equal(new DateOnly(2026, 9, 30), snapshot.Review.AsOf);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30)), (snapshot.Review.Period.Start, snapshot.Review.Period.End));
        Assert.Equal([new YearMonth(2026, 4), new YearMonth(2026, 5), new YearMonth(2026, 6), new YearMonth(2026, 7), new YearMonth(2026, 8), new YearMonth(2026, 9)], snapshot.Review.Period.FullMonths);
        Assert.Null(snapshot.DeclaredCensus);
        Assert.Equal(SnapshotParts.Staff | SnapshotParts.Enrollees | SnapshotParts.Services | SnapshotParts.PcTracker | SnapshotParts.Claims | SnapshotParts.Census, snapshot.Parts);
    }

    [Fact]
    public void Load_ValidSnapshot_ReadsEveryStaffMember()
    {
        var staff = LoadValid().Staff!.Rows;

        Assert.Equal(
            [
                new StaffMember("S1", "Ann Lee", "director", 1m, "master", "clinical", null, null, 6m, new DateOnly(2024, 1, 15), null, new SourceLine("staff.csv", 2)),
                new StaffMember("S2", "Bo Chen", "nurse-care-manager", 0.5m, "bachelor", "nursing", "RN", new DateOnly(2027, 3, 31), 3m, new DateOnly(2025, 6, 1), null, new SourceLine("staff.csv", 3)),
                new StaffMember("S3", "Diaz, Cy", "pc-consultant", 0.1m, "doctorate", "medicine", "MD", new DateOnly(2027, 12, 31), 10m, new DateOnly(2023, 2, 1), new DateOnly(2026, 12, 31), new SourceLine("staff.csv", 4)),
            ],
            staff);
    }

    [Fact]
    public void Load_ValidSnapshot_ReadsEnrolleesClaimsAndPcTracker()
    {
        var snapshot = LoadValid();

        Assert.Equal(
            [
                new Enrollee("E1", new DateOnly(2025, 11, 3), null, new SourceLine("enrollees.csv", 2)),
                new Enrollee("E2", new DateOnly(2026, 5, 10), new DateOnly(2026, 8, 31), new SourceLine("enrollees.csv", 3)),
            ],
            snapshot.Enrollees!.Rows);
        Assert.Equal(
            [
                new Claim("C1", "E1", new YearMonth(2026, 4), 80.00m, new SourceLine("claims.csv", 2)),
                new Claim("C2", "E2", new YearMonth(2026, 6), 80.50m, new SourceLine("claims.csv", 3)),
            ],
            snapshot.Claims!.Rows);
        Assert.Equal(
            [
                new PcTrackerEntry(new DateOnly(2026, 4, 14), "S3", 30m, "case-review", "E1", false, new SourceLine("pc-tracker.csv", 2)),
                new PcTrackerEntry(new DateOnly(2026, 6, 2), "S3", 45m, "staff-education", null, true, new SourceLine("pc-tracker.csv", 3)),
            ],
            snapshot.PcTracker!.Rows);
    }

    [Fact]
    public void Load_ValidSnapshot_TalliesServicesByEnrolleeAndMonth()
    {
        var services = LoadValid().Services!;

        Assert.Equal(3, services.RecordsInPeriod);
        Assert.Equal(75m, services.MinutesIn("E1", new YearMonth(2026, 4)));
        Assert.Equal(60m, services.MinutesIn("E2", new YearMonth(2026, 5)));
        Assert.Equal(0m, services.MinutesIn("E1", new YearMonth(2026, 5)));
        Assert.True(services.HasDocumentedService("E1", new YearMonth(2026, 4)));
        Assert.False(services.HasDocumentedService("E2", new YearMonth(2026, 5)));
        Assert.Equal(new DateOnly(2026, 4, 6), services.FirstServiceDate("E1"));
        Assert.Equal(1, services.RecordsForService("health-promotion"));
        var undocumented = Assert.Single(services.UndocumentedInPeriod);
        Assert.Equal(("E2", new SourceLine("services.csv", 4)), (undocumented.EnrolleeId, undocumented.Source));
    }

    [Fact]
    public void Load_AgencyYamlAlone_GivesASnapshotWithNoTables()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Path.Join(ValidSnapshot, "agency.yaml"), Path.Join(folder.Path, "agency.yaml"));

        var result = new SnapshotLoader().Load(folder.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(SnapshotParts.None, result.Snapshot!.Parts);
    }

    [Fact]
    public void Load_EarlierAsOf_IsTheReviewDayOfEveryCheck()
    {
        // agency.yaml's as_of is 2026-09-30; an audit as of the 29th counts E2's event of the
        // 30th no more than E1's of October, and the loader says so for both.
        var result = new SnapshotLoader().Load(GoldenCases.Folder("Snapshots", "chart-events-after-as-of"), asOf: new DateOnly(2026, 9, 29));

        Assert.Equal(new DateOnly(2026, 9, 29), result.Snapshot!.Review.AsOf);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30)), (result.Snapshot.Review.Period.Start, result.Snapshot.Review.Period.End));
        Assert.Equal(
            [
                "chart-events.csv(3,3): warning BHH2305: The chart event is dated 2026-10-02, after the as-of date 2026-09-29; it is not counted for this review.",
                "chart-events.csv(4,3): warning BHH2305: The chart event is dated 2026-09-30, after the as-of date 2026-09-29; it is not counted for this review.",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_EarlierAsOf_DoesNotCountAnAnswerForAChartWithOnlyLaterEvents()
    {
        // Without chart-sample.csv the charts under review are those with an event on or before
        // the review day; E1's only event is after the 2026-04-02 given here.
        var result = new SnapshotLoader().Load(GoldenCases.Folder("Snapshots", "attestations-chart-events-after-as-of"), asOf: new DateOnly(2026, 4, 2));

        Assert.Equal([2, 3], result.Diagnostics.Where(d => d.Code == "BHH2304").Select(d => d.Location.Line));
        Assert.Empty(result.Snapshot!.Attestations!.Rows);
    }

    [Fact]
    public void Load_MissingFolder_ReportsTheFolderMissing()
    {
        using var folder = new TemporaryFolder();

        var result = new SnapshotLoader().Load(Path.Join(folder.Path, "river-valley"));

        Assert.Equal([".: error BHH2001: The snapshot folder does not exist."], result.Diagnostics.Select(d => d.ToString()));
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Load_SnapshotWithErrors_ModifiesNoInputFile()
    {
        using var folder = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(GoldenCases.Folder("Snapshots", "unknown-references")))
        {
            File.Copy(file, Path.Join(folder.Path, Path.GetFileName(file)));
        }

        folder.Write("enrollees.csv", "enrollee_id,enrolled_on,disenrolled_on\r\nE1,2025-11-03,\r\nE2,2026-05-10,\r\n\"E3,2026-05-10,\r\n");
        File.Delete(Path.Join(folder.Path, "pc-tracker.csv"));
        Workbook.Write(Path.Join(folder.Path, "pc-tracker.xlsx"), ["date", "consultant_id", "minutes", "activity"], ["2026-04-14", "S9", "lots", "case-review"]);
        var before = Fingerprint(folder.Path);

        var result = new SnapshotLoader().Load(folder.Path);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Location.File == "pc-tracker.xlsx" && d.IsError);
        Assert.Contains(result.Diagnostics, d => d.Location.File == "enrollees.csv" && d.IsError);
        Assert.Equal(before, Fingerprint(folder.Path));
    }

    private static Snapshot LoadValid()
    {
        var result = new SnapshotLoader().Load(ValidSnapshot);
        Assert.Empty(result.Diagnostics);
        return result.Snapshot!;
    }

    /// <summary>Every file in the folder with its SHA-256 and last write time; new or removed files show too.</summary>
    private static List<string> Fingerprint(string folder) =>
    [
        .. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f):O}"),
    ];
}
