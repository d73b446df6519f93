namespace SuperOps.Sandbox.Model;

/// <summary>A line to add, already validated.</summary>
internal sealed record NewLine(
    DateOnly BilledDate,
    string? Details,
    decimal Quantity,
    decimal UnitPrice,
    decimal? DiscountRate,
    decimal? DiscountAmount,
    bool Taxable,
    SandboxTax? Tax,
    SandboxServiceItem? ServiceItem);

/// <summary>Changes to tenant records shared by the GraphQL mutations and the admin API. Callers hold the tenant lock.</summary>
internal static class TenantOperations
{
    public const int MaxPaymentReferenceLength = 255;

    public static SandboxInvoice CreateInvoice(
        SandboxTenant tenant,
        SandboxClient client,
        long? siteId,
        StoredInvoiceStatus status,
        DateOnly invoiceDate,
        DateOnly? dueDate,
        IReadOnlyList<NewLine> lines)
    {
        var invoice = new SandboxInvoice
        {
            InvoiceId = tenant.Ids.Next(),
            DisplayId = tenant.NextDisplayId(invoiceDate),
            ClientId = client.AccountId,
            SiteId = siteId ?? client.HqSiteId,
            InvoiceDate = invoiceDate,
            DueDate = dueDate,
            Status = status,
            SentToClient = status != StoredInvoiceStatus.Draft,
        };
        ReplaceLines(tenant, invoice, lines);
        tenant.Invoices.Add(invoice);
        return invoice;
    }

    /// <summary>Replaces every line of the invoice and recomputes its totals.</summary>
    public static void ReplaceLines(SandboxTenant tenant, SandboxInvoice invoice, IReadOnlyList<NewLine> lines)
    {
        foreach (var old in invoice.Lines)
        {
            tenant.Lines.Remove(old.ItemId);
        }

        invoice.Lines = lines.Select(l => new SandboxLine
        {
            ItemId = tenant.Ids.Next(),
            Invoice = invoice,
            BilledDate = l.BilledDate,
            Details = l.Details,
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            DiscountRate = l.DiscountRate,
            DiscountAmount = l.DiscountAmount
                ?? (l.DiscountRate is { } rate ? Money.Round(l.Quantity * l.UnitPrice * rate / 100m) : 0m),
            Taxable = l.Taxable,
            Tax = l.Taxable ? l.Tax ?? tenant.Taxes.FirstOrDefault() : null,
            ServiceItem = l.ServiceItem,
        }).ToList();

        foreach (var line in invoice.Lines)
        {
            tenant.Lines.Add(line);
        }

        invoice.Recalculate();
    }

    public static void DeleteInvoice(SandboxTenant tenant, SandboxInvoice invoice)
    {
        foreach (var line in invoice.Lines)
        {
            tenant.Lines.Remove(line.ItemId);
        }

        tenant.Invoices.Remove(invoice.InvoiceId);
    }

    /// <summary>Records a payment or credit; one that covers the balance marks the invoice PAID.</summary>
    public static SandboxPayment AddPayment(
        SandboxTenant tenant, SandboxInvoice invoice, string type, decimal amount, DateOnly paymentDate, string? reference)
    {
        var payment = new SandboxPayment
        {
            PaymentId = tenant.Ids.Next(),
            Type = type,
            Amount = Money.Round(amount),
            PaymentDate = paymentDate,
            PaymentReference = reference,
        };
        invoice.Payments.Add(payment);
        if (invoice.AmountPaid >= invoice.TotalAmount)
        {
            invoice.Status = StoredInvoiceStatus.Paid;
            invoice.PaymentDate = paymentDate;
            invoice.PaymentReference ??= reference;
        }

        return payment;
    }

    public static SandboxClient CreateClient(
        SandboxTenant tenant, string name, IReadOnlyList<string> emailDomains, string stage, string? status, SandboxPerson? accountManager)
    {
        var client = new SandboxClient
        {
            AccountId = tenant.Ids.Next(),
            Name = name,
            Stage = stage,
            Status = status,
            EmailDomains = emailDomains.ToList(),
            AccountManager = accountManager,
        };
        tenant.Clients.Add(client);
        return client;
    }

    public static SandboxSite AddSite(SandboxTenant tenant, SandboxClient client, SandboxSite site)
    {
        tenant.Sites.Add(site);
        if (site.Hq || client.HqSiteId is null)
        {
            client.HqSiteId = site.Id;
        }

        return site;
    }

    public static string? NameConflict(SandboxTenant tenant, string name) =>
        tenant.Clients.Items.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ? name : null;

    public static string? DomainConflict(SandboxTenant tenant, IEnumerable<string> domains)
    {
        var usedDomains = new HashSet<string>(tenant.Clients.Items.SelectMany(c => c.EmailDomains), StringComparer.OrdinalIgnoreCase);
        return domains.FirstOrDefault(usedDomains.Contains);
    }

    public static StoredInvoiceStatus? ParseStatus(string? text) => text?.ToUpperInvariant() switch
    {
        "DRAFT" => StoredInvoiceStatus.Draft,
        "APPROVED" => StoredInvoiceStatus.Approved,
        // OVERDUE is computed, so setting it stores APPROVED; it reads OVERDUE once past due.
        "OVERDUE" => StoredInvoiceStatus.Approved,
        "PAID" => StoredInvoiceStatus.Paid,
        "VOID" => StoredInvoiceStatus.Void,
        _ => null,
    };
}
