namespace AltPay.Domain;

/// <summary>An invoice's status in AltPay. Overdue is derived from the due date when read.</summary>
public enum InvoiceStatus
{
    Draft,
    Open,
    PartiallyPaid,
    Overdue,
    Paid,
    Void,
}

/// <summary>
/// An invoice's status as SuperOps stores it. SuperOps also reports OVERDUE, but that is only an
/// approved invoice past its due date, so it is read as <see cref="Approved"/>.
/// </summary>
public enum SuperOpsStatus
{
    Draft,
    Approved,
    Paid,
    Void,
}

/// <summary>State of the write-back of AltPay payments to SuperOps for one invoice.</summary>
public enum WriteBackStatus
{
    None,
    Pending,
    Delivered,
    Failed,
}

public static class InvoiceStatusNames
{
    /// <summary>Returns the API spelling: draft, open, partially_paid, overdue, paid or void.</summary>
    public static string ToApiName(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "draft",
        InvoiceStatus.Open => "open",
        InvoiceStatus.PartiallyPaid => "partially_paid",
        InvoiceStatus.Overdue => "overdue",
        InvoiceStatus.Paid => "paid",
        InvoiceStatus.Void => "void",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown invoice status."),
    };

    public static bool TryParseApiName(string? name, out InvoiceStatus status)
    {
        foreach (var candidate in Enum.GetValues<InvoiceStatus>())
        {
            if (string.Equals(candidate.ToApiName(), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
