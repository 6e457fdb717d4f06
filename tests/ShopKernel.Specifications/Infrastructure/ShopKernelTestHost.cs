using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.DependencyInjection;
using ShopKernel.Staff;

namespace ShopKernel.Specifications.Infrastructure;

/// <summary>ShopKernel wired over the store under test exactly as a host wires it, with a fake clock.</summary>
public sealed class ShopKernelTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="storage">The store under test.</param>
    /// <param name="configure">Sets ShopKernel's options.</param>
    /// <param name="services">Registers services before ShopKernel and the stores, as a host's own registrations come first.</param>
    /// <param name="overrides">Changes registrations after the stores are added (a test wrapping a store in a decorator).</param>
    public ShopKernelTestHost(StorageUnderTest storage, Action<ShopKernelOptions>? configure = null, Action<IServiceCollection>? services = null, Action<IServiceCollection>? overrides = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IStaffAuthorizer>(Authorizer);
        services?.Invoke(collection);
        Storage = storage;
        var shop = collection.AddShopKernel(options =>
        {
            // A fixed node id keeps the node-id lease (and its background renewals) out of tests that are not about it;
            // those set it back to null and start the host.
            options.Orders.NodeId = 0;
            configure?.Invoke(options);
        });
        storage.AddStores(shop);
        overrides?.Invoke(collection);
        collection.AddSingleton<TimeProvider>(Time);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public StorageUnderTest Storage { get; }

    /// <summary>The host's permission check: grants everything unless a test withholds it.</summary>
    public TestStaffAuthorizer Authorizer { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The store's round trips.</summary>
    public IRoundTripCounter Counter => Storage.RoundTrips;

    /// <summary>The store's failures on purpose.</summary>
    public IFaultInjector Faults => Storage.Faults;

    /// <summary>The root services, as the host holds them.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Starts the hosted services, as the host does at start-up.</summary>
    public async Task StartAsync()
    {
        foreach (var service in _provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>Stops the hosted services in reverse order, as the host does at shutdown.</summary>
    public async Task StopAsync()
    {
        foreach (var service in _provider.GetServices<IHostedService>().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A new scope, as a host's request would have: its own context.</summary>
    public AsyncServiceScope Scope() => _provider.CreateAsyncScope();

    /// <summary>Runs a call in its own scope.</summary>
    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = Scope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
