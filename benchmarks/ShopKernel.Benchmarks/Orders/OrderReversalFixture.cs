using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.Staff;

namespace ShopKernel.Benchmarks.Orders;

/// <summary>
/// A reversal measured two ways. A new row (e.g. "return one line" once <c>ReturnAsync</c> exists) is one more
/// implementation: what ShopKernel is called with, and the reversal the raw side stores for the same order.
/// </summary>
internal interface IReversalCase
{
    /// <summary>The row's name, e.g. <c>cancel</c>.</summary>
    string Name { get; }

    /// <summary>The access-log operation of the member of staff who makes it.</summary>
    string Operation { get; }

    /// <summary>The member of staff who makes it.</summary>
    OrderActor Actor { get; }

    /// <summary>The reason given.</summary>
    OrderStatusReason Reason { get; }

    /// <summary>The reversal through ShopKernel.</summary>
    Task ShopKernelAsync(OrderService orders, Order order);

    /// <summary>The status change and what it undoes, as ShopKernel decides them, for the raw side to store.</summary>
    OrderReversal Reverse(Order order, DateTimeOffset now);
}

/// <summary>A whole cancellation by staff, stock put back, the coupon released.</summary>
internal sealed class CancelCase : IReversalCase
{
    private static readonly OrderActor Staff = OrderActor.Staff("staff-1", "Grace Hopper");
    private static readonly OrderStatusReason Reason = new("customer_request", "Changed their mind.");

    public string Name => "cancel";

    public string Operation => StaffOperations.OrderCancel;

    public OrderActor Actor => Staff;

    OrderStatusReason IReversalCase.Reason => Reason;

    public async Task ShopKernelAsync(OrderService orders, Order order)
    {
        var result = await orders.CancelAsync(order.Number, order.Version, Staff, Reason, "cancel-" + order.Number.Value);
        if (!result.Succeeded || result.Value.IsReplay)
        {
            throw new InvalidOperationException($"The cancel failed: {result.Error}");
        }
    }

    public OrderReversal Reverse(Order order, DateTimeOffset now)
    {
        var expected = order.Version;
        var counted = order.Net;
        order.ChangeStatus(new OrderStatusChange(OrderStatus.Cancelled, now, Staff, Reason) { IdempotencyKey = "cancel-" + order.Number.Value });
        order.Version = expected + 1;
        var restock = order.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StockReturn(g.Key, g.Sum(l => l.Quantity))).ToArray();
        var released = order.Adjustments.Concat(order.Lines.SelectMany(l => l.Adjustments))
            .Where(a => PromotionRules.KindOf(a.Kind) is PromotionKind.Coupon or PromotionKind.Birthday)
            .Select(a => a.PromotionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new OrderReversal(order, expected, restock, released, counted, RemovesOrder: true);
    }
}

/// <summary>
/// A return of one of the two units of the order's first line by staff: the unit back into stock, its discounted value
/// off the customer's spend, the order still counted (a partial return). The fixture's transition table lets a placed
/// order be returned, so no shipment has to be recorded first; the statements are those of a delivered order.
/// </summary>
internal sealed class ReturnCase : IReversalCase
{
    private static readonly OrderActor Staff = OrderActor.Staff("staff-1", "Grace Hopper");
    private static readonly OrderStatusReason Reason = new("unwanted", "Did not fit.");

    public string Name => "return one unit";

    public string Operation => StaffOperations.OrderReturn;

    public OrderActor Actor => Staff;

    OrderStatusReason IReversalCase.Reason => Reason;

    public async Task ShopKernelAsync(OrderService orders, Order order)
    {
        var line = order.Lines[0];
        var result = await orders.ReturnAsync(order.Number, order.Version, [new LineQuantity(line.LineNumber, 1)], Staff, Reason, "return-" + order.Number.Value);
        if (!result.Succeeded || result.Value.IsReplay || result.Value.Order.IsReversed)
        {
            throw new InvalidOperationException($"The return failed: {result.Error}");
        }
    }

    public OrderReversal Reverse(Order order, DateTimeOffset now)
    {
        var expected = order.Version;
        var counted = order.Net;
        var line = order.Lines[0];
        order.Record(new OrderReturn("return-" + order.Number.Value, now, Staff, Reason, [new ReturnedLine(line.LineNumber, 1, line.ValueOfUnits(1))], Restocked: true));
        order.Version = expected + 1;
        return new OrderReversal(order, expected, [new StockReturn(line.Sku, 1)], [], counted - order.Net, RemovesOrder: false);
    }
}

