using System.Collections.Frozen;
using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// An immutable, ready-to-price set of promotions with the pricing settings they are priced under: sorted by
/// priority, best-of groups resolved into slots, scopes and coupon codes indexed. Built once per refresh and then
/// shared by every pricing call, so pricing itself reads and allocates nothing it does not have to.
/// </summary>
public sealed class PromotionSet
{
    private PromotionSet(CompiledPromotion[] entries, Slot[] slots, PricingSettings settings, DateTimeOffset loadedAt)
    {
        Entries = entries;
        Promotions = Array.ConvertAll(entries, e => e.Promotion);
        Slots = slots;
        Settings = settings;
        LoadedAt = loadedAt;
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].CouponCode is { } code)
            {
                codes.TryAdd(code, i);
            }
        }

        CouponIndex = codes.ToFrozenDictionary(StringComparer.Ordinal);
        NeedsRedemptions = entries.Any(e => e.Rule.ReadsRedemptions);

        // Validation lets only a kind that reads guests include them.
        HasGuestFirstOrder = entries.Any(e => e.Promotion.IncludeGuests);
    }

    /// <summary>No promotions, default settings: every line at its subtotal.</summary>
    public static PromotionSet Empty { get; } = new([], [], PricingSettings.Default, DateTimeOffset.MinValue);

    /// <summary>The promotions in the order they are considered: by priority (highest first), then best-of group, then id.</summary>
    public IReadOnlyList<Promotion> Promotions { get; }

    /// <summary>How many promotions the set holds.</summary>
    public int Count => Entries.Length;

    /// <summary>When the set was loaded from the store.</summary>
    public DateTimeOffset LoadedAt { get; }

    internal CompiledPromotion[] Entries { get; }

    internal Slot[] Slots { get; }

    internal PricingSettings Settings { get; }

    internal FrozenDictionary<string, int> CouponIndex { get; }

    /// <summary>Whether pricing depends on the buyer's redemptions (first order, birthday or coupons).</summary>
    internal bool NeedsRedemptions { get; }

    /// <summary>Whether a first-order promotion includes guests, so a guest's earlier orders matter.</summary>
    internal bool HasGuestFirstOrder { get; }

    /// <summary>The ids of the usage-limited coupons among the entered codes.</summary>
    internal List<string> UsageLimitedCoupons(IReadOnlyList<string> codes)
    {
        var ids = new List<string>();
        foreach (var code in codes)
        {
            if (CouponIndex.TryGetValue(CouponCodes.Normalize(code), out var index) && Entries[index].Promotion.UsageLimit is not null
                && !ids.Contains(Entries[index].Promotion.Id))
            {
                ids.Add(Entries[index].Promotion.Id);
            }
        }

        return ids;
    }

    /// <summary>Builds a set from promotions (inactive ones are left out) and the pricing options.</summary>
    /// <param name="promotions">The promotions, each valid on its own and as a group (as <see cref="PromotionService"/> stores them).</param>
    /// <param name="options">The pricing options.</param>
    /// <param name="loadedAt">When the promotions were read.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">A promotion is invalid, two share an id or a coupon code, or a best-of group's members disagree on priority or stacking.</exception>
    public static PromotionSet Create(IEnumerable<Promotion> promotions, PricingOptions options, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(options);
        var settings = PricingSettings.From(options);
        var list = new List<Promotion>();
        foreach (var promotion in promotions)
        {
            if (PromotionValidator.Validate(promotion) is { Succeeded: false } invalid)
            {
                throw new ArgumentException($"Promotion '{promotion?.Id}' is invalid: {invalid.Error}", nameof(promotions));
            }

            if (promotion!.IsActive)
            {
                list.Add(promotion);
            }
        }

        if (CheckTogether(list) is { Succeeded: false } conflict)
        {
            throw new ArgumentException(conflict.Error.ToString(), nameof(promotions));
        }

        var entries = list
            .OrderByDescending(p => p.Priority)
            .ThenBy(p => p.BestOfGroup ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new CompiledPromotion(p))
            .ToArray();
        var slots = new List<Slot>();
        for (var i = 0; i < entries.Length;)
        {
            var group = entries[i].Promotion.BestOfGroup;
            var end = i + 1;
            while (group is not null && end < entries.Length && string.Equals(entries[end].Promotion.BestOfGroup, group, StringComparison.Ordinal))
            {
                end++;
            }

            slots.Add(new Slot(i, end - i, entries[i].Promotion.Stacking == PromotionStacking.Exclusive));
            i = end;
        }

        return new PromotionSet(entries, [.. slots], settings, loadedAt);
    }

    /// <summary>
    /// Checks what involves several promotions: distinct ids and coupon codes, and best-of groups whose members share
    /// one priority and one stacking mode.
    /// </summary>
    internal static Result CheckTogether(IReadOnlyCollection<Promotion> promotions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var groups = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        foreach (var promotion in promotions)
        {
            if (!ids.Add(promotion.Id))
            {
                return PromotionErrors.Duplicate;
            }

            if (promotion.IsActive && promotion.NormalizedCouponCode is { } code && !codes.Add(code))
            {
                return PromotionErrors.CouponCodeDuplicate;
            }

            if (promotion.BestOfGroup is { } group && promotion.IsActive)
            {
                if (groups.TryGetValue(group, out var first) && (first.Priority != promotion.Priority || first.Stacking != promotion.Stacking))
                {
                    return PromotionErrors.GroupDisagrees(group, first);
                }

                groups.TryAdd(group, promotion);
            }
        }

        return Result.Success;
    }

    /// <summary>Consecutive entries of which at most one applies (a best-of group, or a single promotion).</summary>
    internal readonly record struct Slot(int Start, int Length, bool Exclusive);
}

