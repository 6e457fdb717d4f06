using ShopKernel.Promotions;

namespace ShopKernel.Tests.Pricing;

public class PromotionRulesTests
{
    [Fact]
    public void Every_kind_has_its_rule_at_the_index_of_its_value()
    {
        foreach (var kind in Enum.GetValues<PromotionKind>())
        {
            Assert.Equal(kind, PromotionRules.For(kind).Kind);
        }

        Assert.Equal(Enum.GetValues<PromotionKind>().Length, PromotionRules.All.Count);
        Assert.Null(PromotionRules.Find((PromotionKind)99));
        Assert.Equal("unknown", new Promotion("odd", "Odd", (PromotionKind)99).KindCode);
    }

    [Fact]
    public void Only_the_kinds_that_read_a_code_or_a_window_store_one()
    {
        var coupon = new Promotion("c", "Coupon", PromotionKind.Coupon) { CouponCode = " thanks-10 ", BirthdayWindowDays = 3 };
        var birthday = new Promotion("b", "Birthday", PromotionKind.Birthday) { CouponCode = "IGNORED", BirthdayWindowDays = 3 };

        Assert.Equal("THANKS10", coupon.NormalizedCouponCode);
        Assert.Null(coupon.StoredBirthdayWindowDays);
        Assert.Null(birthday.NormalizedCouponCode);
        Assert.Equal(3, birthday.StoredBirthdayWindowDays);
    }

    [Theory]
    [InlineData(" autumn-5 ", "AUTUMN5")]
    [InlineData("a_b c", "ABC")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void A_coupon_code_is_normalised_one_way_everywhere(string? entered, string normalized)
    {
        Assert.Equal(normalized, CouponCodes.Normalize(entered));
        Assert.Equal(normalized, Promotion.NormalizeCouponCode(entered));
        Span<char> buffer = stackalloc char[CouponCodes.MaxEnteredLength];
        Assert.Equal(normalized, entered is null ? string.Empty : new string(buffer[..CouponCodes.Write(entered, buffer)]));
    }

    [Theory]
    [InlineData("AB", false)]
    [InlineData("ABC", true)]
    [InlineData("ÄBC", false)]
    public void A_promotion_code_is_three_to_thirty_two_ascii_letters_and_digits(string normalized, bool valid)
    {
        Assert.Equal(valid, CouponCodes.IsValid(normalized));
        Assert.False(CouponCodes.IsValid(new string('A', CouponCodes.MaxLength + 1)));
    }
}
