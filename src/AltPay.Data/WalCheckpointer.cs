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
    private readonly string _connectionString;
    private readonly ILogger _logger;

    private WalCheckpointer(string connectionString, TimeSpan interval, TimeProvider timeProvider, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _loop = Task.Run(() => RunAsync(connectionString, interval, timeProvider, logger, _stop.Token));
    }

    public static WalCheckpointer Start(string connectionString, TimeSpan interval, TimeProvider timeProvider, ILogger logger) =>
        new(connectionString, interval, timeProvider, logger);

    /// <summary>Stops the checkpoints and truncates the -wal file, which a large import leaves tens of MiB long.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();

        await TruncateAsync();
    }

    // SQLite reuses the -wal file without shrinking it, so a TRUNCATE checkpoint empties it. While another
    // connection reads or writes, the file can keep its size until the next refresh ends, which is no error.
    private async Task TruncateAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException exception)
        {
            CheckpointFailed(_logger, exception.SqliteErrorCode, exception);
        }
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
