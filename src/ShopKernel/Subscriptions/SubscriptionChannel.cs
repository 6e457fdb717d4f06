namespace ShopKernel.Subscriptions;

/// <summary>How a topic's messages reach people; decides which contact a guest subscribes with.</summary>
public enum SubscriptionChannel
{
    /// <summary>E-mail: a customer's e-mail address, or a guest's normalised e-mail address.</summary>
    Email = 1,

    /// <summary>Text messages: a customer's phone, or a guest's phone number in E.164.</summary>
    Sms = 2,
}
