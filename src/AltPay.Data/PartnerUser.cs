using Microsoft.AspNetCore.Identity;

namespace AltPay.Data;

/// <summary>A person who signs in to a partner's dashboard.</summary>
public sealed class PartnerUser : IdentityUser
{
    public Guid PartnerId { get; set; }
}

public static class PartnerRoles
{
    public const string Admin = "Admin";
    public const string Member = "Member";
    public const string ReadOnly = "Read-only";

    public static readonly IReadOnlyList<string> All = [Admin, Member, ReadOnly];
}
