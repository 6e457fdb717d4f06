using System.Text.RegularExpressions;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Subscriptions;

/// <summary>The rules of <see cref="SubscriptionOptions"/> annotations cannot state.</summary>
internal sealed partial class SubscriptionOptionsRules : OptionsRules<SubscriptionOptions>
{
    protected override string Path => "ShopKernel:Subscriptions";

    protected override SubscriptionOptions? Section(ShopKernelOptions options) => options.Subscriptions;

    protected override void Check(SubscriptionOptions section, ShopKernelOptions options, List<string> failures) =>
        failures.AddRange(Failures(section, options));

    private static IEnumerable<string> Failures(SubscriptionOptions options, ShopKernelOptions all)
    {
        var tokens = all.Tokens;
        if (options.ConfirmationLifetime < TimeSpan.FromMinutes(10) || options.ConfirmationLifetime > TimeSpan.FromDays(30))
        {
            yield return $"ShopKernel:Subscriptions:ConfirmationLifetime must be between 10 minutes and 30 days (was {options.ConfirmationLifetime}).";
        }

        if (options.UnsubscribeLifetime < TimeSpan.FromDays(1) || options.UnsubscribeLifetime > TimeSpan.FromDays(3660))
        {
            yield return $"ShopKernel:Subscriptions:UnsubscribeLifetime must be between 1 and 3660 days (was {options.UnsubscribeLifetime}).";
        }

        if (options.AttributionWindow < TimeSpan.Zero || options.AttributionWindow > TimeSpan.FromDays(90))
        {
            yield return $"ShopKernel:Subscriptions:AttributionWindow must be between 0 and 90 days (was {options.AttributionWindow}).";
        }

        foreach (var failure in ValidateCap("ShopKernel:Subscriptions:GlobalCap", options.GlobalCap))
        {
            yield return failure;
        }

        var topics = options.Topics ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            if (topic?.Id is null || !TopicId().IsMatch(topic.Id))
            {
                yield return $"ShopKernel:Subscriptions:Topics: the id '{topic?.Id}' must be 1 to 64 lower-case letters, digits, '.', '_' or '-'.";
                continue;
            }

            if (!seen.Add(topic.Id))
            {
                yield return $"ShopKernel:Subscriptions:Topics: the id '{topic.Id}' is configured twice.";
            }

            if (!Enum.IsDefined(topic.Channel))
            {
                yield return $"ShopKernel:Subscriptions:Topics:{topic.Id}:Channel must be Email or Sms.";
            }

            foreach (var failure in ValidateCap($"ShopKernel:Subscriptions:Topics:{topic.Id}:Cap", topic.Cap))
            {
                yield return failure;
            }
        }

        if (topics.Count > 0 && (tokens?.SigningKeys is null || tokens.SigningKeys.Count == 0))
        {
            yield return "ShopKernel:Subscriptions:Topics need ShopKernel:Tokens:SigningKeys for their confirmation and unsubscribe tokens.";
        }
    }

    private static IEnumerable<string> ValidateCap(string label, FrequencyCap? cap)
    {
        if (cap is null)
        {
            yield break;
        }

        if (cap.MaxMessages is < 1 or > 10_000)
        {
            yield return $"{label}:MaxMessages must be between 1 and 10000 (was {cap.MaxMessages}).";
        }

        if (cap.Period < TimeSpan.FromMinutes(1) || cap.Period > TimeSpan.FromDays(366))
        {
            yield return $"{label}:Period must be between 1 minute and 366 days (was {cap.Period}).";
        }

        if (cap.MinimumGap < TimeSpan.Zero || cap.MinimumGap > TimeSpan.FromDays(366))
        {
            yield return $"{label}:MinimumGap must be between zero and 366 days (was {cap.MinimumGap}).";
        }
    }

    [GeneratedRegex("^[a-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicId();
}
