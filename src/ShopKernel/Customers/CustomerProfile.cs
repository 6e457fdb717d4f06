namespace ShopKernel.Customers;

/// <summary>What checkout and pricing need to know about a registered customer: how to reach them and their birthday.</summary>
/// <param name="Email">The e-mail address, or <see langword="null"/>.</param>
/// <param name="Phone">The phone number in E.164, or <see langword="null"/>.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Birthday">The birthday, if given.</param>
public sealed record CustomerProfile(string? Email, string? Phone, string FirstName, string LastName, DateOnly? Birthday);
