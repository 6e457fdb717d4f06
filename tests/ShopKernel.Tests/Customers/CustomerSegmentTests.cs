using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

public class CustomerSegmentTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, CustomerSegment> Invalid => new()
    {
        { "negative order count", CustomerSegment.All.WithOrderCountAtLeast(-1) },
        { "negative spend", CustomerSegment.All.WithLifetimeSpendAtLeast(ShopKernel.Money.Parse("-0.01 EUR")) },
        { "spend without currency", CustomerSegment.All.WithLifetimeSpendAtLeast(default) },
        { "negative birthday days", CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), -1) },
        { "birthday days over 366", CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), 367) },
        { "birthday window beyond the calendar", CustomerSegment.All.WithBirthdayWithin(DateOnly.MaxValue.AddDays(-3), 7) },
        { "registered since not before registered before", CustomerSegment.All.WithRegisteredSince(T).WithRegisteredBefore(T) },
        { "last order since not before no order since", CustomerSegment.All.WithLastOrderSince(T).WithNoOrderSince(T.AddDays(-1)) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_bad_condition_is_a_typed_error_not_an_exception(string why, CustomerSegment segment)
    {
        var result = segment.Validate();

        Assert.False(result.Succeeded, why);
        Assert.Equal(CustomerErrorCodes.SegmentInvalid, result.Error.Code);
    }

    [Fact]
    public void Bounds_at_their_limits_are_valid()
    {
        Assert.True(CustomerSegment.All.Validate().Succeeded);
        Assert.True(CustomerSegment.All.WithOrderCountAtLeast(0).Validate().Succeeded);
        Assert.True(CustomerSegment.All.WithLifetimeSpendAtLeast(ShopKernel.Money.Zero(Currency.EUR)).Validate().Succeeded);
        Assert.True(CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), 0).Validate().Succeeded);
        Assert.True(CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), 366).Validate().Succeeded);
        Assert.True(CustomerSegment.All.WithLastOrderSince(T.AddDays(-90)).WithNoOrderSince(T.AddDays(-30)).Validate().Succeeded);
    }

    [Fact]
    public void Adding_a_condition_leaves_the_segment_it_started_from_unchanged()
    {
        var frequent = CustomerSegment.All.WithOrderCountAtLeast(3);
        var recentFrequent = frequent.WithLastOrderSince(T).WithPassword();

        Assert.Equal(CustomerSegment.All, new CustomerSegment());
        Assert.Null(CustomerSegment.All.MinOrderCount);
        Assert.Null(frequent.LastOrderSince);
        Assert.Equal((3, T, true), (recentFrequent.MinOrderCount!.Value, recentFrequent.LastOrderSince!.Value, recentFrequent.HasPassword!.Value));
        Assert.Equal(recentFrequent, CustomerSegment.All.WithPassword().WithLastOrderSince(T).WithOrderCountAtLeast(3));
    }
}
