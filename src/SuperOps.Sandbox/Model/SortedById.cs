namespace SuperOps.Sandbox.Model;

/// <summary>
/// Records kept in ascending id order, which is the default order of every list query.
/// Bulk loads append and sort once; single inserts use a binary search.
/// </summary>
internal sealed class SortedById<T>(Func<T, long> idOf)
{
    private readonly List<T> _items = [];
    private readonly Dictionary<long, T> _byId = [];
    private bool _sorted = true;

    public int Count => _items.Count;

    public IReadOnlyList<T> Items
    {
        get
        {
            if (!_sorted)
            {
                _items.Sort((a, b) => idOf(a).CompareTo(idOf(b)));
                _sorted = true;
            }

            return _items;
        }
    }

    public bool TryGet(long id, out T value) => _byId.TryGetValue(id, out value!);

    public bool Contains(long id) => _byId.ContainsKey(id);

    /// <summary>Appends without keeping the order; the next read sorts once.</summary>
    public void AddUnsorted(T item)
    {
        _byId.Add(idOf(item), item);
        _items.Add(item);
        _sorted = false;
    }

    public void Add(T item)
    {
        var id = idOf(item);
        _byId.Add(id, item);
        if (!_sorted)
        {
            _items.Add(item);
            return;
        }

        var low = 0;
        var high = _items.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (idOf(_items[mid]) < id)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        _items.Insert(low, item);
    }

    public bool Remove(long id)
    {
        if (!_byId.Remove(id, out var item))
        {
            return false;
        }

        _items.Remove(item);
        return true;
    }

    public void RemoveWhere(Func<T, bool> predicate)
    {
        foreach (var item in _items.Where(predicate).ToList())
        {
            _byId.Remove(idOf(item));
        }

        _items.RemoveAll(item => predicate(item));
    }
}
