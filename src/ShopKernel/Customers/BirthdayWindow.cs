using System.Globalization;

namespace ShopKernel.Customers;

/// <summary>
/// The birthdays that fall on one of the days from <see cref="From"/> to <see cref="From"/> plus <see cref="Days"/>,
/// both inclusive, whatever the birth year; a window may run over the year's end. A birthday on 29 February counts
/// on 28 February in years without a 29 February.
/// </summary>
/// <param name="From">The first day of the window, e.g. today.</param>
/// <param name="Days">How many days after <see cref="From"/> the window reaches, 0 (that day only) to 366.</param>
public readonly record struct BirthdayWindow(DateOnly From, int Days)
{
    /// <summary>The most days a window may reach beyond its first day.</summary>
    public const int MaxDays = 366;

    /// <summary>The last day of the window, inclusive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window reaches beyond the calendar.</exception>
    public DateOnly To => From.AddDays(Days);

    /// <summary>The window as <c>2026-11-23 +30 days</c>; safe for any value, even one <see cref="CustomerSegment.Validate"/> refuses.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} +{Days} days");

    /// <summary>Whether <see cref="Days"/> is 0 to <see cref="MaxDays"/> and the window ends within the calendar.</summary>
    internal bool IsValid => Days is >= 0 and <= MaxDays && From.DayNumber <= DateOnly.MaxValue.DayNumber - Days;

    /// <summary>The key a birthday is matched by: month × 100 + day, e.g. 1231 for 31 December.</summary>
    /// <param name="date">The birthday or a day of the window.</param>
    internal static int MonthDay(DateOnly date) => (date.Month * 100) + date.Day;

    /// <summary>
    /// The <see cref="MonthDay"/> keys the window matches, as one or two inclusive ranges (two when it runs over
    /// the year's end), so that a store can match them on an index.
    /// </summary>
    internal IReadOnlyList<(int Low, int High)> MonthDayRanges()
    {
        var to = To;
        var low = MonthDay(From);
        var high = WithLeapDay(to);
        if (to.Year == From.Year)
        {
            return [(low, high)];
        }

        if (to.Year == From.Year + 1 && MonthDay(to) < low)
        {
            return [(low, 1231), (101, high)];
        }

        return [(101, 1231)];
    }

    /// <summary>A window that ends on 28 February of a common year also holds the birthdays on 29 February.</summary>
    private static int WithLeapDay(DateOnly last) =>
        last is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(last.Year) ? 229 : MonthDay(last);
}
