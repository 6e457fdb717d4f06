using System.Globalization;
using CsCheck;
using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

public class BirthdayWindowTests
{
    private static readonly Gen<DateOnly> GenDay = Gen.OneOf(
        Gen.Int[new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2032, 12, 31).DayNumber].Select(DateOnly.FromDayNumber),
        Gen.Select(Gen.Int[2020, 2032], Gen.OneOf((2, 27), (2, 28), (3, 1), (12, 24), (12, 31), (1, 1)))
            .Select((year, md) => new DateOnly(year, md.Item1, md.Item2)));

    internal static readonly Gen<BirthdayWindow> GenWindow = Gen.Select(GenDay, Gen.OneOf(Gen.Int[0, 10], Gen.Int[0, BirthdayWindow.MaxDays], Gen.OneOf(364, 365, 366)))
        .Select((from, days) => new BirthdayWindow(from, days));

    internal static readonly Gen<DateOnly> GenBirthday = Gen.OneOf(
        Gen.Int[new DateOnly(1940, 1, 1).DayNumber, new DateOnly(2012, 12, 31).DayNumber].Select(DateOnly.FromDayNumber),
        Gen.OneOf(new DateOnly(2000, 2, 29), new DateOnly(1999, 2, 28), new DateOnly(1999, 3, 1), new DateOnly(1980, 12, 31), new DateOnly(1980, 1, 1)));

    private static bool InRanges(BirthdayWindow window, DateOnly birthday)
    {
        var key = BirthdayWindow.MonthDay(birthday);
        return window.MonthDayRanges().Any(r => key >= r.Low && key <= r.High);
    }

    [Fact]
    public void The_month_day_ranges_match_exactly_the_birthdays_the_window_holds_day_by_day() =>
        Gen.Select(GenWindow, GenBirthday).Sample(
            (window, birthday) => InRanges(window, birthday) == SegmentReference.BirthdayIn(window, birthday),
            iter: 20_000);

    [Theory]
    [InlineData("2026-12-28", 7, "1990-01-04", true)]
    [InlineData("2026-12-28", 7, "1990-01-05", false)]
    [InlineData("2026-12-28", 7, "1990-12-27", false)]
    [InlineData("2027-02-28", 0, "2000-02-29", true)]
    [InlineData("2027-02-27", 1, "2000-02-29", true)]
    [InlineData("2027-03-01", 10, "2000-02-29", false)]
    [InlineData("2028-02-28", 0, "2000-02-29", false)]
    [InlineData("2028-02-29", 0, "2000-02-29", true)]
    [InlineData("2028-02-29", 0, "1999-02-28", false)]
    [InlineData("2026-11-23", 0, "1985-11-23", true)]
    [InlineData("2026-03-02", 364, "1985-03-01", true)]
    [InlineData("2026-03-02", 363, "1985-03-01", false)]
    public void A_window_holds_the_birthdays_from_its_first_to_its_last_day(string from, int days, string birthday, bool holds) =>
        Assert.Equal(holds, InRanges(new BirthdayWindow(DateOnly.Parse(from, CultureInfo.InvariantCulture), days), DateOnly.Parse(birthday, CultureInfo.InvariantCulture)));

    [Fact]
    public void The_last_day_is_days_after_the_first() =>
        Assert.Equal(new DateOnly(2027, 1, 4), new BirthdayWindow(new DateOnly(2026, 12, 28), 7).To);
}
