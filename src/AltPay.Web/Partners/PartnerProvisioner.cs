using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Identity;

namespace AltPay.Web.Partners;

/// <summary>What a new partner was created with. The password and key are only known at this moment.</summary>
public sealed record ProvisionedPartner(Guid PartnerId, string Name, string AdminEmail, string AdminPassword, string ApiKey);

/// <summary>Raised when the partner's admin user cannot be created; the message lists Identity's reasons.</summary>
public sealed class PartnerProvisioningException(string message) : Exception(message);

/// <summary>Creates partners with their first admin user and API key, in one transaction.</summary>
public sealed class PartnerProvisioner(AltPayDbContext db, UserManager<PartnerUser> users, TimeProvider timeProvider)
{
    /// <summary>Creates a partner, an Admin user and an admin API key; nothing is kept if any step fails.</summary>
    public async Task<ProvisionedPartner> CreateAsync(
        string name, string adminEmail, string adminPassword, string apiKey, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var partner = new Partner { Id = Guid.NewGuid(), Name = name, CreatedAt = now };

        db.ForPartner(partner.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        db.Partners.Add(partner);
        db.ApiKeys.Add(NewApiKey(partner.Id, apiKey, "First admin key", now));
        await db.SaveChangesAsync(cancellationToken);

        var user = new PartnerUser
        {
            PartnerId = partner.Id,
            UserName = adminEmail,
            Email = adminEmail,
            EmailConfirmed = true,
        };
        await Check(users.CreateAsync(user, adminPassword), adminEmail);
        await Check(users.AddToRoleAsync(user, PartnerRoles.Admin), adminEmail);

        await transaction.CommitAsync(cancellationToken);
        return new ProvisionedPartner(partner.Id, name, adminEmail, adminPassword, apiKey);
    }

    /// <summary>Adds an admin API key to an existing partner.</summary>
    public async Task AddApiKeyAsync(Guid partnerId, string apiKey, string keyName, CancellationToken cancellationToken)
    {
        db.ForPartner(partnerId);
        db.ApiKeys.Add(NewApiKey(partnerId, apiKey, keyName, timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApiKey NewApiKey(Guid partnerId, string apiKey, string keyName, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = partnerId,
        Name = keyName,
        Prefix = ApiKeyFormat.Prefix(apiKey),
        Hash = ApiKeyFormat.Hash(apiKey),
        CreatedAt = now,
    };

    private static async Task Check(Task<IdentityResult> operation, string adminEmail)
    {
        var result = await operation;

        if (!result.Succeeded)
        {
            var reasons = string.Join(" ", result.Errors.Select(error => error.Description));
            throw new PartnerProvisioningException($"The admin user '{adminEmail}' could not be created: {reasons}");
        }
    }
}
