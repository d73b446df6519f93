using System.Text.Json;
using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

/// <summary>Connects a partner to SuperOps after a live check, and disconnects it.</summary>
public sealed class ConnectionService(
    IDbContextFactory<AltPayDbContext> dbFactory,
    SuperOpsClientFactory clientFactory,
    SuperOpsTokenProtector tokenProtector,
    SyncRunCoordinator coordinator,
    SyncScheduler scheduler,
    TimeProvider timeProvider,
    ILogger<ConnectionService> logger)
{
    public const string RejectedTokenMessage =
        "SuperOps rejected the API token. Generate a new token in SuperOps (Settings > Your Profile > API Token > Generate Token) and save it here.";

    /// <summary>
    /// Checks the token and subdomain with SuperOps, saves the connection with the token encrypted,
    /// schedules its runs and starts the first refresh. Nothing is saved unless SuperOps accepted both.
    /// </summary>
    public async Task<SuperOpsConnection> ConnectAsync(Guid partnerId, ConnectRequest request, CancellationToken cancellationToken)
    {
        var valid = ConnectRequestValidator.Validate(request);
        var capabilities = await CheckWithSuperOpsAsync(valid, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var now = timeProvider.GetUtcNow();
        var connection = await db.Connections.SingleOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            connection = new SuperOpsConnection
            {
                Id = Guid.NewGuid(),
                PartnerId = partnerId,
                Subdomain = valid.Subdomain,
                Region = valid.RegionName,
                Currency = valid.Currency,
            };
            db.Connections.Add(connection);
        }

        connection.Subdomain = valid.Subdomain;
        connection.Region = valid.RegionName;
        connection.Currency = valid.Currency;
        connection.ProtectedToken = tokenProtector.Protect(valid.ApiToken);
        connection.TokenLastFour = SuperOpsTokenProtector.LastFour(valid.ApiToken);
        connection.Status = ConnectionStatus.Connected;
        connection.Error = null;
        connection.InvoicePayments = capabilities.InvoicePayments;
        connection.ConnectedAt = now;
        connection.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        SyncLog.Connected(logger, partnerId, connection.Id, valid.Subdomain, valid.RegionName, capabilities.InvoicePayments);

        await scheduler.ScheduleAsync(connection, cancellationToken);
        await coordinator.StartAsync(partnerId, SyncRunKind.Refresh, SyncRunTrigger.Connect, cancellationToken);
        return connection;
    }

    /// <summary>Stops syncing and erases the token; imported data stays. Returns false when the partner never connected.</summary>
    public async Task<bool> DisconnectAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var connection = await db.Connections.SingleOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return false;
        }

        await scheduler.UnscheduleAsync(connection.Id, cancellationToken);

        connection.Status = ConnectionStatus.Disconnected;
        connection.ProtectedToken = null;
        connection.TokenLastFour = null;
        connection.Error = null;
        connection.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        SyncLog.Disconnected(logger, partnerId, connection.Id);
        return true;
    }

    /// <summary>
    /// Sets the SuperOps payment method name each AltPay method (card, ach, check, cash, other) is written
    /// back as. A null or empty name removes the entry, so common names are tried again. Returns the map.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SetPaymentMethodMapAsync(
        Guid partnerId,
        IReadOnlyDictionary<string, string?> names,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var allowed = Enum.GetNames<PaymentMethod>().Select(name => name.ToLowerInvariant()).ToList();
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach (var (key, value) in names)
        {
            var method = key.Trim().ToLowerInvariant();
            if (!allowed.Contains(method))
            {
                errors[key] = $"'{key}' is not an AltPay payment method. Use {string.Join(", ", allowed)}.";
            }
            else if (value is { Length: > 100 })
            {
                errors[key] = $"The SuperOps payment method name for {method} is {value.Length} characters long; use at most 100.";
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                map[method] = value.Trim();
            }
        }

        if (errors.Count > 0)
        {
            throw new ConnectionInputException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var connection = await db.Connections.SingleOrDefaultAsync(cancellationToken) ?? throw new NotConnectedException();
        connection.PaymentMethodMap = map.Count == 0 ? null : JsonSerializer.Serialize(map);
        connection.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return map;
    }

    /// <summary>Returns the partner's connection with its runs and schedule, or null when it never connected.</summary>
    public async Task<ConnectionSnapshot?> GetAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return null;
        }

        var running = coordinator.FindRunning(connection.Id);
        var lastRun = await db.SyncRuns.AsNoTracking()
            .Where(run => run.ConnectionId == connection.Id && run.Status != SyncRunStatus.Running)
            .OrderByDescending(run => run.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);

        var awaiting = await db.SyncRuns.AsNoTracking()
            .Where(run => run.ConnectionId == connection.Id && run.Status == SyncRunStatus.AwaitingConfirmation)
            .OrderByDescending(run => run.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);

        var next = await scheduler.GetNextRunsAsync(connection.Id, cancellationToken);
        return new ConnectionSnapshot(connection, lastRun, running, next.Refresh, next.Sweep, awaiting);
    }

    private async Task<SuperOpsCapabilities> CheckWithSuperOpsAsync(ConnectRequestValidator.ValidConnectRequest valid, CancellationToken cancellationToken)
    {
        var credentials = new SuperOpsCredentials(valid.Subdomain, valid.ApiToken, valid.Region);
        var client = clientFactory.Create(credentials);

        try
        {
            return await client.CheckConnectionAsync(cancellationToken);
        }
        catch (SuperOpsAuthenticationException)
        {
            throw new ConnectionRejectedException("apiToken", RejectedTokenMessage);
        }
        catch (SuperOpsSubdomainException)
        {
            throw new ConnectionRejectedException(
                "subdomain",
                $"SuperOps does not know the subdomain '{valid.Subdomain}' in the {valid.RegionName.ToUpperInvariant()} data centre. "
                + "Copy it from Settings > My MSP > MSP Information and check the data centre.");
        }
        catch (SuperOpsException exception) when (exception is not SuperOpsValidationException)
        {
            SyncLog.ConnectionCheckFailed(logger, exception, valid.Subdomain, exception.Code);
            throw new SuperOpsUnreachableException(
                $"SuperOps could not be reached to check the connection ({exception.Message}). Nothing was saved; try again in a few minutes.",
                exception);
        }
    }
}
