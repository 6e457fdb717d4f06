using ShopKernel.Analytics;

namespace ShopKernel.Customers;

/// <summary>What registration asks: an e-mail and/or a phone, a name, and optionally a birthday and a password.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record CustomerRegistration(string FirstName, string LastName)
{
    /// <summary>The e-mail address; an e-mail or a phone is required.</summary>
    public string? Email { get; init; }

    /// <summary>The phone number, national (default region) or international; an e-mail or a phone is required.</summary>
    public string? Phone { get; init; }

    /// <summary>The birthday, for congratulations and birthday discounts; optional.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>A password; optional (hosts with their own identity provider pass <see cref="ExternalSubject"/> instead).</summary>
    public string? Password { get; init; }

    /// <summary>The subject id of the host's identity provider, linking the customer to it; optional.</summary>
    public string? ExternalSubject { get; init; }

    /// <summary>
    /// Where the customer came from when registering (<see cref="Acquisition.FromLanding"/>, or the guest cart's
    /// <see cref="Carts.Cart.Acquisition"/>), kept as the customer's first touch; optional.
    /// </summary>
    public Acquisition? Acquisition { get; init; }

    /// <summary>Hides the password.</summary>
    public override string ToString() => $"CustomerRegistration {{ HasEmail = {Email is not null}, HasPhone = {Phone is not null}, HasPassword = {Password is not null} }}";
}
