namespace ShopKernel.Subscriptions;

/// <summary>Where a consent decision was made.</summary>
public enum ConsentSource
{
    /// <summary>A box on the checkout form.</summary>
    CheckoutForm = 1,

    /// <summary>The customer's account page.</summary>
    AccountPage = 2,

    /// <summary>A sign-up form (e.g. a newsletter box in the page footer).</summary>
    SignUpForm = 3,

    /// <summary>Imported from an earlier system, with the evidence it kept.</summary>
    Import = 4,

    /// <summary>The confirmation link or code of a double opt-in.</summary>
    ConfirmationLink = 5,

    /// <summary>A one-click unsubscribe link or header of a message.</summary>
    UnsubscribeLink = 6,

    /// <summary>Staff acting on the person's request (a phone call, a letter).</summary>
    Staff = 7,

    /// <summary>ShopKernel itself (erasure).</summary>
    System = 8,
}
