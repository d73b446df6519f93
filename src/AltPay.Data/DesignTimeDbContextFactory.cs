using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AltPay.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AltPayDbContext>
{
    public AltPayDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AltPayDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;

        return new AltPayDbContext(options);
    }
}
