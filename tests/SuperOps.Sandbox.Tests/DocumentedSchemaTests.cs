namespace SuperOps.Sandbox.Tests;

/// <summary>Tenants created with documentedSchemaOnly serve the published schema without the payments extension.</summary>
public sealed class DocumentedSchemaTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Introspection_HasNoPaymentFields()
    {
        var api = await fixture.NewTenantAsync(documentedSchemaOnly: true);

        var type = await api.DataAsync("{ __type(name: \"Invoice\") { fields { name } } }");
        var payment = await api.QueryAsync("{ __type(name: \"InvoicePayment\") { name } }");

        var fields = type["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("totalAmount", fields);
        Assert.DoesNotContain("payments", fields);
        Assert.DoesNotContain("amountPaid", fields);
        Assert.DoesNotContain("balanceDue", fields);
        Assert.Null(payment["data"]!["__type"]);
    }

    [Theory]
    [InlineData("amountPaid")]
    [InlineData("balanceDue")]
    [InlineData("payments { amount }")]
    public async Task SelectingPaymentField_IsValidationError(string selection)
    {
        var api = await fixture.NewTenantAsync(documentedSchemaOnly: true);

        var result = await api.QueryAsync($"query {{ getInvoiceList(input: {{page: 1}}) {{ invoices {{ invoiceId {selection} }} }} }}");

        Assert.False(result.ContainsKey("data"));
        var field = selection.Split(' ')[0];
        Assert.StartsWith($"Cannot query field '{field}' on type 'Invoice'.", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task FullTenant_KeepsPaymentFields()
    {
        await fixture.NewTenantAsync(documentedSchemaOnly: true);
        var api = await fixture.NewTenantAsync();

        var type = await api.DataAsync("{ __type(name: \"Invoice\") { fields { name } } }");

        var fields = type["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("payments", fields);
        Assert.Contains("amountPaid", fields);
        Assert.Contains("balanceDue", fields);
    }

    [Fact]
    public async Task SchemaFiles_AreCopiedToOutputDirectory()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Schema");

        var derived = await File.ReadAllTextAsync(Path.Combine(directory, "superops-msp.derived.graphql"));
        var extension = await File.ReadAllTextAsync(Path.Combine(directory, "altpay-payments-extension.graphql"));

        Assert.Contains("type Invoice {", derived);
        Assert.Contains("extend type Invoice {", extension);
        Assert.Contains("balanceDue: String", extension);
    }
}
