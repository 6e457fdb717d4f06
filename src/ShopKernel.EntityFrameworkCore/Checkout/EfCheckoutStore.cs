using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>
/// <see cref="ICheckoutStore"/> over the host's <typeparamref name="TContext"/>. The commit is one command of a few
/// statements in one transaction — remove the cart (version-guarded), take stock (conditional), insert the order
/// (unique per cart and per idempotency key), move the purchase facts — and each statement touches exactly one
/// row when all is well, so one sum of affected rows proves the whole commit.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfCheckoutStore<TContext>(TContext context, DataKeys keys) : ICheckoutStore, IStockStore
    where TContext : DbContext
{
    public async Task<CheckoutFacts> LoadFactsAsync(CheckoutFactsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (customerId, skus) = (query.CustomerId, query.Skus);
        ArgumentNullException.ThrowIfNull(skus);
        if (query.AsksNothing)
        {
            return new CheckoutFacts([], new Dictionary<string, int>());
        }

        var parts = CheckoutFactsSql.For(context);
        var sql = new StringBuilder();
        var arguments = new RawSqlArguments();
        if (customerId is { } customer)
        {
            var id = arguments.Add(customer.Value);
            sql.Append(parts.Profile).Append(id).Append(parts.PurchaseFacts).Append(id);
        }

        if (skus.Count > 0)
        {
            AppendList(sql, parts.Stock, arguments.AddList(skus));
        }

        if (query.RedemptionSubjects.Count > 0)
        {
            AppendList(sql, parts.Redemptions, arguments.AddList(query.RedemptionSubjects.Select(keys.Redemption).ToList()));
        }

        if (query.UsagePromotionIds.Count > 0)
        {
            AppendList(sql, parts.Usage, arguments.AddList(query.UsagePromotionIds));
        }

        if (query.CountsGuestOrders)
        {
            AppendUnion(sql).Append(parts.GuestOrders);
            if (query.GuestEmailKey is { } emailKey)
            {
                sql.Append(parts.GuestEmailKey).Append(arguments.Add(keys.Email(emailKey)!));
            }

            if (query.GuestPhone is { } phone)
            {
                sql.Append(query.GuestEmailKey is null ? string.Empty : " OR ").Append(parts.GuestPhone).Append(arguments.Add(keys.Phone(phone)!));
            }

            sql.Append(')');
        }

        var rows = await context.Database.SqlQueryRaw<FactRow>(sql.ToString(), arguments.ToArray()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var facts = new List<CustomerPurchaseFacts>();
        var stock = new Dictionary<string, int>(StringComparer.Ordinal);
        CustomerProfile? profile = null;
        var redemptions = new List<Pricing.PromotionRedemption>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        int? guestOrders = null;
        foreach (var row in rows)
        {
            switch ((FactRowKind)row.Kind)
            {
                case FactRowKind.Redemption:
                    redemptions.Add(new Pricing.PromotionRedemption(row.Key, row.Email ?? string.Empty));
                    break;
                case FactRowKind.Usage:
                    usage[row.Key] = (int)row.Count;
                    break;
                case FactRowKind.GuestOrders:
                    guestOrders = (int)row.Count;
                    break;
                case FactRowKind.Profile when keys.Open(customerId!.Value.Value, row.Key, row.Wrapped) is { } key:
                    profile = new CustomerProfile(
                        SealedEmail.Open(key, row.Email).Email,
                        key.Open(SealedColumns.CustomerPhone, row.Phone),
                        key.Open(SealedColumns.CustomerFirstName, row.FirstName) ?? string.Empty,
                        key.Open(SealedColumns.CustomerLastName, row.LastName) ?? string.Empty,
                        Customers.CustomerRecordMapper.OpenBirthday(key, row.Birthday));
                    break;
                case FactRowKind.PurchaseFacts when Currency.TryParse(row.Key.Trim(), out var currency):
                    facts.Add(new CustomerPurchaseFacts(customerId!.Value, (int)row.Count, new Money(row.Amount, currency), Instants.FromStored(row.FirstAt!.Value), Instants.FromStored(row.LastAt!.Value)));
                    break;
                case FactRowKind.Stock:
                    stock[row.Key] = (int)row.Count;
                    break;
            }
        }

        return new CheckoutFacts(facts, stock) { Customer = profile, Redemptions = redemptions, PromotionUsage = usage, PreviousGuestOrders = guestOrders };
    }

    public async ValueTask<CheckoutCommitResult> CommitAsync(OrderCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var names = CheckoutSql.For(context);
        // The order's own data key goes in with it, in the same batch: no round trip more.
        var (key, keyRecord) = keys.Create(commit.Order.Id, Instants.ToStored(commit.Order.PlacedAt));
        var order = OrderRecordMapper.ToRecord(commit.Order, key, keys, commit.EmailKey);
        var promotions = AppliedPromotions.Of(commit.Order);
        var shape = CheckoutCommitStatement.ShapeOf(commit, order, promotions);
        var statement = names.Commit(context, shape);
        // The analytics rows count the buyer under a key of their own: never their contact, and no other index's value.
        var buyerKey = keys.Buyer(commit.RedemptionSubject ?? "o:" + commit.Order.Id.ToString("N"));
        var values = CheckoutCommitStatement.Values(statement, commit, order, keyRecord, commit.RedemptionSubject is { } subject ? keys.Redemption(subject) : null, buyerKey, promotions, SendSubjects(commit, order));
        using var conflict = ExpectedConflict.Begin();
        try
        {
            var committed = await Transactions.RunAtomicallyAsync(
                context,
                async ct => await statement.ExecuteNonQueryAsync(context, values, ct).ConfigureAwait(false) == shape.ExpectedRows,
                cancellationToken).ConfigureAwait(false);
            if (committed)
            {
                return CheckoutCommitResult.Committed;
            }
        }
        catch (DbException)
        {
            // The transaction rolled back. A unique index refusing a second order for this cart or key means the
            // winner stands; a first-order race on the purchase facts is retried; anything else is a real failure.
            if (await OrderExistsAsync(order, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return CheckoutCommitResult.NotCommitted(CheckoutCommitOutcome.Duplicate);
            }

            if (await RedeemedMeanwhileAsync(commit, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return CheckoutCommitResult.NotCommitted(CheckoutCommitOutcome.PromotionsChanged);
            }

            if (order.CustomerId is { } buyer && await FactsExistAsync(buyer, order.Currency, cancellationToken).ConfigureAwait(false)
                && commit.Order.CustomerId is not null && await IsFirstOrderRaceAsync(commit, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return CheckoutCommitResult.NotCommitted(CheckoutCommitOutcome.PurchaseFactsRaced);
            }

            throw;
        }

        return await DiagnoseAsync(commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored subjects the buyer's sends are recorded under (as <see cref="ShopKernel.Subscriptions.ConsentSubject"/> stores
    /// them): the customer, and the order's e-mail and phone by their blind indexes.
    /// </summary>
    private static (string? Customer, string? Email, string? Phone) SendSubjects(OrderCommit commit, OrderRecord order) => commit.MailingAttributionSince is null
        ? default
        : (order.CustomerId is { } customer ? "customer:" + customer.ToString() : null,
            order.EmailKey is { } email ? "email:" + email : null,
            order.PhoneKey is { } phone ? "phone:" + phone : null);

    public async Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        var updated = await context.Set<StockRecord>().Where(s => s.Sku == sku)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Available, available), cancellationToken).ConfigureAwait(false);
        if (updated == 0)
        {
            var entry = context.Set<StockRecord>().Add(new StockRecord { Sku = sku, Available = available });
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    public async Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken = default)
    {
        var record = await context.Set<StockRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Sku == sku, cancellationToken).ConfigureAwait(false);
        return record?.Available;
    }

    private async Task<bool> OrderExistsAsync(OrderRecord order, CancellationToken cancellationToken)
    {
        var cartId = order.CartId;
        var key = order.IdempotencyKey;
        return await context.Set<OrderRecord>().AsNoTracking()
            .AnyAsync(o => o.CartId == cartId || (key != null && o.IdempotencyKey == key), cancellationToken)
            .ConfigureAwait(false);
    }

    private Task<bool> FactsExistAsync(Guid customerId, string currency, CancellationToken cancellationToken) =>
        context.Set<PurchaseFactsRecord>().AsNoTracking().AnyAsync(f => f.CustomerId == customerId && f.Currency == currency, cancellationToken);

    /// <summary>The cart is still as it was, so the failure came from the facts row another checkout created meanwhile.</summary>
    private Task<bool> IsFirstOrderRaceAsync(OrderCommit commit, CancellationToken cancellationToken)
    {
        var cartId = commit.Cart.Id;
        var version = commit.ExpectedCartVersion;
        return context.Set<CartRecord>().AsNoTracking().AnyAsync(c => c.Id == cartId && c.Version == version, cancellationToken);
    }

    /// <summary>Whether a parallel order took one of the commit's per-buyer redemptions first (the key refused the insert).</summary>
    private async Task<bool> RedeemedMeanwhileAsync(OrderCommit commit, CancellationToken cancellationToken)
    {
        if (commit.RedemptionSubject is not { } plainSubject || commit.Redemptions.Count == 0)
        {
            return false;
        }

        var subject = keys.Redemption(plainSubject);

        foreach (var redemption in commit.Redemptions)
        {
            var (promotion, period) = (redemption.PromotionId, redemption.PeriodKey);
            if (await context.Set<Promotions.PromotionRedemptionRecord>().AsNoTracking()
                .AnyAsync(r => r.PromotionId == promotion && r.SubjectKey == subject && r.PeriodKey == period, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds which statement touched no row, after the transaction rolled back (the failure path only).</summary>
    private async Task<CheckoutCommitResult> DiagnoseAsync(OrderCommit commit, CancellationToken cancellationToken)
    {
        var cartId = commit.Cart.Id;
        var version = commit.ExpectedCartVersion;
        var cartIntact = await context.Set<CartRecord>().AsNoTracking().AnyAsync(c => c.Id == cartId && c.Version == version, cancellationToken).ConfigureAwait(false);
        if (!cartIntact)
        {
            return CheckoutCommitResult.NotCommitted(CheckoutCommitOutcome.CartChanged);
        }

        foreach (var take in commit.StockDecrements)
        {
            var available = await GetAvailableAsync(take.Sku, cancellationToken).ConfigureAwait(false);
            if (available is { } level && level < take.Quantity)
            {
                return CheckoutCommitResult.OutOfStock(take.Sku);
            }
        }

        if (commit.Redemptions.Any(r => r.CountsTowardUsageLimit))
        {
            // A usage-limited coupon ran out (or lost its limit) meanwhile: price again.
            return CheckoutCommitResult.NotCommitted(CheckoutCommitOutcome.PromotionsChanged);
        }

        // The stock level vanished or the facts row raced: nothing was stored; the caller retries on fresh data.
        return CheckoutCommitResult.NotCommitted(CheckoutCommitOutcome.PurchaseFactsRaced);
    }

    private static StringBuilder AppendUnion(StringBuilder sql) => sql.Length > 0 ? sql.Append(CheckoutFactsSql.Union) : sql;

    private static void AppendList(StringBuilder sql, string select, string placeholders) =>
        AppendUnion(sql).Append(select).Append(placeholders).Append(')');
}
