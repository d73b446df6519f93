using System.Collections.Concurrent;

namespace AltPay.Sync;

/// <summary>
/// In-process locks per invoice, so that payments and refunds of one invoice run one at a time.
/// NOTE: this serializes within one AltPay process only; several processes on one database would need a database lock.
/// </summary>
public sealed class InvoiceLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> AcquireAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(invoiceId, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Releaser(semaphore);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
