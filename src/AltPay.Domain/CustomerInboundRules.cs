namespace AltPay.Domain;

/// <summary>A SuperOps client as AltPay imports it.</summary>
public sealed record InboundCustomer(string ExternalId, string Name, string? Email, string? ContactName);

/// <summary>The inbound rule for customers: name and contact changes in SuperOps flow in.</summary>
public static class CustomerInboundRules
{
    public static Customer CreateFromSuperOps(Guid partnerId, InboundCustomer inbound, DateTimeOffset now) => new()
    {
        Id = RowId.New(now),
        PartnerId = partnerId,
        Name = inbound.Name,
        Email = inbound.Email,
        ContactName = inbound.ContactName,
        Source = RecordSource.SuperOps,
        ExternalId = inbound.ExternalId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Applies SuperOps' values and returns the names of the fields that changed.</summary>
    public static IReadOnlyList<string> Apply(Customer customer, InboundCustomer inbound, DateTimeOffset now)
    {
        var changed = new List<string>();

        if (customer.Name != inbound.Name)
        {
            customer.Name = inbound.Name;
            changed.Add("name");
        }

        if (customer.Email != inbound.Email)
        {
            customer.Email = inbound.Email;
            changed.Add("email");
        }

        if (customer.ContactName != inbound.ContactName)
        {
            customer.ContactName = inbound.ContactName;
            changed.Add("contact");
        }

        if (changed.Count > 0)
        {
            customer.UpdatedAt = now;
        }

        return changed;
    }
}
