namespace AltPay.Domain;

/// <summary>Builds the paymentReference written to SuperOps, which names the AltPay payments behind it.</summary>
public static class WriteBackReference
{
    /// <summary>SuperOps rejects a paymentReference longer than this.</summary>
    public const int MaxLength = 255;

    private const string Prefix = "AltPay payment ";

    public static string For(IReadOnlyList<Guid> paymentIds)
    {
        if (paymentIds.Count == 0)
        {
            throw new ArgumentException("A write-back names at least one AltPay payment.", nameof(paymentIds));
        }

        var ids = paymentIds.Select(id => id.ToString("N")).ToList();
        var reference = Prefix + string.Join(", ", ids);
        if (reference.Length <= MaxLength)
        {
            return reference;
        }

        // Too many payments to name: name the first ones and count the rest.
        for (var shown = ids.Count - 1; shown > 0; shown--)
        {
            var shortened = $"{Prefix}{string.Join(", ", ids.Take(shown))} and {ids.Count - shown} more";
            if (shortened.Length <= MaxLength)
            {
                return shortened;
            }
        }

        return $"{Prefix}{ids[0]} and {ids.Count - 1} more";
    }
}
