using Microsoft.AspNetCore.DataProtection;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Carts;
using ShopKernel.Samples.Web.Data;
using ShopKernel.Samples.Web.Mail;
using ShopKernel.Samples.Web.Pages;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Samples.Web.Web;
using ShopKernel.Subscriptions;

if (args is ["hash-password", ..])
{
    return HashPasswordCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
var settings = SampleSettings.Load(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(settings);

// First hosted service: the schema is migrated before ShopKernel leases its order-number node id.
builder.Services.AddHostedService<ShopInitializer>();
builder.Services.AddShopDatabase(builder.Configuration, settings);
builder.Services
    .AddShopKernel(options =>
    {
        options.Carts.DefaultMergeStrategy = CartMergeStrategy.SumQuantities;
        foreach (var (code, _) in Catalogue.PaymentMethods)
        {
            options.Checkout.PaymentMethods.Add(code);
        }

        options.Checkout.TrackStock = true;

        // A cancellation or return puts the stock back, except for goods staff mark as damaged.
        options.Lifecycle.KeepStockReasons.Add("damaged");
        options.Orders.Prefix = "SK";
        options.Contacts.DefaultRegion = "GB";
        // The first key signs; every key listed verifies (rotation: put the new key first, keep the old one a while).
        foreach (var key in settings.SigningKeys)
        {
            options.Tokens.SigningKeys.Add(key);
        }

        // Personal data is sealed under data keys these keys wrap; in production they live in a vault, never beside the database.
        foreach (var key in settings.PersonalDataKeys)
        {
            options.PersonalData.EncryptionKeys.Add(key);
        }

        options.PersonalData.IndexKey = settings.IndexKey;
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = CheckoutPages.Newsletter, Cap = new FrequencyCap { MinimumGap = TimeSpan.FromDays(3) } });
    })
    .AddStopList(options =>
    {
        foreach (var key in settings.StopListHashKeys)
        {
            options.HashKeys.Add(key);
        }
    })
    .AddEntityFrameworkStores<ShopContext>();

// Staff sign in with a cookie for /staff; ShopKernel asks before every staff operation whether the signed-in member
// of staff holds its permission, and records the answer in its access log.
builder.Services.AddStaffSignIn();
builder.Services.AddSingleton<ShopKernel.Staff.IStaffAuthorizer, SampleStaffAuthorizer>();

// The same shop as JSON for apps and scripts: ShopKernel's endpoint groups, the cart token in a header, the
// catalogue pricing what is added, the mail outbox delivering double opt-in confirmations.
builder.Services.AddShopKernelEndpoints<SampleCatalogue>(o => o.CartToken = CartTokenTransport.Header);
builder.Services.AddScoped<IConfirmationSender, ConfirmationMailer>();

builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(settings.KeysDirectory));
builder.Services.AddSingleton<SessionTokens>();
builder.Services.AddSingleton<MailOutbox>();
builder.Services.AddHealthChecks().AddShopKernelStore<ShopContext>();
builder.Services.AddShopTelemetry(builder.Configuration);

var app = builder.Build();

// Cart tokens and sessions ride in URLs: keep them out of Referer headers sent to other sites and out of caches.
app.Use((http, next) =>
{
    http.Response.Headers["Referrer-Policy"] = "no-referrer";
    http.Response.Headers.CacheControl = "no-store";
    return next(http);
});
app.UseAuthentication();
app.UseAuthorization();

app.MapCartPages();
app.MapCheckoutPages();
app.MapOrderPages();
app.MapAccountPages();
app.MapSubscriptionPages();
app.MapStaffPages();
app.MapHealthChecks("/health");

var api = app.MapGroup("/api");
api.MapShopKernelCarts();
api.MapShopKernelCheckout();
api.MapShopKernelSubscriptions();

if (app.Logger.IsEnabled(LogLevel.Information))
{
    app.Logger.LogInformation("Staff pages: /staff/signin (staff accounts: {Accounts}) · mails are written to {MailDirectory}", settings.StaffAccounts.Count, settings.MailDirectory);
}

if (settings.OwnerPasswordFile is { } ownerPasswordFile)
{
    // Where the first owner's password is, never the password itself.
    app.Logger.LogWarning("No staff account is configured: sign in as '{UserName}' with the password in {PasswordFile}, then configure Sample:Staff and delete the file.", StaffAccount.OwnerUserName, ownerPasswordFile);
}

app.Run();
return 0;

/// <summary>The sample shop's entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
