using ShopKernel.Customers;

namespace ShopKernel.Subscriptions;

/// <summary>A person a topic's message may be sent to now, with where to send it and a one-click unsubscribe token for the message.</summary>
/// <param name="Subject">The subscriber.</param>
/// <param name="CustomerId">The customer, for a customer subscriber.</param>
/// <param name="SendTo">The e-mail address or E.164 phone number to send to (a customer's current profile contact).</param>
/// <param name="Unsubscribe">A one-click unsubscribe token for this topic, to put in the message.</param>
public sealed record EligibleRecipient(ConsentSubject Subject, CustomerId? CustomerId, string SendTo, UnsubscribeToken Unsubscribe)
{
    /// <summary>Hides the contact.</summary>
    /// <returns>The subject's kind.</returns>
    public override string ToString() => $"EligibleRecipient {{ Kind = {Subject.Kind} }}";
}
