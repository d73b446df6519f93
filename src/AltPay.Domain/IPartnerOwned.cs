namespace AltPay.Domain;

/// <summary>A row that belongs to exactly one partner; every query filters on it.</summary>
public interface IPartnerOwned
{
    Guid PartnerId { get; }
}
