using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Specifications.Infrastructure;

/// <summary>
/// The base of every store specification: a fresh store of the derived class's adapter per test, and
/// ShopKernel wired over it as a host wires it.
/// </summary>
public abstract class StoreSpecification : IAsyncLifetime
{
    /// <summary>The member of staff the specifications act as; the test host grants them every permission unless a test withholds one.</summary>
    protected static readonly ShopKernel.Staff.StaffActor Clerk = new("staff-7", "Grace Hopper");

    private StorageUnderTest? _storage;
    private ShopKernelTestHost? _host;

    /// <summary>The store under test, for what no port can say.</summary>
    protected StorageUnderTest Storage => _storage ?? throw new InvalidOperationException("Not initialised.");

    protected ShopKernelTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Every log entry of the host, from every category, when the suite calls <see cref="CaptureLogs"/>.</summary>
    protected CapturingLoggerProvider Logs { get; } = new();

    /// <summary>A fresh, empty store of the adapter under test: what each derived class picks.</summary>
    protected abstract Task<StorageUnderTest> CreateStorageAsync();

    /// <summary>Sends the host's logs, at every level, to <see cref="Logs"/>.</summary>
    protected void CaptureLogs(IServiceCollection services) =>
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));

    /// <summary>Changes ShopKernel's options for this suite.</summary>
    protected virtual void Configure(ShopKernelOptions options)
    {
    }

    /// <summary>Adds services (e.g. checkout guards) for this suite.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _storage = await CreateStorageAsync();
        _host = new ShopKernelTestHost(_storage, Configure, ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}
