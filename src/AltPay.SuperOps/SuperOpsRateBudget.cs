using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AltPay.SuperOps;

/// <summary>
/// Requests per rolling 60-second window for each SuperOps API token, shared by every client of the process.
/// Background callers leave a reserve of 10 % of the limit (at least one request, when the limit is above one)
/// to write-back, and give way to write-back callers that are waiting. Windows are keyed by the SHA-256 of the
/// token, so the token itself is never kept.
/// </summary>
public sealed class SuperOpsRateBudget
{
    // A grant is held a little longer than SuperOps' 60 s window, because the server counts a request
    // when it arrives, after the grant. A slow request would otherwise overlap the next window.
    public static readonly TimeSpan GrantHeldFor = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public SuperOpsRateBudget(IOptions<SuperOpsOptions> options, TimeProvider timeProvider)
        : this(options.Value.RequestsPerMinute, timeProvider)
    {
    }

    /// <param name="requestsPerMinute">Limit per token; 0 turns the budget off.</param>
    public SuperOpsRateBudget(int requestsPerMinute, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerMinute);
        RequestsPerMinute = requestsPerMinute;
        WriteBackReserve = requestsPerMinute > 1 ? Math.Max(1, requestsPerMinute / 10) : 0;
        _timeProvider = timeProvider;
    }

    public int RequestsPerMinute { get; }

    /// <summary>Requests per window that only write-back may use.</summary>
    public int WriteBackReserve { get; }

    /// <summary>Waits until the token's window has room for one request at this priority, then takes it.</summary>
    /// <param name="onWait">Called before each wait with its longest length, so a caller can show that it waits.</param>
    public async ValueTask AcquireAsync(string token, SuperOpsPriority priority, CancellationToken ct, Action<TimeSpan>? onWait = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (RequestsPerMinute == 0)
        {
            return;
        }

        var window = _windows.GetOrAdd(HashToken(token), _ => new Window());
        var isWriteBack = priority == SuperOpsPriority.WriteBack;
        var limit = isWriteBack ? RequestsPerMinute : RequestsPerMinute - WriteBackReserve;
        var registeredAsWaiter = false;

        try
        {
            while (true)
            {
                TimeSpan delay;
                Task? writeBackDrained = null;

                lock (window)
                {
                    var now = _timeProvider.GetUtcNow();
                    window.RemoveExpired(now - GrantHeldFor);

                    var blockedByWriteBack = !isWriteBack && window.WriteBackWaiters > 0;
                    if (!blockedByWriteBack && window.Granted.Count < limit)
                    {
                        window.Granted.Enqueue(now);
                        return;
                    }

                    // The request waits for the grant that frees a slot for its priority to leave the window.
                    // A background request held back only by waiting write-backs can find the window below
                    // its limit, even empty. It then waits until they drain, or one window at most.
                    var slotsToFree = window.Granted.Count - limit + 1;
                    delay = slotsToFree > 0 ? window.Granted.ElementAt(slotsToFree - 1) + GrantHeldFor - now : GrantHeldFor;
                    if (delay <= TimeSpan.Zero)
                    {
                        delay = TimeSpan.FromMilliseconds(1);
                    }

                    if (isWriteBack && !registeredAsWaiter)
                    {
                        window.WriteBackWaiters++;
                        registeredAsWaiter = true;
                    }
                    else if (blockedByWriteBack)
                    {
                        window.WriteBackDrained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        writeBackDrained = window.WriteBackDrained.Task;
                    }
                }

                onWait?.Invoke(delay);
                if (writeBackDrained is null)
                {
                    await Task.Delay(delay, _timeProvider, ct).ConfigureAwait(false);
                }
                else
                {
                    await Task.WhenAny(Task.Delay(delay, _timeProvider, ct), writeBackDrained).ConfigureAwait(false);
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            if (registeredAsWaiter)
            {
                lock (window)
                {
                    window.WriteBackWaiters--;
                    if (window.WriteBackWaiters == 0 && window.WriteBackDrained is { } drained)
                    {
                        window.WriteBackDrained = null;
                        drained.TrySetResult();
                    }
                }
            }
        }
    }

    /// <summary>Requests the token's current window holds, for diagnostics and tests.</summary>
    public int CountInWindow(string token)
    {
        if (!_windows.TryGetValue(HashToken(token), out var window))
        {
            return 0;
        }

        lock (window)
        {
            window.RemoveExpired(_timeProvider.GetUtcNow() - GrantHeldFor);
            return window.Granted.Count;
        }
    }

    private static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed class Window
    {
        /// <summary>Times of the requests granted in the last minute, oldest first.</summary>
        public Queue<DateTimeOffset> Granted { get; } = new();

        public int WriteBackWaiters { get; set; }

        /// <summary>Completed when the last waiting write-back caller got its slot or gave up.</summary>
        public TaskCompletionSource? WriteBackDrained { get; set; }

        public void RemoveExpired(DateTimeOffset windowStart)
        {
            while (Granted.Count > 0 && Granted.Peek() <= windowStart)
            {
                Granted.Dequeue();
            }
        }
    }
}
