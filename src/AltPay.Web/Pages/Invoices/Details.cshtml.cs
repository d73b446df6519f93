using System.Globalization;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Api;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AltPay.Web.Audit;

namespace AltPay.Web.Pages.Invoices;

/// <summary>
/// One invoice with its payments, write-back state and timeline. Another partner's invoice is a 404,
/// exactly like a missing one. Admin and Member may record, refund and retry; each post checks the role.
/// </summary>
public sealed class DetailsModel(AltPayDbContext db, PaymentService payments, AuditLog audit, TimeProvider timeProvider) : PageModel
{
    public static readonly string[] Methods = ["card", "ach", "check", "cash", "other"];

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public Invoice Invoice { get; private set; } = null!;

    public string? CustomerName { get; private set; }

    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The amount typed in the record-payment form, as text so a typo can be shown back unchanged.</summary>
    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Method { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>Generated when the form is shown, so a double-submitted form records one payment.</summary>
    [BindProperty]
    public string? IdempotencyKey { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? FormError { get; private set; }

    public bool CanOperate => User.IsInRole(PartnerRoles.Admin) || User.IsInRole(PartnerRoles.Member);

    public bool CanTakePayment => CanOperate && Invoice.WhyNotEditable() is null;

    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Amount = FormatForInput(Invoice.OutstandingMinor, Invoice.Currency);
        Method = "card";
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(string id, CancellationToken cancellationToken)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!Guid.TryParse(id, out var invoiceId))
        {
            return NotFound();
        }

        decimal? amount = null;

        if (decimal.TryParse(Amount?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            amount = parsed;
        }
        else if (!string.IsNullOrWhiteSpace(Amount))
        {
            _errors["amount"] = $"The amount '{Amount}' is not a number; type it like 125.50.";
        }

        if (_errors.Count == 0)
        {
            try
            {
                var request = new RecordPaymentRequest(amount, Method, Reference, PaidAt: null);
                var key = string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey;
                var outcome = await payments.RecordAsync(User.GetPartnerId(), invoiceId, request, key, cancellationToken);
                if (outcome.Created)
                {
                    await audit.WritePaymentRecordedAsync(User.GetPartnerId(), outcome.Payment, cancellationToken);
                }

                Notice = outcome.Created ? "Payment recorded." : "This payment was already recorded.";
                return RedirectToPage(new { id });
            }
            catch (RecordNotFoundException)
            {
                return NotFound();
            }
            catch (PaymentRejectedException exception)
            {
                _errors[exception.Field] = exception.Message;
            }
            catch (PaymentInputException exception)
            {
                _errors[exception.Field] = exception.Message;
            }
            catch (InvoiceStateException exception)
            {
                FormError = exception.Message;
            }
        }

        FormError ??= "The payment was not recorded; check the fields marked below.";

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRefundAsync(string id, Guid paymentId, CancellationToken cancellationToken)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        try
        {
            await EnsurePaymentOfInvoiceAsync(id, paymentId, cancellationToken);
            var refunded = await payments.RefundAsync(User.GetPartnerId(), paymentId, cancellationToken);
            await audit.WritePaymentRefundedAsync(User.GetPartnerId(), refunded, cancellationToken);
            Notice = "Payment refunded; the balance is open again.";
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (InvoiceStateException exception)
        {
            Notice = exception.Message;
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!Guid.TryParse(id, out var invoiceId))
        {
            return NotFound();
        }

        try
        {
            await payments.RetryWriteBackAsync(User.GetPartnerId(), invoiceId, cancellationToken);
            await audit.WriteAsync(User.GetPartnerId(), AuditActions.WriteBackRetried, $"invoice {invoiceId}", null, cancellationToken);
            Notice = "Write-back queued again; AltPay reads the invoice back from SuperOps before sending.";
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (InvoiceStateException exception)
        {
            Notice = exception.Message;
        }

        return RedirectToPage(new { id });
    }

    /// <summary>Formats an amount the way the amount field parses it: no group separators, the currency's decimals.</summary>
    public static string FormatForInput(long minorUnits, string currency) =>
        Money.FromMinorUnits(minorUnits, currency).ToString("F" + Money.MinorDigits(currency), CultureInfo.InvariantCulture);

    // A refund posted on one invoice's page must not refund a payment of another invoice.
    private async Task EnsurePaymentOfInvoiceAsync(string id, Guid paymentId, CancellationToken cancellationToken)
    {
        db.ForPartner(User.GetPartnerId());
        var belongs = Guid.TryParse(id, out var invoiceId)
            && await db.Payments.AnyAsync(payment => payment.Id == paymentId && payment.InvoiceId == invoiceId, cancellationToken);

        if (!belongs)
        {
            throw new RecordNotFoundException($"Payment {paymentId} was not found on this invoice.");
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var invoiceId))
        {
            return false;
        }

        db.ForPartner(User.GetPartnerId());
        var invoice = await db.Invoices.AsNoTracking().Include(row => row.Lines)
            .SingleOrDefaultAsync(row => row.Id == invoiceId, cancellationToken);

        if (invoice is null)
        {
            return false;
        }

        Invoice = invoice;
        Today = timeProvider.Today();
        CustomerName = await db.Customers.AsNoTracking()
            .Where(customer => customer.Id == invoice.CustomerId)
            .Select(customer => customer.Name)
            .SingleOrDefaultAsync(cancellationToken);
        Payments = await db.Payments.AsNoTracking()
            .Where(payment => payment.InvoiceId == invoiceId)
            .OrderBy(payment => payment.CreatedAt).ThenBy(payment => payment.Id)
            .ToListAsync(cancellationToken);
        Timeline = await db.TimelineEvents.AsNoTracking()
            .Where(timelineEvent => timelineEvent.InvoiceId == invoiceId)
            .OrderBy(timelineEvent => timelineEvent.At).ThenBy(timelineEvent => timelineEvent.Id)
            .ToListAsync(cancellationToken);
        return true;
    }
}
