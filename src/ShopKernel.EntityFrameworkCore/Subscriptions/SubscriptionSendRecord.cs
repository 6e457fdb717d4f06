namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>A message sent to a subject, counted by the frequency caps.</summary>
internal sealed class SubscriptionSendRecord
{
    public Guid Id { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public DateTime SentAt { get; set; }
}
