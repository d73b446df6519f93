namespace SuperOps.Sandbox.Model;

/// <summary>
/// One SuperOps tenant: its records, settings, request counters and rate-limit window.
/// Every read and write of the records happens under <see cref="Lock"/>.
/// </summary>
internal sealed class SandboxTenant
{
    public SandboxTenant(string subdomain, string apiToken, string region, bool documentedSchemaOnly, int randomSeed)
    {
        Subdomain = subdomain;
        ApiToken = apiToken;
        Region = region;
        DocumentedSchemaOnly = documentedSchemaOnly;
        RandomSeed = randomSeed;
        Ids = new IdGenerator(randomSeed);
        FaultRandom = new Random(randomSeed);
    }

    public string Subdomain { get; }
    public string ApiToken { get; }
    public string Region { get; }
    public bool DocumentedSchemaOnly { get; }
    public int RandomSeed { get; }

    /// <summary>Serialises access to the records; held across a whole GraphQL execution.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public IdGenerator Ids { get; }

    /// <summary>Recent filtered or sorted list results; every write clears it.</summary>
    public ListResultCache ListCache { get; } = new();

    public SortedById<SandboxClient> Clients { get; } = new(c => c.AccountId);
    public SortedById<SandboxSite> Sites { get; } = new(s => s.Id);
    public SortedById<SandboxInvoice> Invoices { get; } = new(i => i.InvoiceId);
    public SortedById<SandboxLine> Lines { get; } = new(l => l.ItemId);

    public List<SandboxServiceItem> ServiceItems { get; } = [];
    public List<SandboxTax> Taxes { get; } = [];
    public List<SandboxPaymentMethod> PaymentMethods { get; } = [];
    public List<SandboxPaymentTerm> PaymentTerms { get; } = [];
    public List<SandboxClientStage> ClientStages { get; } = [];
    public List<SandboxPerson> Technicians { get; } = [];

    /// <summary>Daily counters behind displayId, keyed by invoice date.</summary>
    public Dictionary<DateOnly, int> DisplayIdCounters { get; } = [];

    public TenantSettings Settings { get; set; } = new();

    public object SettingsLock { get; } = new();

    public Random FaultRandom { get; }

    public RequestCounters Counters { get; } = new();

    public RollingWindow RateWindow { get; } = new();

    public string NextDisplayId(DateOnly invoiceDate)
    {
        DisplayIdCounters.TryGetValue(invoiceDate, out var count);
        count++;
        DisplayIdCounters[invoiceDate] = count;
        return $"{invoiceDate:MMddyy}-{count:0000}";
    }

    public SandboxClient? FindLiveClient(long accountId) =>
        Clients.TryGet(accountId, out var client) && !client.SoftDeleted ? client : null;
}

/// <summary>Tenant behaviour switches, set through PUT /admin/tenants/{subdomain}/settings.</summary>
internal sealed class TenantSettings
{
    public int RequestsPerMinute { get; set; } = 800;
    public bool HasMoreNullOnLastPage { get; set; } = true;
    public bool NumericIdsInJson { get; set; }
    public List<FaultRule> Faults { get; set; } = [];
}

internal sealed class FaultRule
{
    public required string Kind { get; init; }
    public string? Operation { get; init; }
    public int? Page { get; init; }

    /// <summary>Remaining number of firings; null fires on every matching request.</summary>
    public int? Remaining { get; set; }

    public double? Probability { get; init; }
}

/// <summary>Timestamps inside the last 60 seconds, used for the rate limit and the per-minute maximum.</summary>
internal sealed class RollingWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _times = new();

    public int CountAt(DateTimeOffset now)
    {
        while (_times.Count > 0 && _times.Peek() <= now - Length)
        {
            _times.Dequeue();
        }

        return _times.Count;
    }

    public int Add(DateTimeOffset now)
    {
        CountAt(now);
        _times.Enqueue(now);
        return _times.Count;
    }

    public void Clear() => _times.Clear();
}

/// <summary>Requests that reached a tenant, as reported by GET /admin/tenants/{subdomain}/requests.</summary>
internal sealed class RequestCounters
{
    private readonly object _lock = new();
    private readonly Dictionary<string, int> _byOperation = new(StringComparer.Ordinal);
    private readonly RollingWindow _window = new();
    private int _total;
    private int _perMinuteMax;

    public void Record(string operation, DateTimeOffset now)
    {
        lock (_lock)
        {
            _total++;
            _byOperation[operation] = _byOperation.GetValueOrDefault(operation) + 1;
            _perMinuteMax = Math.Max(_perMinuteMax, _window.Add(now));
        }
    }

    public (int Total, Dictionary<string, int> ByOperation, int PerMinuteMax) Snapshot()
    {
        lock (_lock)
        {
            return (_total, new Dictionary<string, int>(_byOperation, StringComparer.Ordinal), _perMinuteMax);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _total = 0;
            _perMinuteMax = 0;
            _byOperation.Clear();
            _window.Clear();
        }
    }
}

/// <summary>
/// The last few filtered or sorted list results of a tenant, so paging through a large sorted list sorts
/// once. Used under the tenant lock only. Callers clear it after every change to the records.
/// </summary>
internal sealed class ListResultCache
{
    private const int Capacity = 4;

    private readonly LinkedList<(string Key, object Result)> _entries = new();

    public bool TryGet(string key, out object result)
    {
        for (var node = _entries.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == key)
            {
                _entries.Remove(node);
                _entries.AddFirst(node);
                result = node.Value.Result;
                return true;
            }
        }

        result = null!;
        return false;
    }

    public void Add(string key, object result)
    {
        _entries.AddFirst((key, result));
        if (_entries.Count > Capacity)
        {
            _entries.RemoveLast();
        }
    }

    public void Clear() => _entries.Clear();
}
