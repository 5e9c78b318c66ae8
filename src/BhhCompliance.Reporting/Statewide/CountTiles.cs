using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Statewide;

/// <summary>One tile: a large figure in its colour, with a caption under it.</summary>
internal sealed record CountTile(string Figure, string Caption, Ink Colour);

/// <summary>
/// Tiles side by side across the width, each a tinted box with a large figure and its caption
/// (the cover's determination counts). Kept on one page; the tiles share the width equally and
/// all take the height of the tallest.
/// </summary>
internal sealed class CountTiles(IReadOnlyList<CountTile> tiles, TextStyle figure, TextStyle caption, double gap = 12, double padding = 10) : Block
{
    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        if (tiles.Count == 0)
        {
            return new Placement([], 0, null);
        }

        var tileWidth = (width - (gap * (tiles.Count - 1))) / tiles.Count;
        var inner = Math.Max(1, tileWidth - (2 * padding));
        var figures = tiles.Select(t => measure.Wrap(t.Figure, figure, inner)).ToList();
        var captions = tiles.Select(t => measure.Wrap(t.Caption, caption, inner)).ToList();
        var figureLines = figures.Max(f => f.Count);
        var captionLines = captions.Max(c => c.Count);
        var total = (2 * padding) + (figureLines * figure.LineHeight) + 2 + (captionLines * caption.LineHeight);
        if (total > height + 0.001 && !fresh)
        {
            return Placement.Deferred(this);
        }

        var ops = new List<DrawOp>();
        for (var i = 0; i < tiles.Count; i++)
        {
            var x = i * (tileWidth + gap);
            var colour = tiles[i].Colour;
            ops.Add(new FillOp(x, 0, tileWidth, total, colour.Tint(), colour));
            var y = padding;
            foreach (var line in figures[i])
            {
                ops.Add(new TextOp(x + padding, y, inner, line, figure with { Colour = colour }, Align.Center));
                y += figure.LineHeight;
            }

            y = padding + (figureLines * figure.LineHeight) + 2;
            foreach (var line in captions[i])
            {
                ops.Add(new TextOp(x + padding, y, inner, line, caption, Align.Center));
                y += caption.LineHeight;
            }
        }

        return new Placement(ops, total, null);
    }
}
