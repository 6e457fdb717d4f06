using Microsoft.Extensions.Logging;

namespace ShopKernel.Subscriptions;

/// <summary>The subscription service's log messages: topics and states only, never who.</summary>
internal static partial class SubscriptionLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "A subscription to topic {Topic} was requested; it is now {State}.")]
    public static partial void Requested(ILogger logger, string topic, SubscriptionState state);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "A subscription to topic {Topic} was confirmed.")]
    public static partial void Confirmed(ILogger logger, string topic);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "{Count} subscription(s) were withdrawn.")]
    public static partial void Withdrawn(ILogger logger, int count);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "A person opted out: {Withdrawn} subscription(s) withdrawn, {Recorded} topic(s) recorded as not to be mailed.")]
    public static partial void OptedOut(ILogger logger, int withdrawn, int recorded);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "A send of topic {Topic} was refused: {Outcome}.")]
    public static partial void SendRefused(ILogger logger, string topic, StoreWriteStatus outcome);
}
