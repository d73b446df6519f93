namespace AltPay.Domain;

/// <summary>Where a customer or invoice was created: imported from SuperOps or created in AltPay.</summary>
public enum RecordSource
{
    SuperOps,
    AltPay,
}
