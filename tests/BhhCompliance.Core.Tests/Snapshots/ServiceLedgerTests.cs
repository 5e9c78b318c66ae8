using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Snapshots;

/// <summary>
/// The ledger over the period 2026-04-15 to 2026-07-31: April is partly inside it, so the full
/// months are May, June and July.
/// </summary>
public sealed class ServiceLedgerTests
{
    private readonly ServiceLedger _ledger = new SnapshotBuilder()
        .Period(Day("2026-04-15"), Day("2026-07-31"))
        .Service("E1", Day("2026-03-10"), 90, procedureCode: "XX1", documented: false) // line 2: before the period
        .Service("E1", Day("2026-04-20"), 30, procedureCode: "T1017") //                      line 3: partial April
        .Service("E1", Day("2026-05-01"), 40, procedureCode: "T1017") //                      line 4
        .Service("E1", Day("2026-05-31"), 25, "care-coordination", "T1016", documented: false) // line 5
        .Service("E2", Day("2026-06-01"), 60, "health-promotion", null, documented: false) //    line 6
        .Service("E2", Day("2026-07-31"), 15, "health-promotion", "T1017") //                  line 7
        .Service("E2", Day("2026-08-01"), 60, procedureCode: "XX2") //                         line 8: after the period
        .Service("E3", Day("2026-04-14"), 60) //                                                line 9: the day before
        .Build().Services!;

    [Fact]
    public void MinutesIn_SumsTheEnrolleesRecordsOfAFullMonth()
    {
        Assert.Equal(65m, _ledger.MinutesIn("E1", Month("2026-05")));
        Assert.Equal(60m, _ledger.MinutesIn("E2", Month("2026-06")));
        Assert.Equal(15m, _ledger.MinutesIn("E2", Month("2026-07")));
        Assert.Equal(0m, _ledger.MinutesIn("E1", Month("2026-06")));
    }

    [Fact]
    public void MinutesIn_PartialOrOutsideMonth_IsZero()
    {
        Assert.Equal(0m, _ledger.MinutesIn("E1", Month("2026-04")));
        Assert.Equal(0m, _ledger.MinutesIn("E1", Month("2026-03")));
        Assert.Equal(0m, _ledger.MinutesIn("E2", Month("2026-08")));
        Assert.Equal(0m, _ledger.MinutesIn("E9", Month("2026-05")));
    }

    [Fact]
    public void HasDocumentedService_NeedsANoteInThatFullMonth()
    {
        Assert.True(_ledger.HasDocumentedService("E1", Month("2026-05")));
        Assert.False(_ledger.HasDocumentedService("E2", Month("2026-06")));
        Assert.True(_ledger.HasDocumentedService("E2", Month("2026-07")));
        Assert.False(_ledger.HasDocumentedService("E1", Month("2026-04")));
        Assert.False(_ledger.HasDocumentedService("E2", Month("2026-08")));
        Assert.False(_ledger.HasDocumentedService("E9", Month("2026-05")));
    }

    [Fact]
    public void FirstServiceDate_IncludesRecordsOutsideThePeriod()
    {
        Assert.Equal(Day("2026-03-10"), _ledger.FirstServiceDate("E1"));
        Assert.Equal(Day("2026-06-01"), _ledger.FirstServiceDate("E2"));
        Assert.Equal(Day("2026-04-14"), _ledger.FirstServiceDate("E3"));
        Assert.Null(_ledger.FirstServiceDate("E9"));
    }

    [Fact]
    public void FirstServiceDate_IsTheEarliestWhateverTheFileOrder()
    {
        var ledger = new SnapshotBuilder()
            .Service("E1", Day("2026-06-10"))
            .Service("E1", Day("2026-02-01"))
            .Service("E1", Day("2026-05-10"))
            .Build().Services!;

        Assert.Equal(Day("2026-02-01"), ledger.FirstServiceDate("E1"));
    }

    [Fact]
    public void RecordsInPeriod_CountsOnlyRecordsInsideThePeriod_PartialMonthIncluded()
    {
        Assert.Equal(5, _ledger.RecordsInPeriod);
    }

    [Fact]
    public void HasServiceInPeriod_OnlyRecordsInsideCount()
    {
        Assert.True(_ledger.HasServiceInPeriod("E1"));
        Assert.True(_ledger.HasServiceInPeriod("E2"));
        Assert.False(_ledger.HasServiceInPeriod("E3"));
        Assert.False(_ledger.HasServiceInPeriod("E9"));
    }

    [Fact]
    public void RecordsForService_CountsRecordsInThePeriod()
    {
        Assert.Equal(2, _ledger.RecordsForService("care-management"));
        Assert.Equal(1, _ledger.RecordsForService("care-coordination"));
        Assert.Equal(2, _ledger.RecordsForService("health-promotion"));
        Assert.Equal(0, _ledger.RecordsForService("family-support"));
    }

    [Fact]
    public void ProcedureCodesInPeriod_TallyByCode_EmptyCodeAsEmptyString_WithTheFirstLine()
    {
        var tallies = _ledger.ProcedureCodesInPeriod.Select(t => (t.Code, t.Records, t.FirstSource.ToString()));

        Assert.Equal(
            [("", 1, "services.csv:6"), ("T1016", 1, "services.csv:5"), ("T1017", 3, "services.csv:3")],
            tallies);
    }

    [Fact]
    public void UndocumentedInPeriod_AreTheRecordsInThePeriodWithoutANote_InFileOrder()
    {
        Assert.Equal(
            [("E1", Day("2026-05-31"), "services.csv:5"), ("E2", Day("2026-06-01"), "services.csv:6")],
            _ledger.UndocumentedInPeriod.Select(s => (s.EnrolleeId, s.Date, s.Source.ToString())));
    }

    [Fact]
    public void ServiceRecord_EmptyNote_IsNotDocumented()
    {
        var record = new ServiceRecord("E1", Day("2026-05-01"), "care-management", 60, "T1017", "S1", "", default);

        Assert.False(record.IsDocumented);
        Assert.True(record with { NoteId = "N1" } is { IsDocumented: true });
    }
}
