namespace ShopKernel.Orders;

/// <summary>Who to deliver to and talk to about an order: an e-mail and/or a phone number, and a name.</summary>
/// <param name="Email">The e-mail address, or <see langword="null"/> when a phone is given.</param>
/// <param name="Phone">The phone number, or <see langword="null"/> when an e-mail is given.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record OrderContact(string? Email, string? Phone, string FirstName, string LastName);
