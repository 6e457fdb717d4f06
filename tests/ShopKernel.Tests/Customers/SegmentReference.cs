using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

/// <summary>
/// The plain reading of a segment, one customer at a time and one day at a time, that the stores' queries are
/// checked against.
/// </summary>
internal static class SegmentReference
{
    public static bool BirthdayIn(BirthdayWindow window, DateOnly birthday)
    {
        for (var day = 0; day <= window.Days; day++)
        {
            var date = window.From.AddDays(day);
            if (date.Month == birthday.Month && date.Day == birthday.Day)
            {
                return true;
            }

            if (birthday is { Month: 2, Day: 29 } && date is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(date.Year))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Matches(CustomerSegment segment, Customer customer, IReadOnlyCollection<CustomerPurchaseFacts> facts)
    {
        if (segment.LastOrderSince is { } lastSince && !facts.Any(f => f.LastOrderAt >= lastSince))
        {
            return false;
        }

        if (segment.NoOrderSince is { } noneSince && facts.Any(f => f.LastOrderAt >= noneSince))
        {
            return false;
        }

        if (segment.MinOrderCount is { } count && facts.Sum(f => f.OrderCount) < count)
        {
            return false;
        }

        if (segment.MinLifetimeSpend is { } spend
            && (facts.FirstOrDefault(f => f.LifetimeSpend.Currency == spend.Currency)?.LifetimeSpend.MinorUnits ?? 0) < spend.MinorUnits)
        {
            return false;
        }

        if (segment.Birthday is { } window && (customer.Birthday is not { } birthday || !BirthdayIn(window, birthday)))
        {
            return false;
        }

        if (segment.RegisteredSince is { } since && customer.CreatedAt < since)
        {
            return false;
        }

        if (segment.RegisteredBefore is { } before && customer.CreatedAt >= before)
        {
            return false;
        }

        if (segment.HasPassword is { } hasPassword && (customer.Password is not null) != hasPassword)
        {
            return false;
        }

        return segment.HasExternalSignIn is not { } hasExternal || (customer.ExternalSubject is not null) == hasExternal;
    }

    /// <summary>The summary a store returns for a customer: facts summed, spend by currency code.</summary>
    public static CustomerSummary Summarize(Customer customer, IReadOnlyCollection<CustomerPurchaseFacts> facts) => new(
        customer.Id,
        customer.Email,
        customer.Phone,
        customer.FirstName,
        customer.LastName,
        customer.Birthday,
        customer.CreatedAt,
        facts.Sum(f => f.OrderCount),
        facts.Count == 0 ? null : facts.Max(f => f.LastOrderAt),
        [.. facts.Select(f => f.LifetimeSpend).OrderBy(m => m.Currency.Code, StringComparer.Ordinal)]);

    /// <summary>Customer ids in the order the stores page them: the ids' text, which is also their byte order.</summary>
    public static IComparer<CustomerId> IdOrder { get; } =
        Comparer<CustomerId>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
}
