namespace SuperOps.Sandbox.Model;

/// <summary>Stored invoice status. OVERDUE is never stored: it is computed when an invoice is read.</summary>
internal enum StoredInvoiceStatus
{
    Draft,
    Approved,
    Paid,
    Void,
}

/// <summary>A person shown in JSON association fields such as accountManager or primaryContact.</summary>
internal sealed record SandboxPerson(long UserId, string Name);

internal sealed class SandboxClient
{
    public required long AccountId { get; init; }
    public required string Name { get; set; }
    public required string Stage { get; set; }
    public string? Status { get; set; }
    public List<string> EmailDomains { get; set; } = [];
    public SandboxPerson? AccountManager { get; set; }
    public SandboxPerson? PrimaryContact { get; set; }
    public SandboxPerson? SecondaryContact { get; set; }
    public long? HqSiteId { get; set; }
    public bool SoftDeleted { get; set; }
}

internal sealed class SandboxSite
{
    public required long Id { get; init; }
    public required long ClientId { get; init; }
    public required string Name { get; set; }
    public required string TimezoneCode { get; set; }
    public bool Working24x7 { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Line3 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryCode { get; set; }
    public string? StateCode { get; set; }
    public string? ContactNumber { get; set; }
    public bool Hq { get; set; }
}

internal enum ServiceQuantityType
{
    Units,
    Hours,
}

internal sealed record SandboxServiceItem(long ItemId, string Name, ServiceQuantityType QuantityType, decimal UnitPrice, bool Taxable);

/// <summary>A tax with its rate in percent.</summary>
internal sealed record SandboxTax(long TaxId, string Name, decimal RatePercent, long RateId);

internal sealed record SandboxPaymentMethod(long PaymentMethodId, string Name);

internal sealed record SandboxPaymentTerm(long PaymentTermId, string Name, int Days);

internal sealed record SandboxClientStatus(long StatusId, string Name, string Constant);

internal sealed record SandboxClientStage(long StageId, string Name, string Constant, IReadOnlyList<SandboxClientStatus> Statuses);

internal sealed class SandboxPayment
{
    public required long PaymentId { get; init; }
    public required string Type { get; init; }
    public required decimal Amount { get; init; }
    public DateOnly? PaymentDate { get; init; }
    public long? PaymentMethodId { get; init; }
    public string? PaymentReference { get; init; }
}

internal sealed class SandboxLine
{
    public required long ItemId { get; init; }
    public required SandboxInvoice Invoice { get; set; }
    public required DateOnly BilledDate { get; set; }
    public string? Details { get; set; }
    public required decimal Quantity { get; set; }
    public required decimal UnitPrice { get; set; }
    public decimal? DiscountRate { get; set; }
    public decimal DiscountAmount { get; set; }
    public bool Taxable { get; set; }
    public SandboxTax? Tax { get; set; }
    public SandboxServiceItem? ServiceItem { get; set; }

    /// <summary>Quantity × unit price − discount, excluding tax.</summary>
    public decimal Amount { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal TotalAmount => Amount + TaxAmount;

    public void Recalculate()
    {
        Amount = Money.Round(Quantity * UnitPrice) - Money.Round(DiscountAmount);
        TaxAmount = Taxable && Tax is not null ? Money.Round(Amount * Tax.RatePercent / 100m) : 0m;
    }
}

internal sealed class SandboxInvoice
{
    public required long InvoiceId { get; init; }
    public required string DisplayId { get; init; }
    public required long ClientId { get; set; }
    public long? SiteId { get; set; }
    public required DateOnly InvoiceDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public StoredInvoiceStatus Status { get; set; }
    public bool SentToClient { get; set; }
    public List<SandboxLine> Lines { get; set; } = [];
    public decimal AdditionalDiscount { get; set; }
    public decimal? AdditionalDiscountRate { get; set; }
    public string? Notes { get; set; }
    public DateOnly? PaymentDate { get; set; }
    public long? PaymentMethodId { get; set; }
    public string? PaymentReference { get; set; }
    public long? PaymentTermId { get; set; }
    public List<SandboxPayment> Payments { get; } = [];

    public decimal LinesAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal DiscountAmount { get; private set; }

    /// <summary>Lines + taxes − additional discount.</summary>
    public decimal TotalAmount { get; private set; }

    public decimal AmountPaid
    {
        get
        {
            var sum = 0m;
            foreach (var payment in Payments)
            {
                sum += payment.Amount;
            }

            return sum;
        }
    }

    public decimal BalanceDue => Status == StoredInvoiceStatus.Paid ? 0m : Math.Max(0m, TotalAmount - AmountPaid);

    public void Recalculate()
    {
        decimal lines = 0m, taxes = 0m, discounts = 0m;
        foreach (var line in Lines)
        {
            line.Recalculate();
            lines += line.Amount;
            taxes += line.TaxAmount;
            discounts += Money.Round(line.DiscountAmount);
        }

        LinesAmount = lines;
        TaxAmount = taxes;
        DiscountAmount = discounts;
        TotalAmount = lines + taxes - Money.Round(AdditionalDiscount);
    }

    /// <summary>Status as SuperOps reports it: APPROVED past its due date reads as OVERDUE.</summary>
    public string ReadStatus(DateOnly today) => Status switch
    {
        StoredInvoiceStatus.Draft => "DRAFT",
        StoredInvoiceStatus.Paid => "PAID",
        StoredInvoiceStatus.Void => "VOID",
        _ => DueDate is { } due && due < today ? "OVERDUE" : "APPROVED",
    };
}
