using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Subscriptions;

namespace ShopKernel.Tests.Subscriptions;

public class SubscriptionOptionsTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    private static OptionsValidationException? Validate(Action<ShopKernelOptions> configure)
    {
        using var services = new ServiceCollection().AddShopKernel(configure).Services.BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<ShopKernelOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    [Fact]
    public void Well_formed_topics_with_a_signing_key_pass()
    {
        Assert.Null(Validate(o =>
        {
            o.Tokens.SigningKeys.Add(Key);
            o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "newsletter" });
            o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "sms.offers", Channel = SubscriptionChannel.Sms, Cap = new FrequencyCap { MaxMessages = 2 } });
            o.Subscriptions.GlobalCap = new FrequencyCap { MinimumGap = TimeSpan.FromHours(12) };
        }));
    }

    [Theory]
    [InlineData("Newsletter", "must be 1 to 64")]
    [InlineData("", "must be 1 to 64")]
    [InlineData("twice", "configured twice")]
    public void Bad_topic_ids_are_refused_at_start(string id, string message)
    {
        var failure = Validate(o =>
        {
            o.Tokens.SigningKeys.Add(Key);
            o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "twice" });
            o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = id });
        });

        Assert.Contains(message, failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_lifetimes_and_missing_keys_are_refused_at_start()
    {
        var failure = Validate(o =>
        {
            o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "newsletter", Cap = new FrequencyCap { MaxMessages = 0, Period = TimeSpan.Zero } });
            o.Subscriptions.GlobalCap = new FrequencyCap { MinimumGap = TimeSpan.FromDays(-1) };
            o.Subscriptions.ConfirmationLifetime = TimeSpan.FromDays(90);
        });

        Assert.NotNull(failure);
        Assert.Contains("Topics:newsletter:Cap:MaxMessages", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Topics:newsletter:Cap:Period", failure.Message, StringComparison.Ordinal);
        Assert.Contains("GlobalCap:MinimumGap", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ConfirmationLifetime", failure.Message, StringComparison.Ordinal);
        Assert.Contains("need ShopKernel:Tokens:SigningKeys", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_prints_without_its_contact()
    {
        Assert.DoesNotContain("ada", ConsentSubject.ForEmail("ada@example.com").ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
