using Microsoft.Extensions.Options;
using ShopKernel.Analytics;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
using ShopKernel.Pricing;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;
using ShopKernel.Tokens;

namespace ShopKernel.DependencyInjection;

/// <summary>The options of ShopKernel, one section per capability; validated when the host starts.</summary>
public sealed class ShopKernelOptions
{
    /// <summary>Cart limits and lifetimes.</summary>
    [ValidateObjectMembers]
    public CartOptions Carts { get; set; } = new();

    /// <summary>Order number prefix, grouping and node id.</summary>
    [ValidateObjectMembers]
    public OrderNumberOptions Orders { get; set; } = new();

    /// <summary>The allowed status changes of orders and what their reversals give back.</summary>
    public OrderLifecycleOptions Lifecycle { get; set; } = new();

    /// <summary>Password hashing and lockout.</summary>
    [ValidateObjectMembers]
    public CredentialOptions Credentials { get; set; } = new();

    /// <summary>How unverified contacts are held: how long an unverified claim lasts.</summary>
    public CustomerOptions Customers { get; set; } = new();

    /// <summary>Checkout settings: accepted payment methods, stock tracking, retries.</summary>
    [ValidateObjectMembers]
    public CheckoutOptions Checkout { get; set; } = new();

    /// <summary>How e-mail addresses and phone numbers are read and matched: the default phone region, provider rules.</summary>
    [ValidateObjectMembers]
    public ContactNormalizationOptions Contacts { get; set; } = new();

    /// <summary>Export canaries: the e-mail domain and phone range the shop owns for them. Default: none.</summary>
    [ValidateObjectMembers]
    public ExportOptions Exports { get; set; } = new();

    /// <summary>Signing keys and lifetimes of verification tokens.</summary>
    public TokenOptions Tokens { get; set; } = new();

    /// <summary>The stop list: secret hash keys, cash-on-delivery methods, automatic flagging. Used once <c>AddStopList()</c> is called.</summary>
    public StopListOptions StopList { get; set; } = new();

    /// <summary>Subscription topics, frequency caps and the lifetimes of confirmation and unsubscribe tokens.</summary>
    public SubscriptionOptions Subscriptions { get; set; } = new();

    /// <summary>
    /// The keys personal data is encrypted and indexed under. Required once a store that persists personal data is
    /// added (<c>AddEntityFrameworkStores</c>).
    /// </summary>
    public PersonalDataOptions PersonalData { get; set; } = new();

    /// <summary>Pricing: rounding, the shop's time zone, the discount cap and how often promotions are reloaded.</summary>
    [ValidateObjectMembers]
    public PricingOptions Pricing { get; set; } = new();

    /// <summary>Acquisition sources: the shop's "how did you hear about us" codes. Default: any well-formed code.</summary>
    public AcquisitionOptions Acquisition { get; set; } = new();
}
