using System.Text;
using Microsoft.AspNetCore.DataProtection;
using ShopKernel.Carts;
using ShopKernel.Customers;

namespace ShopKernel.Samples.Web.Web;

/// <summary>
/// What a visitor carries from page to page, in the URL of every link and form so that the shop works with cookies
/// disabled: the guest cart's token (<c>cart</c>), the signed-in session (<c>s</c>) and an entered coupon (<c>coupon</c>).
/// </summary>
public sealed record ShopState(CartToken? Cart, string? Session, CustomerId? CustomerId, string? Coupon)
{
    /// <summary>Reads the state from the request's query string; a session that does not verify counts as signed out.</summary>
    public static ShopState From(HttpContext http)
    {
        var query = http.Request.Query;
        CartToken? cart = CartToken.TryParse(query["cart"], out var token) ? token : null;
        string? session = query["s"];
        var customerId = session is { Length: > 0 } ? http.RequestServices.GetRequiredService<SessionTokens>().Read(session) : null;
        string? coupon = query["coupon"];
        return new ShopState(cart, customerId is null ? null : session, customerId, string.IsNullOrWhiteSpace(coupon) ? null : coupon.Trim());
    }

    /// <summary>Whether a customer is signed in.</summary>
    public bool SignedIn => CustomerId is not null;

    /// <summary>A link to <paramref name="path"/> that keeps the state, plus extra query parameters.</summary>
    public string Link(string path, params (string Name, string? Value)[] extra)
    {
        var builder = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        void Add(string name, string? value)
        {
            if (value is { Length: > 0 })
            {
                builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        Add("cart", SignedIn ? null : Cart?.Value);
        Add("s", Session);
        Add("coupon", Coupon);
        foreach (var (name, value) in extra)
        {
            Add(name, value);
        }

        return builder.ToString();
    }
}

/// <summary>
/// Signed, expiring session tokens naming a customer, carried in the URL (no cookie). ASP.NET Core Data Protection
/// signs and encrypts them; a token that fails to verify is treated as signed out.
/// </summary>
public sealed class SessionTokens(IDataProtectionProvider protection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private readonly ITimeLimitedDataProtector _sessions = protection.CreateProtector("ShopKernel.Samples.Web.Session").ToTimeLimitedDataProtector();
    private readonly IDataProtector _orders = protection.CreateProtector("ShopKernel.Samples.Web.OrderLink");

    /// <summary>A session for the customer.</summary>
    public string Issue(CustomerId customerId) => _sessions.Protect(customerId.ToString(), time.GetUtcNow() + Lifetime);

    /// <summary>The customer of a session, or <see langword="null"/> when it is altered or expired.</summary>
    public CustomerId? Read(string session)
    {
        try
        {
            return CustomerId.TryParse(_sessions.Unprotect(session, out _), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A token that shows one order (the confirmation page) to whoever placed it.</summary>
    public string ProtectOrder(string orderNumber) => _orders.Protect(orderNumber);

    /// <summary>The order number in a confirmation token, or <see langword="null"/>.</summary>
    public string? ReadOrder(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return _orders.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
