using System.Buffers.Binary;
using System.Text;

namespace BhhCompliance.SampleGenerator;

/// <summary>
/// Writes a ZIP archive (PKWARE APPNOTE 6.3) whose entries are stored, not deflated.
/// </summary>
/// <remarks>
/// <see cref="System.IO.Compression.ZipArchive"/> cannot give the same bytes everywhere: it records
/// the creating OS in "version made by" (Unix or Windows) with OS-specific file attributes, and its
/// deflate output depends on the zlib build the runtime ships. A stored archive with fixed header
/// fields depends on nothing but its content. Spreadsheet readers accept stored entries.
/// </remarks>
internal sealed class StoredZip
{
    private const ushort Version20 = 20;

    private readonly List<(string Name, byte[] Content)> _entries = [];
    private readonly ushort _dosDate;

    /// <param name="stamp">The date every entry carries: the review's as-of date, never the clock.</param>
    public StoredZip(DateOnly stamp) =>
        _dosDate = (ushort)(((stamp.Year - 1980) << 9) | (stamp.Month << 5) | stamp.Day);

    public void Add(string name, byte[] content) => _entries.Add((name, content));

    public void WriteTo(Stream output)
    {
        var offsets = new List<long>();
        var header = new byte[46];
        foreach (var (name, content) in _entries)
        {
            offsets.Add(output.Position);
            var nameBytes = Encoding.ASCII.GetBytes(name);
            var span = header.AsSpan(0, 30);
            span.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(span, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version20);
            WriteCommon(span[6..], content, nameBytes.Length);
            output.Write(span);
            output.Write(nameBytes);
            output.Write(content);
        }

        var directoryStart = output.Position;
        for (var i = 0; i < _entries.Count; i++)
        {
            var (name, content) = _entries[i];
            var nameBytes = Encoding.ASCII.GetBytes(name);
            var span = header.AsSpan(0, 46);
            span.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(span, 0x02014b50);

            // Version made by: 2.0 on MS-DOS (high byte 0), with no external attributes.
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version20);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Version20);
            WriteCommon(span[8..], content, nameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[42..], checked((uint)offsets[i]));
            output.Write(span);
            output.Write(nameBytes);
        }

        var directorySize = output.Position - directoryStart;
        var end = header.AsSpan(0, 22);
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], checked((ushort)_entries.Count));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], checked((ushort)_entries.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], checked((uint)directorySize));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], checked((uint)directoryStart));
        output.Write(end);
    }

    /// <summary>The fields local and central headers share, from "general purpose flag" to "extra field length".</summary>
    private void WriteCommon(Span<byte> span, byte[] content, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0); // flags
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 0); // method: stored
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 0); // time: midnight
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Crc32.Of(content));
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], checked((uint)content.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], checked((uint)content.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], checked((ushort)nameLength));
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 0); // extra field length
    }
}

/// <summary>The CRC-32 of ZIP (ISO-HDLC: reflected polynomial 0xEDB88320).</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Of(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
