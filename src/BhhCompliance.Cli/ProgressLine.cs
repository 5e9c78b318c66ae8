namespace BhhCompliance.Cli;

/// <summary>
/// A one-line progress display on standard error that appears only when work has taken more
/// than a second, redraws a few times a second, and erases itself when done. It is silent when
/// standard error is not a terminal, so logs and pipes stay clean.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);
    private static readonly char[] Spinner = ['|', '/', '-', '\\'];

    private readonly TextWriter _error;
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private string _text = string.Empty;
    private int _frame;
    private int _drawnWidth;
    private bool _finished;

    public ProgressLine(TextWriter error, bool enabled)
    {
        _error = error;
        if (enabled)
        {
            _timer = new Timer(_ => Draw(), null, Delay, Interval);
        }
    }

    public void Update(string text)
    {
        lock (_gate)
        {
            _text = text;
        }
    }

    /// <summary>Writes whole lines to standard error, erasing the progress line first; it is redrawn on the next tick.</summary>
    public void WriteLines(IEnumerable<string> lines)
    {
        lock (_gate)
        {
            if (_drawnWidth > 0)
            {
                _error.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _drawnWidth = 0;
            }

            foreach (var line in lines)
            {
                _error.WriteLine(line);
            }

            _error.Flush();
        }
    }

    public void Dispose()
    {
        if (_timer is null)
        {
            return;
        }

        _timer.Dispose();
        lock (_gate)
        {
            _finished = true;
            if (_drawnWidth > 0)
            {
                _error.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _error.Flush();
                _drawnWidth = 0;
            }

            _text = string.Empty;
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            // A tick already under way when the work finished must not draw again.
            if (_finished || _text.Length == 0)
            {
                return;
            }

            var line = $"{Spinner[_frame++ % Spinner.Length]} {_text}";
            _error.Write("\r" + line.PadRight(_drawnWidth));
            _error.Flush();
            _drawnWidth = Math.Max(_drawnWidth, line.Length);
        }
    }
}
