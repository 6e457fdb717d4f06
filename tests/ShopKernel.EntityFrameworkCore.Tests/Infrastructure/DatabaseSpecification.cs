using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopKernel.DependencyInjection;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The base of every store specification: a fresh database of the derived class's provider per test, and
/// ShopKernel wired over it as a host wires it.
/// </summary>
public abstract class DatabaseSpecification : IAsyncLifetime
{
    private TestDatabase? _database;
    private ShopKernelTestHost? _host;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    protected ShopKernelTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Every log entry of the host, from every category, when the suite calls <see cref="CaptureLogs"/>.</summary>
    protected CapturingLoggerProvider Logs { get; } = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

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
        _database = await CreateDatabaseAsync();
        _host = new ShopKernelTestHost(_database, Configure, ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
