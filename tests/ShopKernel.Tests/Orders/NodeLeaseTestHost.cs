using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

/// <summary>ShopKernel wired as a host wires it, over an in-memory lease store and a fake clock.</summary>
internal sealed class NodeLeaseTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public NodeLeaseTestHost(Action<ShopKernelOptions>? configure = null, bool withStore = true, bool storeFirst = false)
    {
        var services = new ServiceCollection();
        if (withStore && storeFirst)
        {
            services.AddSingleton<INodeLeaseStore>(Store);
        }

        services.AddShopKernel(configure);
        if (withStore && !storeFirst)
        {
            services.AddSingleton<INodeLeaseStore>(Store);
        }

        services.AddSingleton<TimeProvider>(Time);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryNodeLeaseStore Store { get; } = new();

    public IOrderNumberGenerator Numbers => _provider.GetRequiredService<IOrderNumberGenerator>();

    public NodeLeaseService Lease => _provider.GetServices<IHostedService>().OfType<NodeLeaseService>().Single();

    public Task StartAsync() => Lease.StartAsync(CancellationToken.None);

    public Task StopAsync() => Lease.StopAsync(CancellationToken.None);

    /// <summary>Moves the clock on and waits for the renewal it triggered, if any, to finish.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        Time.Advance(delta);
        await Lease.Renewal.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
