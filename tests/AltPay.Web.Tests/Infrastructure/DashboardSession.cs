using System.Net;
using System.Text.RegularExpressions;

namespace AltPay.Web.Tests.Infrastructure;

/// <summary>A signed-in dashboard browser session over plain HTTP, keeping cookies.</summary>
public static partial class DashboardSession
{
    public static async Task<string> ReadAntiforgeryTokenAsync(this HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"{path} has no antiforgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password)
    {
        var token = await browser.ReadAntiforgeryTokenAsync("/signin");
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
