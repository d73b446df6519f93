namespace SuperOps.Sandbox.Model;

/// <summary>
/// Creates 19-digit numeric ids, unique within a tenant and deterministic for a random seed
/// and a sequence of calls. They fit in a long, as SuperOps' ids do.
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private const long MinId = 1_000_000_000_000_000_000;
    private const long MaxId = 9_200_000_000_000_000_000;

    private readonly Random _random = new(seed);
    private readonly HashSet<long> _issued = [];

    public long Next()
    {
        while (true)
        {
            var id = _random.NextInt64(MinId, MaxId);
            if (_issued.Add(id))
            {
                return id;
            }
        }
    }
}
