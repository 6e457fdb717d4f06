using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;

namespace ShopKernel.Specifications.Orders;

/// <summary>The node-id lease contract on the store and across two running instances, on every provider.</summary>
public abstract class NodeLeaseStoreSpecification : StoreSpecification
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);


    private DateTimeOffset Now => Host.Time.GetUtcNow();

    private Task<int?> AcquireAsync(string instance) =>
        Host.InScopeAsync<INodeLeaseStore, int?>(async s => (await s.TryAcquireAsync(instance, Now, Now + Duration)).TryGetValue(out var id) ? id : null);

    private Task<bool> RenewAsync(int nodeId, string instance) =>
        Host.InScopeAsync<INodeLeaseStore, bool>(async s => (await s.RenewAsync(nodeId, instance, Now, Now + Duration)).IsStored);

    private Task<bool> ReleaseAsync(int nodeId, string instance) =>
        Host.InScopeAsync<INodeLeaseStore, bool>(async s =>
        {
            await s.ReleaseAsync(nodeId, instance);
            return true;
        });

    private async Task<List<StoredNodeLease>> RowsAsync() => [.. (await Storage.NodeLeasesAsync()).OrderBy(l => l.NodeId)];

    [Fact]
    public async Task Sixteen_instances_leasing_at_once_get_distinct_node_ids()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => AcquireAsync($"instance-{i}"))));

        Assert.All(ids, id => Assert.NotNull(id));
        Assert.Equal(Enumerable.Range(0, 16), ids.Select(id => id!.Value).Order());
        var rows = await RowsAsync();
        Assert.Equal(16, rows.Select(r => r.InstanceId).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(ids[int.Parse(r.InstanceId["instance-".Length..], CultureInfo.InvariantCulture)], r.NodeId));
    }

    [Fact]
    public async Task A_live_lease_is_not_handed_out_again()
    {
        Assert.Equal(0, await AcquireAsync("a"));
        Host.Time.Advance(Duration - TimeSpan.FromSeconds(1));

        Assert.Equal(1, await AcquireAsync("b"));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_its_old_holder_can_no_longer_renew_it()
    {
        Assert.Equal(0, await AcquireAsync("old"));
        Host.Time.Advance(Duration + TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, await AcquireAsync("new"));
        Assert.False(await RenewAsync(0, "old"));
        Assert.True(await RenewAsync(0, "new"));
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(("new", (Now + Duration).UtcDateTime, Now.UtcDateTime), (row.InstanceId, row.ExpiresAt.UtcDateTime, row.AcquiredAt.UtcDateTime));
    }

    [Fact]
    public async Task Renewing_extends_the_lease()
    {
        Assert.Equal(0, await AcquireAsync("a"));
        Host.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await RenewAsync(0, "a"));
        Host.Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(1, await AcquireAsync("b"));
        Assert.Equal((Now + TimeSpan.FromSeconds(10)).UtcDateTime, (await RowsAsync())[0].ExpiresAt.UtcDateTime);
    }

    [Fact]
    public async Task An_expired_lease_cannot_be_renewed_even_when_nobody_took_it()
    {
        Assert.Equal(0, await AcquireAsync("a"));
        Host.Time.Advance(Duration + TimeSpan.FromMilliseconds(1));

        Assert.False(await RenewAsync(0, "a"));
    }

    [Fact]
    public async Task Releasing_frees_the_node_id_and_only_its_holder_can_release_it()
    {
        Assert.Equal(0, await AcquireAsync("a"));
        await ReleaseAsync(0, "b");
        Assert.Equal(1, await AcquireAsync("b"));

        await ReleaseAsync(0, "a");

        Assert.Equal(0, await AcquireAsync("c"));
        Assert.False(await RenewAsync(0, "a"));
    }

    [Fact]
    public async Task When_every_node_id_is_leased_acquiring_returns_null_until_one_expires()
    {
        var until = Now + Duration;
        await Storage.SeedNodeLeasesAsync(Enumerable.Range(0, OrderNumber.MaxNodeId + 1).Select(id =>
            new StoredNodeLease(id, $"instance-{id}", Now, id == 700 ? until.AddSeconds(-30) : until)));

        Assert.Null(await AcquireAsync("late"));
        Host.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(700, await AcquireAsync("late"));
        Assert.Null(await AcquireAsync("later"));
    }

    [Fact]
    public async Task Two_started_instances_on_one_database_make_numbers_with_different_node_ids()
    {
        await using var first = new ShopKernelTestHost(Storage, o => o.Orders.NodeId = null);
        await using var second = new ShopKernelTestHost(Storage, o => o.Orders.NodeId = null);
        var firstNumbers = first.Services.GetRequiredService<IOrderNumberGenerator>();
        Assert.Throws<InvalidOperationException>(() => firstNumbers.Next());

        await first.StartAsync();
        await second.StartAsync();
        var a = firstNumbers.Next();
        var b = second.Services.GetRequiredService<IOrderNumberGenerator>().Next();

        Assert.NotEqual(a.NodeId, b.NodeId);
        Assert.Equal([a.NodeId, b.NodeId], (await RowsAsync()).Select(r => r.NodeId).Order());

        await first.StopAsync();
        Assert.Throws<InvalidOperationException>(() => firstNumbers.Next());
        Assert.Equal([b.NodeId], (await RowsAsync()).Select(r => r.NodeId));
        await using var third = new ShopKernelTestHost(Storage, o => o.Orders.NodeId = null);
        await third.StartAsync();
        Assert.Equal(a.NodeId, third.Services.GetRequiredService<IOrderNumberGenerator>().Next().NodeId);
        await second.StopAsync();
        await third.StopAsync();
    }
}
