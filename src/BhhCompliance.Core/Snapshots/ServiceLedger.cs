using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Snapshots;

/// <summary>
/// How often one procedure code occurs on service records in the period, with those records
/// while there are at most <see cref="ServiceLedger.RecordsKeptPerCode"/> of them.
/// </summary>
public sealed record ProcedureCodeTally(string Code, int Records, SourceLine FirstSource)
{
    /// <summary>Every record with the code, in file order; null once the code is too common to keep them.</summary>
    public IReadOnlyList<ServiceRecord>? Rows { get; init; }
}

/// <summary>
/// What the rules need from services.csv, aggregated as the file streams by: minutes and
/// documented records per enrollee and full month of the period, each enrollee's first service
/// date, and counts over the records dated in the period. Only undocumented records are kept
/// whole, because they are reported row by row. Memory follows enrollee months, not records.
/// </summary>
public sealed class ServiceLedger
{
    /// <summary>
    /// Records are kept per procedure code up to this many, so that a stray code can be listed
    /// row by row; a code used more often is a main code of the agency (or a systematic error)
    /// and is kept as a count, so memory does not grow with the records.
    /// </summary>
    public const int RecordsKeptPerCode = 1_000;

    private readonly Dictionary<string, EnrolleeTally> _byEnrollee;
    private readonly Dictionary<string, int> _serviceCounts;

    internal ServiceLedger(
        string fileName,
        ReviewPeriod period,
        Dictionary<string, EnrolleeTally> byEnrollee,
        Dictionary<string, int> serviceCounts,
        IReadOnlyList<ServiceRecord> undocumented,
        IReadOnlyList<ProcedureCodeTally> procedureCodes,
        int recordsInPeriod)
    {
        FileName = fileName;
        Period = period;
        _byEnrollee = byEnrollee;
        _serviceCounts = serviceCounts;
        UndocumentedInPeriod = undocumented;
        ProcedureCodesInPeriod = procedureCodes;
        RecordsInPeriod = recordsInPeriod;
    }

    public string FileName { get; }

    public ReviewPeriod Period { get; }

    /// <summary>Service records dated inside the period.</summary>
    public int RecordsInPeriod { get; }

    /// <summary>Records in the period with an empty <c>note_id</c>, in file order.</summary>
    public IReadOnlyList<ServiceRecord> UndocumentedInPeriod { get; }

    /// <summary>Procedure codes on records in the period (an empty code as ""), by code.</summary>
    public IReadOnlyList<ProcedureCodeTally> ProcedureCodesInPeriod { get; }

    /// <summary>Records in the period for one core service id.</summary>
    public int RecordsForService(string serviceId) => _serviceCounts.GetValueOrDefault(serviceId);

    /// <summary>Minutes of the enrollee's records dated in the given full month of the period.</summary>
    public decimal MinutesIn(string enrolleeId, YearMonth month)
    {
        var index = Period.IndexOfFullMonth(month);
        return index >= 0 && _byEnrollee.TryGetValue(enrolleeId, out var tally) ? tally.Minutes[index] : 0m;
    }

    /// <summary>Whether the enrollee has a record with a note dated in the given full month of the period.</summary>
    public bool HasDocumentedService(string enrolleeId, YearMonth month)
    {
        var index = Period.IndexOfFullMonth(month);
        return index >= 0 && _byEnrollee.TryGetValue(enrolleeId, out var tally) && tally.Documented[index] > 0;
    }

    /// <summary>The date of the enrollee's earliest service record in the file, in or out of the period.</summary>
    public DateOnly? FirstServiceDate(string enrolleeId) =>
        _byEnrollee.TryGetValue(enrolleeId, out var tally) ? tally.FirstService : null;

    public bool HasServiceInPeriod(string enrolleeId) =>
        _byEnrollee.TryGetValue(enrolleeId, out var tally) && tally.RecordsInPeriod > 0;

    internal sealed class EnrolleeTally(int months)
    {
        public decimal[] Minutes { get; } = new decimal[months];

        public int[] Documented { get; } = new int[months];

        public DateOnly FirstService { get; set; } = DateOnly.MaxValue;

        public int RecordsInPeriod { get; set; }
    }
}

/// <summary>Builds a <see cref="ServiceLedger"/> one record at a time.</summary>
public sealed class ServiceLedgerBuilder(string fileName, ReviewPeriod period)
{
    private readonly Dictionary<string, ServiceLedger.EnrolleeTally> _byEnrollee = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _serviceCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeTally> _codes = new(StringComparer.Ordinal);
    private readonly List<ServiceRecord> _undocumented = [];
    private int _inPeriod;

    public void Add(in ServiceRecord record)
    {
        if (!_byEnrollee.TryGetValue(record.EnrolleeId, out var tally))
        {
            tally = new ServiceLedger.EnrolleeTally(period.FullMonths.Count);
            _byEnrollee.Add(record.EnrolleeId, tally);
        }

        if (record.Date < tally.FirstService)
        {
            tally.FirstService = record.Date;
        }

        if (!period.Contains(record.Date))
        {
            return;
        }

        _inPeriod++;
        tally.RecordsInPeriod++;
        _serviceCounts[record.Service] = _serviceCounts.GetValueOrDefault(record.Service) + 1;

        var code = record.ProcedureCode ?? string.Empty;
        if (!_codes.TryGetValue(code, out var codeTally))
        {
            codeTally = new CodeTally(record.Source);
            _codes.Add(code, codeTally);
        }

        codeTally.Add(record);

        if (!record.IsDocumented)
        {
            _undocumented.Add(record);
        }

        var month = period.IndexOfFullMonth(YearMonth.Of(record.Date));
        if (month >= 0)
        {
            tally.Minutes[month] += record.Minutes;
            if (record.IsDocumented)
            {
                tally.Documented[month]++;
            }
        }
    }

    public ServiceLedger Build() => new(
        fileName,
        period,
        _byEnrollee,
        _serviceCounts,
        [.. _undocumented],
        [.. _codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ProcedureCodeTally(c.Key, c.Value.Records, c.Value.First) { Rows = c.Value.Rows })],
        _inPeriod);

    private sealed class CodeTally(SourceLine first)
    {
        public SourceLine First => first;

        public int Records { get; private set; }

        public List<ServiceRecord>? Rows { get; private set; } = [];

        public void Add(in ServiceRecord record)
        {
            Records++;
            if (Rows is null)
            {
                return;
            }

            if (Rows.Count < ServiceLedger.RecordsKeptPerCode)
            {
                Rows.Add(record);
            }
            else
            {
                Rows = null;
            }
        }
    }
}
