namespace AltPay.Domain;

/// <summary>A row that may mirror a SuperOps record: <see cref="ExternalId"/> is SuperOps' id, or null for a row created in AltPay.</summary>
public interface ISuperOpsRecord
{
    string? ExternalId { get; }
}
