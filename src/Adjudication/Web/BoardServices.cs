using CentralCount.Adjudication.Store;
using CentralCount.Imaging;

namespace CentralCount.Adjudication.Web;

/// <summary>The stores and the pixel pool the endpoints share for the life of the service.</summary>
public sealed class BoardServices(BoardDatabase db, int passwordIterations) : IDisposable
{
    public BoardDatabase Database { get; } = db;

    public AccountStore Accounts { get; } = new(db, passwordIterations);

    public SessionStore Sessions { get; } = new(db);

    public BoardRoster Boards { get; } = new(db);

    public QueueStore Queue { get; } = new(db);

    public DecisionStore Decisions { get; } = new(db);

    public PixelMemoryPool Pixels { get; } = new();

    public void Dispose() => Database.Dispose();
}
