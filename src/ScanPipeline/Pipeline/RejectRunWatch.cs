namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>
/// Watches one station for a spike of rejects: when many sheets in a row cannot be read, for
/// whatever reason, either the scanner is failing or the stack is not what it should be (another
/// election's ballots, sheets fed wrong), and the count stops there until someone looks (ARM
/// 44.3.1714). Not thread-safe: one watch per station, fed in scan order.
/// </summary>
public sealed class RejectRunWatch(string station, int sheetsInARow = 10)
{
    private int _run;

    /// <summary>Records one sheet; returns a fault message when this sheet makes the run long enough.</summary>
    public string? Record(bool rejected)
    {
        _run = rejected ? _run + 1 : 0;
        return _run == sheetsInARow
            ? $"station {station}: {sheetsInARow} sheets in a row rejected: check the scanner and the stack being fed (another election's ballots, sheets fed wrong), then test the scanner (ARM 44.3.1714)"
            : null;
    }
}
