using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace AltPay.Sync;

internal static class PrefetchExtensions
{
    /// <summary>
    /// Reads up to <paramref name="capacity"/> items ahead on another task, so the next SuperOps page
    /// downloads while the caller applies the current one. Errors of the source surface unchanged.
    /// </summary>
    public static async IAsyncEnumerable<T> PrefetchAsync<T>(
        this IAsyncEnumerable<T> source,
        int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, stop.Token), CancellationToken.None);

        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await channel.Reader.WaitToReadAsync(cancellationToken);
                }
                catch (ChannelClosedException closed) when (closed.InnerException is not null)
                {
                    ExceptionDispatchInfo.Capture(closed.InnerException).Throw();
                    throw;
                }

                if (!more)
                {
                    break;
                }

                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }

            writer.TryComplete();
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
        }
    }
}
