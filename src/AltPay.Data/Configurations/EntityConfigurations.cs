using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AltPay.Data.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(partner => partner.Name).HasMaxLength(200);
    }
}

internal sealed class SuperOpsConnectionConfiguration : IEntityTypeConfiguration<SuperOpsConnection>
{
    public void Configure(EntityTypeBuilder<SuperOpsConnection> builder)
    {
        builder.HasIndex(connection => connection.PartnerId).IsUnique();
        builder.Property(connection => connection.Subdomain).HasMaxLength(100);
        builder.Property(connection => connection.Region).HasMaxLength(2);
        builder.Property(connection => connection.Currency).HasMaxLength(3);
        builder.Property(connection => connection.TokenLastFour).HasMaxLength(4);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasIndex(customer => new { customer.PartnerId, customer.ExternalId }).IsUnique();
        builder.HasIndex(customer => new { customer.PartnerId, customer.Name });
        builder.Property(customer => customer.Name).HasMaxLength(300);
        builder.Property(customer => customer.Email).HasMaxLength(320);
        builder.Property(customer => customer.ExternalId).HasMaxLength(40);
        builder.Ignore(customer => customer.IsArchived);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasIndex(invoice => new { invoice.PartnerId, invoice.ExternalId }).IsUnique();
        builder.HasIndex(invoice => new { invoice.PartnerId, invoice.Status, invoice.DueDate });
        builder.Property(invoice => invoice.Number).HasMaxLength(100);
        builder.Property(invoice => invoice.ExternalId).HasMaxLength(40);
        builder.Property(invoice => invoice.Currency).HasMaxLength(3);
        builder.Property(invoice => invoice.SuperOpsCustomerId).HasMaxLength(40);
        builder.HasOne<Customer>().WithMany().HasForeignKey(invoice => invoice.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(invoice => invoice.Lines).WithOne().HasForeignKey(line => line.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(invoice => invoice.IsArchived);
        builder.Ignore(invoice => invoice.AmountPaidMinor);
        builder.Ignore(invoice => invoice.OutstandingMinor);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.HasIndex(line => new { line.InvoiceId, line.Position });
        builder.Property(line => line.Description).HasMaxLength(2000);
        builder.Property(line => line.ExternalId).HasMaxLength(40);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasIndex(payment => new { payment.PartnerId, payment.IdempotencyKey }).IsUnique();
        builder.HasIndex(payment => payment.InvoiceId);
        builder.Property(payment => payment.Currency).HasMaxLength(3);
        builder.Property(payment => payment.Reference).HasMaxLength(200);
        builder.Property(payment => payment.IdempotencyKey).HasMaxLength(200);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasIndex(message => new { message.Status, message.NextAttemptAt });
        builder.HasIndex(message => message.InvoiceId);
        builder.Property(message => message.Reference).HasMaxLength(255);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.HasIndex(run => new { run.PartnerId, run.StartedAt });
        builder.HasIndex(run => new { run.ConnectionId, run.Status });
    }
}

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.HasIndex(timelineEvent => new { timelineEvent.InvoiceId, timelineEvent.At });
        builder.Property(timelineEvent => timelineEvent.Kind).HasMaxLength(40);
    }
}

internal sealed class ConflictConfiguration : IEntityTypeConfiguration<Conflict>
{
    public void Configure(EntityTypeBuilder<Conflict> builder)
    {
        builder.HasIndex(conflict => new { conflict.PartnerId, conflict.Resolved });
        builder.HasIndex(conflict => conflict.InvoiceId);
        builder.Property(conflict => conflict.Field).HasMaxLength(40);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasIndex(key => key.Hash).IsUnique();
        builder.Property(key => key.Prefix).HasMaxLength(20);
        builder.Property(key => key.Hash).HasMaxLength(64);
        builder.Property(key => key.Name).HasMaxLength(100);
        builder.Property(key => key.Role).HasMaxLength(20).HasDefaultValue("Admin");
    }
}

internal sealed class PartnerUserConfiguration : IEntityTypeConfiguration<PartnerUser>
{
    public void Configure(EntityTypeBuilder<PartnerUser> builder)
    {
        builder.HasIndex(user => user.PartnerId);
    }
}
