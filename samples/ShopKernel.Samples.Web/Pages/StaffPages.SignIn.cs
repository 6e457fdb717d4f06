using Microsoft.AspNetCore.Authentication;
using ShopKernel.Samples.Web.Shop;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// Staff sign-in and sign-out. The form posts the user name and password (never in a URL) with its antiforgery
/// token; a wrong password, an unknown user name and a locked account get the same answer. Signing in starts a
/// staff session (the <c>ShopKernel.Staff</c> cookie, for <c>/staff</c> only); signing out ends it on the server.
/// </summary>
public static partial class StaffPages
{
    /// <summary>What every failed sign-in says, whatever failed.</summary>
    internal const string SignInFailed = "The user name or password is not right. After 5 failed attempts in a row, an account waits 15 minutes before it can sign in again.";

    private static void MapSignInPages(RouteGroupBuilder staff)
    {
        staff.MapGet("/signin", (HttpContext http, string? returnUrl, bool? signedOut) =>
            SignInForm(http, null, returnUrl, signedOut == true ? "You are signed out." : null, null, StatusCodes.Status200OK)).AllowAnonymous();
        staff.MapPost("/signin", SignInAsync).AllowAnonymous();
        staff.MapPost("/signout", (Delegate)SignOutAsync);
    }

    private static IResult SignInForm(HttpContext http, string? userName, string? returnUrl, string? note, string? error, int statusCode)
    {
        var signedIn = StaffUser.ActorOf(http.User) is { } actor
            ? $"<p class=\"note\" id=\"staff-already\">You are signed in as {E(actor.DisplayName)}. <a href=\"/staff/\">Go to the staff home</a>, or sign in as someone else.</p>"
            : string.Empty;
        return StaffPage(http, "Staff sign-in", $"""
            {signedIn}{(note is null ? string.Empty : $"<p class=\"note\" id=\"staff-message\">{E(note)}</p>")}
            {(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\" id=\"staff-error\">{E(error)}</p>")}
            <form method="post" action="/staff/signin">{Antiforgery(http)}
            <input type="hidden" name="returnUrl" value="{E(LocalStaffPath(returnUrl))}">
            <label>User name <input name="userName" id="staff-user" required autocomplete="username" value="{E(userName)}"></label>
            <label>Password <input name="password" id="staff-password" type="password" required autocomplete="current-password"></label>
            <button type="submit" id="staff-sign-in">Sign in</button>
            </form>
            """, statusCode);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, StaffDirectory directory, ILoggerFactory loggers)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userName = form["userName"].ToString().Trim();
        var account = directory.SignIn(userName, form["password"].ToString());
        var logger = loggers.CreateLogger("ShopKernel.Samples.Web.StaffSignIn");
        if (account is null)
        {
            // Never the typed text: a password typed into the user name field would end up in the log.
            LogSignInFailed(logger, directory.Find(userName)?.UserName ?? "an unknown user name");
            return SignInForm(http, userName, form["returnUrl"], null, SignInFailed, StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(StaffUser.Scheme, StaffDirectory.PrincipalOf(account), new AuthenticationProperties { IsPersistent = false });
        LogSignedIn(logger, account.UserName);
        return Results.Redirect(LocalStaffPath(form["returnUrl"]));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(StaffUser.Scheme);
        return Results.Redirect("/staff/signin?signedOut=true");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff sign-in failed for {Account}.")]
    private static partial void LogSignInFailed(ILogger logger, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Account} signed in to the staff pages.")]
    private static partial void LogSignedIn(ILogger logger, string account);

    /// <summary>A staff page to go back to after signing in: a path under <c>/staff/</c> of this shop, else the staff home.</summary>
    private static string LocalStaffPath(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 } url && url.StartsWith("/staff/", StringComparison.Ordinal) && !url.StartsWith("/staff/sign", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/staff/";
}
