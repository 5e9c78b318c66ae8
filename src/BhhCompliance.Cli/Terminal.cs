using Spectre.Console;

namespace BhhCompliance.Cli;

/// <summary>
/// Where the command writes, and whether a person is watching: standard output and error, and
/// whether each is a terminal (tables drawn with lines, progress) or redirected (plain text,
/// no progress).
/// </summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, int Width)
{
    /// <summary>Colours are off even on a terminal (the <c>NO_COLOR</c> convention).</summary>
    public bool NoColour { get; init; }

    public bool UseColour => OutIsTerminal && !NoColour;

    /// <summary>The process's own console.</summary>
    public static Terminal System => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        Console.IsOutputRedirected ? PlainWidth : Math.Max(80, SafeWindowWidth()))
    {
        NoColour = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 },
    };

    /// <summary>The width of text written to a file or a pipe.</summary>
    public const int PlainWidth = 120;

    /// <summary>A Spectre console over standard output: coloured on a terminal, plain otherwise.</summary>
    public IAnsiConsole OutConsole() => Create(Out, UseColour, Width);

    public static IAnsiConsole Create(TextWriter writer, bool colour, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return PlainWidth;
        }
    }
}