/// <summary>
/// Placed orders to reverse: a registered customer's order of two lines of stock-tracked SKUs with a coupon that has a
/// total usage limit, so every reversal statement runs; ShopKernel + EF Core beside raw ADO.NET sending the same
/// commands (read the order row; the version-guarded status update; the restock, facts and promotion batch).
/// </summary>
public sealed class OrderReversalFixture : IDisposable
{
    private const int Customers = 64;
    private static readonly string SigningKey = Convert.ToBase64String(new byte[32]);
    private readonly BenchDatabase _database;
    private readonly ServiceProvider _services;
    private readonly ServiceProvider _counted;
    private readonly StatementCounter _counter = new();
    private readonly IReversalCase _case;
    private readonly CustomerId[] _customers;
    private readonly ConcurrentQueue<Order> _orders = new();
    private readonly string _select;
    private readonly OrderReversalSql _sql;
    private readonly AccessLogChain _chain = new(new ShopKernel.Tokens.TokenOptions { SigningKeys = { SigningKey } });
    private readonly string _lastEntry;
    private readonly ConcurrentDictionary<ReversalShape, string> _texts = new();
    private int _next;

    internal OrderReversalFixture(string provider, IReversalCase reversal)
    {
        _case = reversal;
        _database = BenchDatabase.Create(provider);
        _services = Build(null);
        _counted = Build(_counter);
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
            _sql = OrderReversalSql.For(db);
            db.Database.EnsureCreated();
            if (!_database.IsPostgres)
            {
                db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            }

            var stock = scope.ServiceProvider.GetRequiredService<IStockStore>();
            stock.SetAvailableAsync("TEE", 1_000_000_000).GetAwaiter().GetResult();
            stock.SetAvailableAsync("MUG", 1_000_000_000).GetAwaiter().GetResult();
            var created = scope.ServiceProvider.GetRequiredService<PromotionService>().CreateAsync(
                ShopKernel.Benchmarks.Customers.CustomerBench.Analyst,
                new Promotion("limited", "Limited", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(5), CouponCode = "LIMITED", UsageLimit = 1_000_000_000 }).GetAwaiter().GetResult();
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.Error.ToString());
            }

            var customers = scope.ServiceProvider.GetRequiredService<CustomerService>();
            _customers = [.. Enumerable.Range(0, Customers).Select(i => customers.RegisterAsync(new CustomerRegistration("Bench", "Buyer") { Email = $"buyer-{i}@example.com" }).GetAwaiter().GetResult().Value.Id)];
        }

        _database.SeedOrders(10_000);
        var columns = string.Join(", ", OrderRecordColumns.Properties.Select(p => "\"shopkernel_orders\"." + Quote(Snake(p))));
        var keyColumns = "\"shopkernel_data_keys\".\"key_id\", \"shopkernel_data_keys\".\"wrapped\"";
        _select = $"SELECT {columns}, {keyColumns} FROM \"shopkernel_orders\" LEFT JOIN \"shopkernel_data_keys\" ON \"shopkernel_data_keys\".\"subject\" = \"shopkernel_orders\".\"id\" WHERE \"number\" = @number LIMIT 1";
        _lastEntry = "SELECT \"sequence\", \"hash\" FROM \"shopkernel_access_log\" ORDER BY \"sequence\" DESC LIMIT 1";
        StatementsPerOperation = Verify();
    }

    public string Provider => _database.Provider;

    /// <summary>Round trips and statements of one reversal, the same on both sides (checked when the fixture is made).</summary>
    public string StatementsPerOperation { get; }

    /// <summary>Places <paramref name="count"/> orders through ShopKernel checkout for the next reversals, dropping any left over.</summary>
    public async Task PrepareAsync(int count)
    {
        _orders.Clear();
        for (var i = 0; i < count; i++)
        {
            _orders.Enqueue(await PlaceAsync());
        }
    }

    /// <summary>The reversal of the next prepared order through ShopKernel, in its own scope as a host's request would.</summary>
    public Task ShopKernelAsync() => ShopKernelAsync(_services);

    /// <summary>The same reversal of the next prepared order in plain ADO.NET.</summary>
    public Task RawAsync() => RawAsync(null);

    public void Dispose()
    {
        _services.Dispose();
        _counted.Dispose();
        _database.Dispose();
    }

    private async Task ShopKernelAsync(IServiceProvider services)
    {
        var order = Take();
        await using var scope = services.CreateAsyncScope();
        await _case.ShopKernelAsync(scope.ServiceProvider.GetRequiredService<OrderService>(), order);
    }

    private async Task RawAsync(StatementCounter? counter)
    {
        var number = Take().Number.Value;
        await using var connection = _database.OpenConnection();

        // A member of staff's change commits with its access-log entry, chained to the last one.
        AccessLogEntry? last = null;
        await using (var tail = connection.CreateCommand())
        {
            tail.CommandText = _lastEntry;
            counter?.Count(tail);
            await using var reader = await tail.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                last = new AccessLogEntry(reader.GetInt64(0), default, null!, string.Empty, string.Empty, null, null, null, null, AccessOutcome.Succeeded, string.Empty, string.Empty, reader.GetString(1));
            }
        }

        Order order;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = _select;
            Add(read, "@number", number);
            counter?.Count(read);
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("The raw reversal lost its order.");
            }

            var stored = ReadRecord(reader);
            var keyAt = OrderRecordColumns.Properties.Length;
            using var key = BenchPersonalDataKeys.Protector.OpenDataKey(stored.Id, reader.GetString(keyAt), reader.GetFieldValue<byte[]>(keyAt + 1));
            order = OrderRecordMapper.ToOrder(stored, key);
        }

        var now = DateTimeOffset.UtcNow;
        var actor = new StaffActor(_case.Actor.Id, _case.Actor.DisplayName!);
        var entry = _chain.Next(last, now, actor, StaffPermissions.OrdersManage, _case.Operation, order.CustomerId, OrderService.Details(order.Number, _case.Reason), null, AccessOutcome.Succeeded);
        var reversal = _case.Reverse(order, now) with { Access = entry };
        var record = OrderRecordMapper.ToChange(order);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE "shopkernel_orders" SET "history" = @history, "returns" = @returns, "refunds" = @refunds, "returned" = @returned,
                    "refunded" = @refunded, "status" = @status, "updated_at" = @updated, "version" = @version
                WHERE "id" = @id AND "version" = @expected
                """;
            Add(update, "@history", record.History);
            Add(update, "@returns", record.Returns);
            Add(update, "@refunds", record.Refunds);
            Add(update, "@returned", record.Returned);
            Add(update, "@refunded", record.Refunded);
            Add(update, "@status", record.Status);
            Add(update, "@updated", Instant(record.UpdatedAt));
            Add(update, "@version", record.Version);
            Add(update, "@id", Id(record.Id));
            Add(update, "@expected", reversal.ExpectedVersion);
            counter?.Count(update);
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("The raw reversal lost its order.");
            }
        }

        var (sql, arguments) = Statements(reversal, record);
        if (sql.Length > 0)
        {
            await using var batch = connection.CreateCommand();
            batch.Transaction = transaction;
            batch.CommandText = sql;
            for (var i = 0; i < arguments.Length; i++)
            {
                Add(batch, "@p" + i.ToString(CultureInfo.InvariantCulture), arguments[i] is Guid g ? Id(g) : arguments[i]);
            }

            counter?.Count(batch);
            if (await batch.ExecuteScalarAsync() is null)
            {
                throw new InvalidOperationException("The raw reversal's access log entry lost its sequence.");
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// The statement texts ShopKernel sends after the status update (from its model's names), with ADO.NET parameters:
    /// written once per shape, as hand-written code keeps one text per case.
    /// </summary>
    private (string Sql, object?[] Arguments) Statements(OrderReversal reversal, OrderRecord record)
    {
        var sql = _texts.GetOrAdd(ReversalShape.Of(reversal, record), _ =>
        {
            var (text, arguments) = _sql.Statements(reversal, record);
            for (var i = arguments.Length - 1; i >= 0; i--)
            {
                text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", "@p" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            return text;
        });
        return (sql, _sql.Values(reversal, record));
    }

    /// <summary>One reversal on each side, counted: both must send as many round trips and statements, or the comparison is void.</summary>
    private string Verify()
    {
        PrepareAsync(2).GetAwaiter().GetResult();
        _counter.Reset();
        ShopKernelAsync(_counted).GetAwaiter().GetResult();
        var (skCommands, skStatements, skLog) = (_counter.Commands, _counter.Statements, _counter.Log);
        _counter.Reset();
        RawAsync(_counter).GetAwaiter().GetResult();
        var (rawCommands, rawStatements, rawLog) = (_counter.Commands, _counter.Statements, _counter.Log);
        // Every reversal reads the order, updates it, restocks and changes the facts: fewer means a side skipped work.
        if (skCommands != rawCommands || skStatements != rawStatements || skStatements < 4)
        {
            throw new InvalidOperationException(
                $"{_case.Name}, {Provider}: ShopKernel sent {skCommands} commands / {skStatements} statements, raw {rawCommands} / {rawStatements}.\n" +
                $"ShopKernel:\n{string.Join("\n--\n", skLog)}\nraw:\n{string.Join("\n--\n", rawLog)}");
        }

        return $"{skCommands} round trips, {skStatements} statements";
    }

    private async Task<Order> PlaceAsync()
    {
        var customer = _customers[_next++ % _customers.Length];
        await using var scope = _services.CreateAsyncScope();
        var carts = scope.ServiceProvider.GetRequiredService<CartService>();
        var token = (await carts.GetOrCreateForCustomerAsync(customer, Currency.EUR)).Value.Token;
        await carts.AddItemAsync(token, Item("TEE", 2));
        await carts.AddItemAsync(token, Item("MUG", 1));
        var placed = await scope.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(
            new CheckoutRequest(token, "card", new PostalAddress("Ada Lovelace", "Main Street 1", "10115", "Berlin", "DE")) { CustomerId = customer, CouponCodes = ["LIMITED"] });
        return placed.Succeeded ? placed.Value.Order : throw new InvalidOperationException(placed.Error.ToString());
    }

    private Order Take() => _orders.TryDequeue(out var order) ? order : throw new InvalidOperationException("No prepared order left.");

    private ServiceProvider Build(StatementCounter? counter)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStaffAuthorizer>(new Customers.CustomerBench.GrantAll());
        services.AddDbContextPool<BenchShopContext>(b =>
        {
            _database.Configure(b);
            if (counter is not null)
            {
                b.AddInterceptors(counter);
            }
        });
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 1;
            o.Tokens.SigningKeys.Add(SigningKey);
            BenchPersonalDataKeys.Apply(o.PersonalData);
            // The default moves from a placed order, and a return straight away (ReturnCase): no shipment to record first.
            o.Lifecycle.Transitions[OrderStatus.Placed] = [OrderStatus.OnHold, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Cancelled, OrderStatus.Returned];
        }).AddEntityFrameworkStores<BenchShopContext>();
        return services.BuildServiceProvider();
    }

    private static OrderRecord ReadRecord(DbDataReader r) => new()
    {
        Id = r.GetGuid(0),
        Number = r.GetInt64(1),
        CartId = r.GetGuid(2),
        CartToken = r.GetString(3),
        IdempotencyKey = r.IsDBNull(4) ? null : r.GetString(4),
        CustomerId = r.IsDBNull(5) ? null : r.GetGuid(5),
        Status = r.GetInt32(6),
        Currency = r.GetString(7),
        Subtotal = r.GetInt64(8),
        Discount = r.GetInt64(9),
        Total = r.GetInt64(10),
        PaymentMethod = r.GetString(11),
        Email = r.IsDBNull(12) ? null : r.GetString(12),
        EmailKey = r.IsDBNull(13) ? null : r.GetString(13),
        Phone = r.IsDBNull(14) ? null : r.GetString(14),
        FirstName = r.GetString(15),
        LastName = r.GetString(16),
        ShippingAddress = r.GetString(17),
        Lines = r.GetString(18),
        Adjustments = r.GetString(19),
        History = r.GetString(20),
        PlacedAt = DateTime.SpecifyKind(r.GetDateTime(21), DateTimeKind.Utc),
        UpdatedAt = DateTime.SpecifyKind(r.GetDateTime(22), DateTimeKind.Utc),
        Version = r.GetInt64(23),
        Returns = r.GetString(24),
        Refunds = r.GetString(25),
        Returned = r.GetInt64(26),
        Refunded = r.GetInt64(27),
        PhoneKey = r.IsDBNull(28) ? null : r.GetString(28),
    };

    private object Id(Guid id) => _database.IsPostgres ? id : id.ToString().ToUpperInvariant();

    // EF Core's SQLite text form, so both sides write the same bytes.
    private object Instant(DateTime value) => _database.IsPostgres ? value : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static string Snake(string property) =>
        string.Concat(property.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static CartItem Item(string sku, int quantity) =>
        new("product-" + sku, sku, "Product " + sku, new Money(2500, Currency.EUR), quantity)
        {
            Options = LineOptions.From(("colour", "red")),
            PictureUrl = $"https://cdn.example.com/{sku}.jpg",
        };

    /// <summary>Counts round trips and the statements they carry, as the tests' command counter does.</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private readonly List<string> _log = [];

        public int Commands { get; private set; }

        public int Statements { get; private set; }

        public IReadOnlyList<string> Log => [.. _log];

        public void Reset()
        {
            (Commands, Statements) = (0, 0);
            _log.Clear();
        }

        public void Count(DbCommand command)
        {
            Commands++;
            Statements += Math.Max(1, command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length);
            _log.Add(command.CommandText);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
