using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AltPay.Data;

/// <summary>
/// Checkpoints the write-ahead log on a connection of its own while a bulk writer runs. A checkpoint
/// ends by flushing the database file to disk. Run here, that wait overlaps the writer's next pages,
/// so it no longer stalls the commit that crossed the checkpoint threshold.
/// </summary>
public sealed partial class WalCheckpointer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private WalCheckpointer(string connectionString, TimeSpan interval, TimeProvider timeProvider, ILogger logger)
    {
        _loop = Task.Run(() => RunAsync(connectionString, interval, timeProvider, logger, _stop.Token));
    }

    public static WalCheckpointer Start(string connectionString, TimeSpan interval, TimeProvider timeProvider, ILogger logger) =>
        new(connectionString, interval, timeProvider, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task RunAsync(string connectionString, TimeSpan interval, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        using var timer = new PeriodicTimer(interval, timeProvider);

        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();

                // SQLite's PASSIVE mode copies what it can without waiting for readers or writers.
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException exception)
            {
                // The writer's own threshold still checkpoints, so a failed pass only costs speed.
                CheckpointFailed(logger, exception.SqliteErrorCode, exception);
            }
            finally
            {
                await connection.CloseAsync();
            }
        }
    }

    [LoggerMessage(EventId = 4001, EventName = "WalCheckpointFailed", Level = LogLevel.Warning,
        Message = "A background WAL checkpoint failed with SQLite error {SqliteErrorCode}, so the bulk writer checkpoints itself instead")]
    private static partial void CheckpointFailed(ILogger logger, int sqliteErrorCode, Exception exception);
}
