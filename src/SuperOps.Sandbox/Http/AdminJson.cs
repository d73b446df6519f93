using SuperOps.Sandbox.GraphQL;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.Http;

/// <summary>Admin API output: records in SuperOps' own JSON shape and field names, payments included.</summary>
internal static class AdminJson
{
    public static Dictionary<string, object?> Client(SandboxClient client, SandboxRequestContext request) => new()
    {
        ["accountId"] = Money.FormatId(client.AccountId),
        ["name"] = client.Name,
        ["stage"] = client.Stage,
        ["status"] = client.Status,
        ["emailDomains"] = client.EmailDomains,
        ["accountManager"] = TypeResolvers.Person(client.AccountManager, request),
        ["primaryContact"] = TypeResolvers.Person(client.PrimaryContact, request),
        ["secondaryContact"] = TypeResolvers.Person(client.SecondaryContact, request),
        ["hqSite"] = TypeResolvers.SiteRef(request.Tenant, client.HqSiteId, request),
        ["softDeleted"] = client.SoftDeleted,
    };

    public static Dictionary<string, object?> Invoice(SandboxInvoice invoice, SandboxRequestContext request)
    {
        var tenant = request.Tenant;
        return new Dictionary<string, object?>
        {
            ["invoiceId"] = Money.FormatId(invoice.InvoiceId),
            ["displayId"] = invoice.DisplayId,
            ["client"] = TypeResolvers.ClientRef(tenant, invoice.ClientId, request),
            ["site"] = TypeResolvers.SiteRef(tenant, invoice.SiteId, request),
            ["invoiceDate"] = Money.FormatDate(invoice.InvoiceDate),
            ["dueDate"] = Money.FormatDate(invoice.DueDate),
            ["statusEnum"] = invoice.ReadStatus(request.Today),
            ["sentToClient"] = invoice.SentToClient,
            ["items"] = invoice.Lines.Select(l => Line(l, request)).ToList(),
            ["taxes"] = TypeResolvers.Taxes(invoice).Select(t => new Dictionary<string, object?>
            {
                ["id"] = Money.FormatId(t.Id),
                ["tax"] = TypeResolvers.TaxRef(t.Tax, request),
                ["taxRate"] = Money.FormatRate(t.Tax.RatePercent),
                ["taxableAmount"] = Money.Format(t.TaxableAmount),
                ["taxAmount"] = Money.Format(t.TaxAmount),
            }).ToList(),
            ["discountAmount"] = Money.Format(invoice.DiscountAmount),
            ["additionalDiscount"] = Money.Format(invoice.AdditionalDiscount),
            ["totalAmount"] = Money.Format(invoice.TotalAmount),
            ["notes"] = invoice.Notes,
            ["paymentDate"] = Money.FormatDate(invoice.PaymentDate),
            ["paymentMethod"] = TypeResolvers.PaymentMethodRef(tenant, invoice.PaymentMethodId, request),
            ["paymentReference"] = invoice.PaymentReference,
            ["invoicePaymentTerm"] = TypeResolvers.PaymentTermRef(tenant, invoice.PaymentTermId, request),
            ["payments"] = invoice.Payments.Select(p => Payment(p, request)).ToList(),
            ["amountPaid"] = Money.Format(invoice.AmountPaid),
            ["balanceDue"] = Money.Format(invoice.BalanceDue),
        };
    }

    public static Dictionary<string, object?> Payment(SandboxPayment payment, SandboxRequestContext request) => new()
    {
        ["paymentId"] = Money.FormatId(payment.PaymentId),
        ["type"] = payment.Type,
        ["amount"] = Money.Format(payment.Amount),
        ["paymentDate"] = Money.FormatDate(payment.PaymentDate),
        ["paymentMethod"] = TypeResolvers.PaymentMethodRef(request.Tenant, payment.PaymentMethodId, request),
        ["paymentReference"] = payment.PaymentReference,
    };

    public static Dictionary<string, object?> Settings(TenantSettings settings) => new()
    {
        ["requestsPerMinute"] = settings.RequestsPerMinute,
        ["hasMoreNullOnLastPage"] = settings.HasMoreNullOnLastPage,
        ["numericIdsInJson"] = settings.NumericIdsInJson,
        ["faults"] = settings.Faults.Select(f => new Dictionary<string, object?>
        {
            ["kind"] = f.Kind,
            ["operation"] = f.Operation,
            ["page"] = f.Page,
            ["times"] = f.Remaining,
            ["probability"] = f.Probability,
        }).ToList(),
    };

    private static Dictionary<string, object?> Line(SandboxLine line, SandboxRequestContext request) => new()
    {
        ["itemId"] = Money.FormatId(line.ItemId),
        ["billedDate"] = Money.FormatDate(line.BilledDate),
        ["details"] = line.Details,
        ["quantity"] = Money.FormatQuantity(line.Quantity),
        ["unitPrice"] = Money.Format(line.UnitPrice),
        ["discountRate"] = line.DiscountRate is { } rate ? Money.FormatRate(rate) : null,
        ["amount"] = Money.Format(line.Amount),
        ["taxable"] = line.Taxable,
        ["tax"] = TypeResolvers.TaxRef(line.Tax, request),
        ["serviceItem"] = TypeResolvers.ServiceItemRef(line.ServiceItem, request),
        ["taxAmount"] = Money.Format(line.TaxAmount),
        ["totalAmount"] = Money.Format(line.TotalAmount),
    };
}
