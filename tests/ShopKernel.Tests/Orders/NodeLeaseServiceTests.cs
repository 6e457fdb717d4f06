using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

public class NodeLeaseServiceTests
{
    private static readonly DateTimeOffset T0 = NodeLeaseTestHost.Start;

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task Numbers_asked_for_before_the_host_starts_throw_saying_it_must_be_started()
    {
        await using var host = new NodeLeaseTestHost();

        var error = Assert.Throws<InvalidOperationException>(() => host.Numbers.Next());

        Assert.Contains("the host must be started", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.Acquisitions);
    }

    [Fact]
    public async Task Starting_leases_the_lowest_free_node_id_and_numbers_carry_it()
    {
        await using var host = new NodeLeaseTestHost();
        host.Store.Put(0, "other", T0 + Seconds(30));

        await host.StartAsync();

        Assert.Equal(1, host.Numbers.Next().NodeId);
        Assert.Equal((host.Lease.InstanceId, T0 + Seconds(60)), host.Store.Lease(1)!.Value);
        Assert.InRange(host.Lease.InstanceId.Length, 1, 100);
    }

    [Fact]
    public async Task The_lease_is_renewed_every_third_of_its_duration()
    {
        await using var host = new NodeLeaseTestHost(o => o.Orders.NodeLeaseDuration = Seconds(30));
        await host.StartAsync();

        await host.AdvanceAsync(Seconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, host.Store.Renewals);
        await host.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        Assert.Equal((1, T0 + Seconds(40)), (host.Store.Renewals, host.Store.Lease(0)!.Value.ExpiresAt));
        await host.AdvanceAsync(Seconds(10));
        Assert.Equal((2, T0 + Seconds(50)), (host.Store.Renewals, host.Store.Lease(0)!.Value.ExpiresAt));
        Assert.Equal(0, host.Numbers.Next().NodeId);
    }

    [Fact]
    public async Task Stopping_releases_the_lease_stops_numbers_and_renewals()
    {
        await using var host = new NodeLeaseTestHost();
        await host.StartAsync();
        host.Numbers.Next();

        await host.StopAsync();

        Assert.Null(host.Store.Lease(0));
        Assert.Equal(1, host.Store.Releases);
        Assert.Contains("stopped", Assert.Throws<InvalidOperationException>(() => host.Numbers.Next()).Message, StringComparison.Ordinal);
        await host.AdvanceAsync(Seconds(120));
        Assert.Equal(0, host.Store.Renewals);
    }

    [Fact]
    public async Task A_lease_taken_over_is_replaced_by_a_fresh_node_id()
    {
        await using var host = new NodeLeaseTestHost();
        await host.StartAsync();
        Assert.Equal(0, host.Numbers.Next().NodeId);
        host.Store.Put(0, "other", T0 + Seconds(600));

        await host.AdvanceAsync(Seconds(20));

        Assert.Equal(1, host.Numbers.Next().NodeId);
        Assert.Equal(host.Lease.InstanceId, host.Store.Lease(1)!.Value.InstanceId);
    }

    [Fact]
    public async Task A_lost_lease_with_no_node_id_free_stops_numbers_until_one_frees_up()
    {
        await using var host = new NodeLeaseTestHost();
        await host.StartAsync();
        for (var nodeId = 0; nodeId <= OrderNumber.MaxNodeId; nodeId++)
        {
            host.Store.Put(nodeId, "other", T0 + Seconds(600));
        }

        await host.AdvanceAsync(Seconds(20));
        Assert.Contains("was lost", Assert.Throws<InvalidOperationException>(() => host.Numbers.Next()).Message, StringComparison.Ordinal);

        host.Store.Put(5, "other", T0);
        await host.AdvanceAsync(Seconds(5));

        Assert.Equal(5, host.Numbers.Next().NodeId);
    }

    [Fact]
    public async Task When_renewals_keep_failing_numbers_stop_before_another_instance_may_take_the_node_id_over()
    {
        await using var host = new NodeLeaseTestHost();
        await host.StartAsync();
        var first = host.Numbers.Next();
        host.Store.Failure = new TimeoutException("The database is unreachable.");

        await host.AdvanceAsync(Seconds(20));
        for (var retry = 0; retry < 5; retry++)
        {
            await host.AdvanceAsync(Seconds(5));
        }

        Assert.Equal(0, host.Numbers.Next().NodeId);
        await host.AdvanceAsync(Seconds(5));
        var error = Assert.Throws<InvalidOperationException>(() => host.Numbers.Next());
        Assert.Contains("was not renewed before " + (T0 + Seconds(50)).ToString("O", null), error.Message, StringComparison.Ordinal);
        Assert.True(T0 + Seconds(50) < host.Store.Lease(0)!.Value.ExpiresAt);

        host.Store.Failure = null;
        await host.AdvanceAsync(Seconds(5));

        var resumed = host.Numbers.Next();
        Assert.Equal(0, resumed.NodeId);
        Assert.True(resumed > first);
        Assert.Equal(T0 + Seconds(115), host.Store.Lease(0)!.Value.ExpiresAt);
    }

    [Fact]
    public async Task Starting_fails_when_every_node_id_is_leased()
    {
        await using var host = new NodeLeaseTestHost();
        for (var nodeId = 0; nodeId <= OrderNumber.MaxNodeId; nodeId++)
        {
            host.Store.Put(nodeId, "other", T0 + Seconds(60));
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Contains("Every order-number node id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_node_id_is_used_and_nothing_is_leased()
    {
        await using var host = new NodeLeaseTestHost(o => o.Orders.NodeId = 7);

        await host.StartAsync();

        Assert.IsType<OrderNumberGenerator>(host.Numbers);
        Assert.Equal(7, host.Numbers.Next().NodeId);
        Assert.Equal(0, host.Store.Acquisitions);
    }

    [Fact]
    public async Task Without_a_lease_store_numbers_use_node_0_without_starting()
    {
        await using var host = new NodeLeaseTestHost(withStore: false);

        Assert.Equal(0, host.Numbers.Next().NodeId);
        await host.StartAsync();
        await host.StopAsync();
        Assert.Equal(0, host.Numbers.Next().NodeId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_lease_store_registered_before_or_after_AddShopKernel_is_used(bool storeFirst)
    {
        await using var host = new NodeLeaseTestHost(storeFirst: storeFirst);

        await host.StartAsync();

        Assert.IsType<LeasedOrderNumberGenerator>(host.Numbers);
        Assert.Equal(0, host.Numbers.Next().NodeId);
        Assert.Equal(1, host.Store.Acquisitions);
    }

    [Theory]
    [InlineData(9.999)]
    [InlineData(3600.001)]
    public void A_lease_duration_out_of_range_fails_validation(double seconds)
    {
        using var services = new ServiceCollection().AddShopKernel(o => o.Orders.NodeLeaseDuration = Seconds(seconds)).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopKernelOptions>>().Value);

        Assert.Contains("NodeLeaseDuration", error.Message, StringComparison.Ordinal);
    }
}
