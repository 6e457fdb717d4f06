using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ShopKernel.Samples.Web.Shop;

namespace ShopKernel.Samples.Web.Web;

/// <summary>
/// Staff sign-in: an ASP.NET Core cookie (<see cref="StaffUser.Scheme"/>) for the <c>/staff</c> pages only, its
/// session held on the server so that signing out ends it, and antiforgery tokens for every staff form. Buyers' pages
/// never see either cookie: both are scoped to <c>/staff</c>.
/// </summary>
public static class StaffAuthentication
{
    /// <summary>How long a staff session lasts without a request; each request past half of it renews it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Registers the staff cookie, its policy, the staff directory and antiforgery.</summary>
    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<ServerSideTickets>();
        services.AddAuthentication(StaffUser.Scheme).AddCookie(StaffUser.Scheme, options =>
        {
            options.Cookie.Name = "ShopKernel.Staff";
            options.Cookie.Path = "/staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS; in production the staff pages are served over TLS only
            // (HSTS), so the cookie is always Secure there. Plain HTTP stays possible for the sample and its tests.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/signin";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = ValidateAsync;
            options.Events.OnRedirectToLogin = RedirectToSignIn;
        });
        services.AddOptions<CookieAuthenticationOptions>(StaffUser.Scheme).Configure<ServerSideTickets>((options, tickets) => options.SessionStore = tickets);
        services.AddAuthorization(options => options.AddPolicy(StaffUser.Policy, policy => policy.AddAuthenticationSchemes(StaffUser.Scheme).RequireAuthenticatedUser()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ShopKernel.Staff.Antiforgery";
            options.Cookie.Path = "/staff";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>To the sign-in page, which leads back to the page asked for (a path of this shop, and only for a page, not a form's post).</summary>
    private static Task RedirectToSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var back = HttpMethods.IsGet(request.Method) ? $"?returnUrl={Uri.EscapeDataString($"{request.PathBase}{request.Path}{request.QueryString}")}" : string.Empty;
        context.Response.Redirect($"{request.PathBase}/staff/signin{back}");
        return Task.CompletedTask;
    }

    /// <summary>A session whose account was removed or changed (password, permissions, name) since it began ends here.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var directory = context.HttpContext.RequestServices.GetRequiredService<StaffDirectory>();
        var account = directory.Find(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier));
        if (account is null || context.Principal!.FindFirstValue(StaffUser.StampClaim) != StaffDirectory.StampOf(account))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffUser.Scheme);
        }
    }
}

/// <summary>
/// The staff sessions, kept in the server's memory: the cookie carries only a session's key, and signing out removes
/// the session, so a copy of the cookie is worthless afterwards. A restart signs every member of staff out; a shop on
/// several servers keeps them in a shared store instead (a distributed cache).
/// </summary>
public sealed class ServerSideTickets(TimeProvider time) : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow();
        foreach (var (expired, _) in _tickets.Where(t => t.Value.Properties.ExpiresUtc < now))
        {
            _tickets.TryRemove(expired, out _);
        }

        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // Only a session still there: one signed out meanwhile stays ended.
        if (_tickets.TryGetValue(key, out var stored))
        {
            _tickets.TryUpdate(key, ticket, stored);
        }

        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (_tickets.TryGetValue(key, out var ticket) && ticket.Properties.ExpiresUtc < time.GetUtcNow())
        {
            _tickets.TryRemove(key, out _);
            ticket = null;
        }

        return Task.FromResult(ticket);
    }

    public Task RemoveAsync(string key)
    {
        _tickets.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
