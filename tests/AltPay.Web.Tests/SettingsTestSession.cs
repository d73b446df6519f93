using System.Net;
using AltPay.Data;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

/// <summary>Signs in dashboard users of any role and posts settings forms with their antiforgery token.</summary>
internal static class SettingsTestSession
{
    /// <summary>Adds a user with one role to the partner directly through Identity.</summary>
    public static async Task AddUserAsync(this AltPayApp app, Guid partnerId, string email, string password, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PartnerUser>>();
        var user = new PartnerUser { PartnerId = partnerId, UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>Returns a browser signed in as the user; fails the test when sign-in does not redirect.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this AltPayApp app, string email, string password)
    {
        var browser = app.CreateBrowserClient();
        using var signIn = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>
    /// Posts a form to <paramref name="path"/> with the user's antiforgery token, read from the
    /// Password page because every signed-in user may open it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, IDictionary<string, string> fields)
    {
        var token = await browser.ReadAntiforgeryTokenAsync("/Settings/Password");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await browser.PostAsync(path, new FormUrlEncodedContent(form));
    }
}
