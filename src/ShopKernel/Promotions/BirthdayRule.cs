using System.Globalization;
using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// <see cref="PromotionKind.Birthday"/>: a registered customer within the window around their birthday, in the shop's
/// time zone, once per birthday year; <c>qualifiedOn</c> is that year.
/// </summary>
internal sealed class BirthdayRule : PromotionRule
{
    /// <summary>The widest window, in days before and after the birthday.</summary>
    public const int MaxWindowDays = 31;

    private const int FirstCachedYear = 2000;

    /// <summary>The period keys of the years around now, made once, so that checking a redemption allocates nothing.</summary>
    private static readonly string[] YearKeys = [.. Enumerable.Range(FirstCachedYear, 200).Select(y => y.ToString(CultureInfo.InvariantCulture))];

    public override PromotionKind Kind => PromotionKind.Birthday;

    public override string Code => "birthday";

    public override PromotionParts Parts => PromotionParts.BirthdayWindow;

    public override bool ReadsRedemptions => true;

    public override Result ValidateParts(Promotion promotion) =>
        promotion.BirthdayWindowDays is < 0 or > MaxWindowDays ? PromotionErrors.WindowInvalid : Result.Success;

    public override QualifyStatus Qualify(CompiledPromotion entry, PricingContext context, out int qualifiedOn)
    {
        qualifiedOn = 0;
        var promotion = entry.Promotion;
        if (context.CustomerId is null || context.Birthday is not { } birthday
            || BirthdayYear(birthday, context.Now, context.Promotions.Settings.TimeZone, promotion.BirthdayWindowDays) is not { } year)
        {
            return QualifyStatus.NotQualified;
        }

        qualifiedOn = year;
        return context.Redemptions.HasRedeemed(promotion.Id, YearKey(year)) ? QualifyStatus.NotQualified : QualifyStatus.Qualified;
    }

    public override PromotionRedemption? RedemptionOf(Promotion promotion, int qualifiedOn) => new(promotion.Id, YearKey(qualifiedOn));

    public override void AddReasons(List<string> reasons, CompiledPromotion entry, PricingContext context, Currency currency, int qualifiedOn) =>
        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"birthday {context.Birthday!.Value:d MMM}, window ±{entry.Promotion.BirthdayWindowDays} days"));

    /// <summary>The year of the birthday occurrence whose window holds the shop's local date at <paramref name="now"/>, or null.</summary>
    internal static int? BirthdayYear(DateOnly birthday, DateTimeOffset now, TimeZoneInfo zone, int windowDays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        // A window near the new year may hold last year's or next year's birthday: the redemption counts for that year.
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (year is < 1 or > 9999)
            {
                continue;
            }

            // Born on 29 February: the birthday falls on the 28th in other years.
            var day = birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? 28 : birthday.Day;
            var occurrence = new DateOnly(year, birthday.Month, day);
            if (Math.Abs(today.DayNumber - occurrence.DayNumber) <= windowDays)
            {
                return year;
            }
        }

        return null;
    }

    private static string YearKey(int year) =>
        year - FirstCachedYear is var index && (uint)index < (uint)YearKeys.Length ? YearKeys[index] : year.ToString(CultureInfo.InvariantCulture);
}
