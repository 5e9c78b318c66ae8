using System.Text;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>The document id every PDF derives from its content.</summary>
public sealed class DocumentInfoTests
{
    [Fact]
    public void IdOf_IsTheFirst32HexDigitsOfTheContentsSha256()
    {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223", DocumentInfo.IdOf(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void IdOf_DifferentContent_GetsADifferentId() =>
        Assert.NotEqual(DocumentInfo.IdOf(Encoding.ASCII.GetBytes("abc")), DocumentInfo.IdOf(Encoding.ASCII.GetBytes("abd")));

    [Fact]
    public void IdOf_StreamedContent_IsTheIdOfTheSameBytes()
    {
        // Written in pieces, as a JSON writer does, across more than one buffer.
        var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abc", 40_000)));

        var streamed = DocumentInfo.IdOf(stream =>
        {
            stream.Write(content.AsSpan(0, 1000));
            stream.WriteByte(content[1000]);
            stream.Write(content.AsSpan(1001));
        });

        Assert.Equal(DocumentInfo.IdOf(content), streamed);
    }
}
