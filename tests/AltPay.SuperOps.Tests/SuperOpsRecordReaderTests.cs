using System.Text.Json;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsRecordReaderTests
{
    private const string Invoice = """
        {"invoiceId": 7929754851606401999, "displayId": "061422-0001",
         "client": {"accountId": 7928838372746166998, "name": "Acme"},
         "invoiceDate": "2026-03-01", "dueDate": "2026-03-31", "statusEnum": "APPROVED", "totalAmount": "1250.25",
         "paymentDate": null, "paymentMethod": {"paymentMethodId": "42", "name": "Card"}, "paymentReference": null,
         "amountPaid": "100.10", "balanceDue": "1150.15",
         "payments": [{"paymentId": "9", "type": "CREDIT", "amount": "100.10", "paymentDate": "2026-03-05", "paymentReference": "credit note"}]}
        """;

    [Fact]
    public void ReadInvoice_BareNumberIds_KeepEveryDigit()
    {
        using var document = JsonDocument.Parse(Invoice);

        var invoice = SuperOpsRecordReader.ReadInvoice(document.RootElement, "invoice", includePayments: true);

        Assert.Equal("7929754851606401999", invoice.InvoiceId);
        Assert.Equal("7928838372746166998", invoice.ClientAccountId);
        Assert.Equal("Acme", invoice.ClientName);
        Assert.Equal(1250.25m, invoice.TotalAmount);
        Assert.Equal(new DateOnly(2026, 3, 31), invoice.DueDate);
        Assert.Equal(SuperOpsInvoiceStatus.Approved, invoice.Status);
        Assert.Equal("42", invoice.PaymentMethodId);
        Assert.Equal("Card", invoice.PaymentMethodName);
        Assert.Equal(100.10m, invoice.AmountPaid);
        Assert.Equal(1150.15m, invoice.BalanceDue);
        var payment = Assert.Single(invoice.Payments!);
        Assert.Equal(new SuperOpsInvoicePayment("9", "CREDIT", 100.10m, new DateOnly(2026, 3, 5), "credit note"), payment);
    }

    [Fact]
    public void ReadInvoice_WithoutPayments_LeavesPaymentFieldsNull()
    {
        using var document = JsonDocument.Parse(Invoice);

        var invoice = SuperOpsRecordReader.ReadInvoice(document.RootElement, "invoice", includePayments: false);

        Assert.Null(invoice.AmountPaid);
        Assert.Null(invoice.BalanceDue);
        Assert.Null(invoice.Payments);
    }

    [Theory]
    [InlineData("totalAmount", "\"12,50\"", "invoice.totalAmount", "\"12,50\"")]
    [InlineData("totalAmount", "\"1e3\"", "invoice.totalAmount", "\"1e3\"")]
    [InlineData("invoiceDate", "\"03/01/2026\"", "invoice.invoiceDate", "\"03/01/2026\"")]
    [InlineData("invoiceId", "12.5", "invoice.invoiceId", "12.5")]
    [InlineData("invoiceId", "true", "invoice.invoiceId", "true")]
    [InlineData("statusEnum", "\"PARTIAL\"", "invoice.statusEnum", "\"PARTIAL\"")]
    public void ReadInvoice_MalformedValue_NamesFieldAndValue(string field, string json, string expectedField, string expectedValue)
    {
        var text = Invoice.Replace($"\"{field}\": ", $"\"{field}\": {json}, \"ignored_{field}\": ", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);

        var exception = Assert.Throws<SuperOpsResponseException>(() => SuperOpsRecordReader.ReadInvoice(document.RootElement, "invoice", includePayments: true));

        Assert.Equal(expectedField, exception.Field);
        Assert.Equal(expectedValue, exception.Value);
        Assert.Contains(expectedField, exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedValue, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadInvoice_MissingTotal_NamesField()
    {
        using var document = JsonDocument.Parse(Invoice.Replace("\"totalAmount\": \"1250.25\",", "", StringComparison.Ordinal));

        var exception = Assert.Throws<SuperOpsResponseException>(() => SuperOpsRecordReader.ReadInvoice(document.RootElement, "invoice", includePayments: false));

        Assert.Equal("invoice.totalAmount", exception.Field);
        Assert.Null(exception.Value);
    }

    [Fact]
    public void ReadClient_JsonAssociations_ReadNames()
    {
        using var document = JsonDocument.Parse("""
            {"accountId": "17", "name": "Acme", "stage": "Active", "status": null, "emailDomains": ["acme.com", "acme.io"],
             "primaryContact": {"userId": 5, "name": "Ada Lovelace"}, "hqSite": {"id": 6, "name": "Head office"}}
            """);

        var client = SuperOpsRecordReader.ReadClient(document.RootElement, "client");

        Assert.Equal("17", client.AccountId);
        Assert.Equal("Acme", client.Name);
        Assert.Equal("Active", client.Stage);
        Assert.Null(client.Status);
        Assert.Equal(["acme.com", "acme.io"], client.EmailDomains);
        Assert.Equal("Ada Lovelace", client.PrimaryContactName);
        Assert.Equal("Head office", client.HqSiteName);
    }

    [Fact]
    public void ReadInvoiceLine_DecimalStrings_ReadExactly()
    {
        using var document = JsonDocument.Parse("""
            {"itemId": 3, "details": "Backup", "quantity": "1.5", "unitPrice": "0.10", "amount": "0.15", "invoice": {"invoiceId": 99}}
            """);

        var line = SuperOpsRecordReader.ReadInvoiceLine(document.RootElement, "line");

        Assert.Equal(new SuperOpsInvoiceLineRecord("3", "99", "Backup", 1.5m, 0.10m, 0.15m), line);
    }
}
