namespace AltPay.Sync;

/// <summary>Wakes the write-back dispatcher as soon as an outbox row commits, instead of waiting for its next poll.</summary>
public sealed class WriteBackSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        // At most one wake-up is pending; the dispatcher drains every due row when it wakes.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller released it first, which wakes the dispatcher just the same.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);

        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up.
        }
    }
}
