namespace ShopKernel.Customers;

/// <summary>
/// One customer as segment queries and exports list them: contact, name, birthday, registration and purchase
/// facts summed over currencies.
/// </summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Email">The e-mail address as given, or <see langword="null"/>.</param>
/// <param name="Phone">The phone number in E.164, or <see langword="null"/>.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Birthday">The birthday, if given.</param>
/// <param name="CreatedAt">When the customer registered.</param>
/// <param name="OrderCount">How many orders they placed, in all currencies.</param>
/// <param name="LastOrderAt">When they placed their last order, or <see langword="null"/> if they never ordered.</param>
/// <param name="LifetimeSpend">The sum of their order totals, one amount per currency they ordered in, ordered by currency code.</param>
public sealed record CustomerSummary(
    CustomerId Id,
    string? Email,
    string? Phone,
    string FirstName,
    string LastName,
    DateOnly? Birthday,
    DateTimeOffset CreatedAt,
    int OrderCount,
    DateTimeOffset? LastOrderAt,
    IReadOnlyList<Money> LifetimeSpend);