/// <summary>The options pricing runs under, resolved once (the time zone looked up, the cap in basis points).</summary>
internal sealed record PricingSettings(MidpointRounding Rounding, TimeZoneInfo TimeZone, int? CapBasisPoints)
{
    public static PricingSettings Default { get; } = new(MidpointRounding.AwayFromZero, TimeZoneInfo.Utc, null);

    public static PricingSettings From(PricingOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        int? cap = options.MaxDiscountPercent is { } percent ? (int)decimal.Round(percent * 100m, 0, MidpointRounding.ToZero) : null;
        return new PricingSettings(options.Rounding, zone, cap);
    }
}

/// <summary>A promotion prepared for pricing: its kind's rule, its scope as sets, its code normalised, its currency resolved.</summary>
internal sealed class CompiledPromotion
{
    public CompiledPromotion(Promotion promotion)
    {
        Promotion = promotion;
        Rule = PromotionRules.For(promotion.Kind);
        Currency = PromotionValidator.CurrencyOf(promotion);
        ProductIds = promotion.ProductIds.Count == 0 ? null : promotion.ProductIds.ToFrozenSet(StringComparer.Ordinal);
        Tags = promotion.Tags.Count == 0 ? null : promotion.Tags.Select(Carts.CartItemValidator.NormalizeTag).ToFrozenSet(StringComparer.Ordinal);
        CouponCode = Rule.CouponCodeOf(promotion);
        KindCode = Rule.Code;
    }

    public Promotion Promotion { get; }

    public PromotionRule Rule { get; }

    public Currency? Currency { get; }

    public FrozenSet<string>? ProductIds { get; }

    public FrozenSet<string>? Tags { get; }

    /// <summary>The normalised code of a kind with one (the promotion applies only when it is entered), otherwise <see langword="null"/>.</summary>
    public string? CouponCode { get; }

    public string KindCode { get; }

    public bool IsScoped => ProductIds is not null || Tags is not null;

    public bool Applies(Carts.CartLine line)
    {
        if (!IsScoped)
        {
            return true;
        }

        if (ProductIds is not null && ProductIds.Contains(line.ProductId))
        {
            return true;
        }

        if (Tags is not null)
        {
            foreach (var tag in line.TagArray)
            {
                if (Tags.Contains(tag))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
