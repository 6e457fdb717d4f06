using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Tests.DependencyInjection;

/// <summary>A host whose ShopKernel configuration is wrong fails when it starts, with a message naming the option.</summary>
public sealed class OptionsAtStartTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    /// <summary>Starts a host configured from <paramref name="settings"/> (as appsettings.json would) and returns why it failed, if it did.</summary>
    private static async Task<OptionsValidationException?> StartAsync(Dictionary<string, string?> settings, Action<ShopKernelBuilder>? more = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var shopKernel = builder.Services.AddShopKernel(o => o.Orders.NodeId = 0);
        builder.Services.Configure<ShopKernelOptions>(builder.Configuration.GetSection("ShopKernel"));
        more?.Invoke(shopKernel);
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            await host.StopAsync();
            return null;
        }
        catch (OptionsValidationException error)
        {
            return error;
        }
    }

    [Fact]
    public async Task A_sound_configuration_starts()
    {
        Assert.Null(await StartAsync(new() { ["ShopKernel:Checkout:PaymentMethods:0"] = "card", ["ShopKernel:Tokens:SigningKeys:0"] = Key }));
    }

    [Theory]
    [InlineData("ShopKernel:Carts:MaxLines", "0", "MaxLines")]
    [InlineData("ShopKernel:Carts:MaxQuantityPerLine", "-5", "MaxQuantityPerLine")]
    [InlineData("ShopKernel:Carts:GuestCartLifetime", "-1.00:00:00", "ShopKernel:Carts:GuestCartLifetime")]
    [InlineData("ShopKernel:Carts:MaxConcurrencyRetries", "5000", "MaxConcurrencyRetries")]
    [InlineData("ShopKernel:Carts:MaxProductIdLength", "300", "MaxProductIdLength")]
    [InlineData("ShopKernel:Orders:GroupSize", "99", "GroupSize")]
    [InlineData("ShopKernel:Orders:Prefix", "SHOP-2026", "Prefix")]
    [InlineData("ShopKernel:Orders:NodeLeaseDuration", "00:00:01", "ShopKernel:Orders:NodeLeaseDuration")]
    [InlineData("ShopKernel:Credentials:Pbkdf2Iterations", "1000", "Pbkdf2Iterations")]
    [InlineData("ShopKernel:Credentials:LockoutDuration", "00:00:00", "ShopKernel:Credentials:LockoutDuration")]
    [InlineData("ShopKernel:Checkout:MaxIdempotencyKeyLength", "4", "MaxIdempotencyKeyLength")]
    [InlineData("ShopKernel:Checkout:PaymentMethods:1", "CARD", "ShopKernel:Checkout:PaymentMethods")]
    [InlineData("ShopKernel:Checkout:PaymentMethods:1", " cod", "ShopKernel:Checkout:PaymentMethods")]
    [InlineData("ShopKernel:Contacts:DefaultRegion", "XX", "ShopKernel:Contacts:DefaultRegion")]
    [InlineData("ShopKernel:Tokens:SigningKeys:0", "c2hvcnQ=", "ShopKernel:Tokens:SigningKeys")]
    [InlineData("ShopKernel:Tokens:VerificationLifetime", "90.00:00:00", "ShopKernel:Tokens:VerificationLifetime")]
    [InlineData("ShopKernel:Customers:UnverifiedClaimLifetime", "00:30:00", "ShopKernel:Customers:UnverifiedClaimLifetime")]
    [InlineData("ShopKernel:Customers:UnverifiedClaimLifetime", "400.00:00:00", "ShopKernel:Customers:UnverifiedClaimLifetime")]
    [InlineData("ShopKernel:Pricing:TimeZone", "Mars/Olympus_Mons", "ShopKernel:Pricing:TimeZone")]
    [InlineData("ShopKernel:Pricing:MaxDiscountPercent", "150", "MaxDiscountPercent")]
    [InlineData("ShopKernel:Acquisition:HeardAboutCodes:0", "Friend", "ShopKernel:Acquisition:HeardAboutCodes")]
    [InlineData("ShopKernel:Acquisition:HeardAboutCodes:0", "a code with spaces", "ShopKernel:Acquisition:HeardAboutCodes")]
    [InlineData("ShopKernel:Pricing:PromotionRefreshInterval", "00:00:00", "ShopKernel:Pricing:PromotionRefreshInterval")]
    [InlineData("ShopKernel:Subscriptions:Topics:0:Id", "News Letter", "ShopKernel:Subscriptions:Topics")]
    [InlineData("ShopKernel:Subscriptions:ConfirmationLifetime", "00:01:00", "ShopKernel:Subscriptions:ConfirmationLifetime")]
    [InlineData("ShopKernel:Subscriptions:AttributionWindow", "100.00:00:00", "ShopKernel:Subscriptions:AttributionWindow")]
    [InlineData("ShopKernel:Exports:CanaryEmailDomain", "not a domain", "ShopKernel:Exports:CanaryEmailDomain")]
    [InlineData("ShopKernel:Exports:CanaryEmailDomain", "localhost", "ShopKernel:Exports:CanaryEmailDomain")]
    [InlineData("ShopKernel:Exports:CanaryPhoneDigits", "9", "CanaryPhoneDigits")]
    [InlineData("ShopKernel:Exports:CanaryPhonePrefix", "+49 30 123456", "ShopKernel:Exports:CanaryPhonePrefix needs ShopKernel:Exports:CanaryEmailDomain")]
    public async Task A_bad_value_fails_the_host_at_start_naming_the_option(string key, string value, string named)
    {
        var error = await StartAsync(new()
        {
            ["ShopKernel:Checkout:PaymentMethods:0"] = "card",
            ["ShopKernel:Tokens:SigningKeys:0"] = Key,
            [key] = value,
        });

        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stop_list_needs_its_hash_keys_and_known_cash_on_delivery_methods()
    {
        var error = await StartAsync(
            new() { ["ShopKernel:Checkout:PaymentMethods:0"] = "card", ["ShopKernel:StopList:CashOnDeliveryMethods:0"] = "cod" },
            shopKernel => shopKernel.AddStopList());

        Assert.NotNull(error);
        Assert.Contains("ShopKernel:StopList:HashKeys", error.Message, StringComparison.Ordinal);
        Assert.Contains("ShopKernel:StopList:CashOnDeliveryMethods holds 'cod'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_topics_need_signing_keys()
    {
        var error = await StartAsync(new() { ["ShopKernel:Subscriptions:Topics:0:Id"] = "newsletter" });

        Assert.Contains("ShopKernel:Tokens:SigningKeys", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_canaries_need_signing_keys_and_a_phone_range_of_valid_numbers()
    {
        var keyless = await StartAsync(new() { ["ShopKernel:Exports:CanaryEmailDomain"] = "post-lindenhof.example" });
        var badRange = await StartAsync(new()
        {
            ["ShopKernel:Tokens:SigningKeys:0"] = Key,
            ["ShopKernel:Exports:CanaryEmailDomain"] = "post-lindenhof.example",
            ["ShopKernel:Exports:CanaryPhonePrefix"] = "+44 7700 900",
        });
        var sound = await StartAsync(new()
        {
            ["ShopKernel:Tokens:SigningKeys:0"] = Key,
            ["ShopKernel:Exports:CanaryEmailDomain"] = "post-lindenhof.example",
            ["ShopKernel:Exports:CanaryPhonePrefix"] = "+49 30 1234 56",
            ["ShopKernel:Exports:CanaryPhoneDigits"] = "3",
        });

        Assert.Contains("ShopKernel:Exports:CanaryEmailDomain needs ShopKernel:Tokens:SigningKeys", keyless?.Message, StringComparison.Ordinal);
        Assert.Contains("ShopKernel:Exports:CanaryPhonePrefix must be '+'", badRange?.Message, StringComparison.Ordinal);
        Assert.Null(sound);
        Assert.Equal((null, null, 3), (new ShopKernelOptions().Exports.CanaryEmailDomain, new ShopKernelOptions().Exports.CanaryPhonePrefix, new ShopKernelOptions().Exports.CanaryPhoneDigits));
    }

    [Fact]
    public async Task An_unverified_claim_lasts_at_least_as_long_as_its_verification_token_and_seven_days_by_default()
    {
        var shorter = await StartAsync(new()
        {
            ["ShopKernel:Tokens:SigningKeys:0"] = Key,
            ["ShopKernel:Tokens:VerificationLifetime"] = "2.00:00:00",
            ["ShopKernel:Customers:UnverifiedClaimLifetime"] = "1.00:00:00",
        });

        Assert.Contains("ShopKernel:Customers:UnverifiedClaimLifetime must be at least ShopKernel:Tokens:VerificationLifetime", shorter?.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(7), new ShopKernelOptions().Customers.UnverifiedClaimLifetime);
    }
}
