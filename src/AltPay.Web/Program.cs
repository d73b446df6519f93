using AltPay.Sync;
using AltPay.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

var options = builder.AddAltPayOptions();
builder.AddAltPayPersistence(options);
builder.AddAltPayAuth(options);
builder.AddAltPayApi();
builder.AddAltPayDashboard();
builder.AddAltPayDemoMode(options);
builder.Services.AddAltPaySync(builder.Configuration);

var app = builder.Build();

await app.MigrateAltPayDatabaseAsync();
await app.EnsureAltPayRolesAsync();
await app.SeedAltPayDemoAsync(options);

app.UseExceptionHandler();
app.UseAltPaySecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapAltPayHealth();
app.MapAltPayApi(options);
app.MapAltPayDashboard();
app.MapAltPayDemoMode(options);

app.Run();
