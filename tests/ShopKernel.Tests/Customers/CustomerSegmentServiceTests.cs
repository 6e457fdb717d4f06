using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Staff;
using ShopKernel.Tests.Staff;
using Snapshooter.Xunit;
using static ShopKernel.Tests.Customers.CustomerSamples;

namespace ShopKernel.Tests.Customers;

public class CustomerSegmentServiceTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCustomerQueryStore _store = new();

    private static readonly StaffActor Clerk = new("staff-7", "Grace Hopper");

    private CustomerSegmentService Service => new(
        _store,
        new NoCustomerStore(),
        new StaffAccess(new GrantingAuthorizer(StaffPermissions.All.ToArray()), new InMemoryAccessLogStore(), Options.Create(new ShopKernelOptions()), TimeProvider.System),
        Options.Create(new ShopKernelOptions()),
        TimeProvider.System);

    private static CustomerId Id(int n) => new(Guid.Parse($"0199a000-0000-7000-8000-{n:D12}"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task A_page_size_outside_1_to_1000_is_a_typed_error(int pageSize)
    {
        var result = await Service.QueryAsync(Clerk, CustomerSegment.All, pageSize: pageSize);

        Assert.Equal(CustomerErrorCodes.RequestInvalid, result.Error?.Code);
    }

    [Fact]
    public async Task A_bad_segment_is_refused_before_the_store_is_asked()
    {
        var segment = CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), 400);
        using var writer = new StringWriter();

        Assert.Equal(CustomerErrorCodes.SegmentInvalid, (await Service.QueryAsync(Clerk, segment)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SegmentInvalid, (await Service.ExportCsvAsync(Clerk, segment, writer)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.RequestInvalid, (await Service.QueryAsync(Clerk, null!)).Error?.Code);
        Assert.Equal(0, _store.Streamed);
        Assert.Empty(writer.ToString());
    }

    [Fact]
    public async Task Pages_follow_each_other_by_id_until_a_short_page_ends_them()
    {
        for (var n = 1; n <= 5; n++)
        {
            _store.Add(Customer(n, id: Id(n)));
        }

        var first = (await Service.QueryAsync(Clerk, CustomerSegment.All, pageSize: 2)).Value;
        var second = (await Service.QueryAsync(Clerk, CustomerSegment.All, first.Next, 2)).Value;
        var last = (await Service.QueryAsync(Clerk, CustomerSegment.All, second.Next, 2)).Value;

        Assert.Equal([Id(1), Id(2)], first.Items.Select(c => c.Id));
        Assert.Equal(Id(2), first.Next);
        Assert.Equal([Id(3), Id(4)], second.Items.Select(c => c.Id));
        Assert.Equal([Id(5)], last.Items.Select(c => c.Id));
        Assert.Null(last.Next);
    }

    [Fact]
    public async Task The_csv_export_is_invariant_escaped_and_safe_from_formulas()
    {
        var ada = Customer(1, id: Id(1), birthday: new DateOnly(1990, 12, 10), email: "ada@example.com", phone: "+4930123456", firstName: "Ada", lastName: "Lovelace");
        var formula = Customer(2, id: Id(2), email: "=HYPERLINK(\"http://evil.example\")@example.com", firstName: "@SUM(A1:A9)", lastName: "-2+3", createdAt: T.AddTicks(1234560));
        var quoted = Customer(3, id: Id(3), firstName: "Jean, \"JJ\"", lastName: "O'Neil\nSecond line");
        _store.Add(ada, Facts(ada, 3, "120.50 EUR", T.AddDays(-2)), Facts(ada, 1, "15.00 USD", T.AddDays(-40)), Facts(ada, 2, "3000 JPY", T.AddDays(-100)));
        _store.Add(formula, Facts(formula, 1, "9.99 EUR", T));
        _store.Add(quoted);
        using var writer = new StringWriter();

        var exported = await Service.ExportCsvAsync(Clerk, CustomerSegment.All, writer);

        Assert.Equal(3, exported.Value.RowCount);
        Assert.StartsWith("id,email,phone,first_name,last_name,birthday,created_at,order_count,last_order_at,lifetime_spend\r\n", writer.ToString(), StringComparison.Ordinal);
        Snapshot.Match(writer.ToString().Split("\r\n"));
    }

    [Fact]
    public async Task The_export_writes_only_the_segments_customers_and_leaves_the_writer_open()
    {
        var frequent = Customer(1, id: Id(1));
        var once = Customer(2, id: Id(2));
        _store.Add(frequent, Facts(frequent, 2, "10.00 EUR", T), Facts(frequent, 1, "5.00 USD", T));
        _store.Add(once, Facts(once, 1, "10.00 EUR", T));
        using var writer = new StringWriter();

        var exported = await Service.ExportCsvAsync(Clerk, CustomerSegment.All.WithOrderCountAtLeast(3), writer);
        writer.Write("end");

        Assert.Equal(1, exported.Value.RowCount);
        Assert.Contains(frequent.Id.ToString(), writer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(once.Id.ToString(), writer.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\nend", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_is_registered_with_the_core()
    {
        var services = new ServiceCollection();
        services.AddShopKernel();
        services.AddSingleton<ICustomerQueryStore>(_store);
        services.AddSingleton<IAccessLogStore>(new InMemoryAccessLogStore());
        services.AddSingleton<ICustomerStore>(new NoCustomerStore());
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CustomerSegmentService>());
    }
}
