namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Watches one scanner station for streaks: when several sheets in a row show a vertical
/// streak, the scanner itself is at fault and the station should be halted and tested (ARM
/// 44.3.1714). Not thread-safe: one watch per station, fed in scan order.
/// </summary>
public sealed class StreakWatch(string station, int sheetsInARow = 3)
{
    private int _run;

    public string Station { get; } = station;

    /// <summary>True once the streak has been seen on enough consecutive sheets.</summary>
    public bool Faulted => _run >= sheetsInARow;

    /// <summary>Records one sheet; returns a fault message when this sheet makes the run long enough.</summary>
    public string? Record(bool streakSeen)
    {
        _run = streakSeen ? _run + 1 : 0;
        return _run == sheetsInARow
            ? $"station {Station}: a vertical streak on {sheetsInARow} sheets in a row: halt the station, clean and test the scanner (ARM 44.3.1714)"
            : null;
    }
}
