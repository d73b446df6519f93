using AltPay.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AltPay.Data;

/// <summary>
/// The AltPay database. Every partner-owned set is filtered to <see cref="PartnerId"/>, so a context
/// scoped to one partner can neither read nor write another partner's rows; with no partner set it
/// reads nothing. Cross-partner work (the scheduler) uses <c>IgnoreQueryFilters</c> explicitly.
/// </summary>
public sealed class AltPayDbContext(DbContextOptions<AltPayDbContext> options) : IdentityDbContext<PartnerUser>(options)
{
    public Guid PartnerId { get; private set; }

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<SuperOpsConnection> Connections => Set<SuperOpsConnection>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();

    public DbSet<Conflict> Conflicts => Set<Conflict>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Scopes this context to one partner. Set once, before the first query.</summary>
    public AltPayDbContext ForPartner(Guid partnerId)
    {
        if (PartnerId != Guid.Empty && PartnerId != partnerId)
        {
            throw new InvalidOperationException("This database context is already scoped to another partner.");
        }

        PartnerId = partnerId;
        return this;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureRowsBelongToPartner();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureRowsBelongToPartner();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset values; UTC ticks as integers sort and compare exactly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AltPayDbContext).Assembly);

        // Ids are made in code, so that a new line added to a tracked invoice is inserted, not updated.
        foreach (var entityType in builder.Model.GetEntityTypes().Where(type => type.ClrType.Namespace == typeof(Invoice).Namespace))
        {
            builder.Entity(entityType.ClrType).Property("Id").ValueGeneratedNever();
        }

        builder.Entity<SuperOpsConnection>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<Customer>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<Invoice>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<InvoiceLine>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<Payment>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<OutboxMessage>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<SyncRun>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<TimelineEvent>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<Conflict>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<ApiKey>().HasQueryFilter(row => row.PartnerId == PartnerId);
        builder.Entity<AuditEntry>().HasQueryFilter(row => row.PartnerId == PartnerId);
    }

    private void EnsureRowsBelongToPartner()
    {
        foreach (var entry in ChangeTracker.Entries<IPartnerOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (PartnerId == Guid.Empty || entry.Entity.PartnerId != PartnerId)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} row of another partner, or with no partner scope set, cannot be saved.");
            }
        }
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks.</summary>
internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
