using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class CustomerInboundRulesTests
{
    private static readonly Guid PartnerId = Guid.Parse("0d3c1a52-7a44-4b8e-9d51-3f0c0f6b2a01");
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RefreshedAt = new(2026, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly InboundCustomer Inbound = new("9001", "Contoso Ltd", "billing@contoso.example", "Ada Lovelace");

    [Fact]
    public void CreateFromSuperOps_Inbound_SetsEveryField()
    {
        var customer = CustomerInboundRules.CreateFromSuperOps(PartnerId, Inbound, CreatedAt);

        Assert.NotEqual(Guid.Empty, customer.Id);
        Assert.Equal(PartnerId, customer.PartnerId);
        Assert.Equal("Contoso Ltd", customer.Name);
        Assert.Equal("billing@contoso.example", customer.Email);
        Assert.Equal("Ada Lovelace", customer.ContactName);
        Assert.Equal(RecordSource.SuperOps, customer.Source);
        Assert.Equal("9001", customer.ExternalId);
        Assert.Equal(CreatedAt, customer.CreatedAt);
        Assert.Equal(CreatedAt, customer.UpdatedAt);
        Assert.False(customer.IsArchived);
    }

    [Fact]
    public void Apply_NameChanged_UpdatesNameAndListsIt()
    {
        var customer = CustomerInboundRules.CreateFromSuperOps(PartnerId, Inbound, CreatedAt);

        var changed = CustomerInboundRules.Apply(customer, Inbound with { Name = "Contoso Group" }, RefreshedAt);

        Assert.Equal(["name"], changed);
        Assert.Equal("Contoso Group", customer.Name);
        Assert.Equal(RefreshedAt, customer.UpdatedAt);
    }

    [Fact]
    public void Apply_ContactChanged_UpdatesContactAndListsIt()
    {
        var customer = CustomerInboundRules.CreateFromSuperOps(PartnerId, Inbound, CreatedAt);

        var changed = CustomerInboundRules.Apply(customer, Inbound with { ContactName = "Grace Hopper" }, RefreshedAt);

        Assert.Equal(["contact"], changed);
        Assert.Equal("Grace Hopper", customer.ContactName);
        Assert.Equal(RefreshedAt, customer.UpdatedAt);
    }

    [Fact]
    public void Apply_EmailCleared_UpdatesEmailAndListsIt()
    {
        var customer = CustomerInboundRules.CreateFromSuperOps(PartnerId, Inbound, CreatedAt);

        var changed = CustomerInboundRules.Apply(customer, Inbound with { Email = null }, RefreshedAt);

        Assert.Equal(["email"], changed);
        Assert.Null(customer.Email);
    }

    [Fact]
    public void Apply_EveryFieldChanged_ListsAllInOrder()
    {
        var customer = CustomerInboundRules.CreateFromSuperOps(PartnerId, Inbound, CreatedAt);
        var inbound = new InboundCustomer("9001", "Fabrikam", "ap@fabrikam.example", "Alan Turing");

        var changed = CustomerInboundRules.Apply(customer, inbound, RefreshedAt);

        Assert.Equal(["name", "email", "contact"], changed);
        Assert.Equal("Fabrikam", customer.Name);
        Assert.Equal("ap@fabrikam.example", customer.Email);
        Assert.Equal("Alan Turing", customer.ContactName);
    }

    [Fact]
    public void Apply_NoChange_ListsNothingAndKeepsUpdatedAt()
    {
        var customer = CustomerInboundRules.CreateFromSuperOps(PartnerId, Inbound, CreatedAt);

        var changed = CustomerInboundRules.Apply(customer, Inbound, RefreshedAt);

        Assert.Empty(changed);
        Assert.Equal(CreatedAt, customer.UpdatedAt);
    }
}
