using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

/// <summary>The node-id lease in a real generic host over a pooled context, as hosts run it, on every provider.</summary>
public abstract class NodeLeaseHostingSpecification : StoreSpecification
{
    private IHost BuildHost(CapturingLoggerProvider logs, FaultInjector? faults = null, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        configure?.Invoke(builder);
        builder.Services.AddDbContextPool<TestShopContext>(options =>
        {
            Host.Database.Configure(options);
            if (faults is not null)
            {
                options.AddInterceptors(faults);
            }
        });
        builder.Services.AddShopKernel(o => TestPersonalDataKeys.Apply(o.PersonalData)).AddEntityFrameworkStores<TestShopContext>();
        return builder.Build();
    }

    private Task<List<NodeLeaseRecord>> LeasesAsync() =>
        Host.QueryAsync(db => db.Set<NodeLeaseRecord>().AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_database_without_ShopKernels_schema_stops_the_start_naming_what_is_missing_and_how_to_migrate()
    {
        Assert.Empty(await Host.QueryAsync(db => db.Database.FindMissingShopKernelSchemaAsync()));
        await Host.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE shopkernel_node_leases");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX ix_shopkernel_orders_email_key");
            return await db.Database.ExecuteSqlRawAsync("ALTER TABLE shopkernel_orders DROP COLUMN email_key");
        });

        Assert.Equal(["shopkernel_node_leases", "shopkernel_orders.email_key"], (await Host.QueryAsync(db => db.Database.FindMissingShopKernelSchemaAsync())).Order(StringComparer.Ordinal));
        using var host = BuildHost(new CapturingLoggerProvider());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith("The database lacks ShopKernel's ", refused.Message, StringComparison.Ordinal);
        foreach (var named in new[] { "shopkernel_node_leases", "shopkernel_orders.email_key", "dotnet ef migrations add", "dotnet ef database update", "MigrateAsync" })
        {
            Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        }

        Assert.IsAssignableFrom<System.Data.Common.DbException>(refused.InnerException);
    }

    [Fact]
    public async Task A_host_started_and_stopped_releases_its_lease_and_logs_no_warning()
    {
        var logs = new CapturingLoggerProvider();
        using (var host = BuildHost(logs))
        {
            await host.StartAsync();
            Assert.Equal(0, host.Services.GetRequiredService<IOrderNumberGenerator>().Next().NodeId);
            Assert.Single(await LeasesAsync());

            await host.StopAsync();
        }

        Assert.Empty(await LeasesAsync());
        Assert.Empty(logs.AtOrAbove(LogLevel.Warning));
        Assert.Contains(logs.Entries, e => e.Category == typeof(NodeLeaseService).FullName && e.EventId.Id == 3005);
    }

    [Fact]
    public async Task A_host_run_until_its_application_stops_releases_its_lease_and_logs_no_warning()
    {
        var logs = new CapturingLoggerProvider();
        var host = BuildHost(logs);
        var running = host.RunAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(await LeasesAsync());

        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await running;

        Assert.Empty(await LeasesAsync());
        Assert.Empty(logs.AtOrAbove(LogLevel.Warning));
    }

    [Fact]
    public async Task A_service_that_stops_after_ShopKernel_still_numbers_orders_and_the_lease_is_released_after_it()
    {
        var logs = new CapturingLoggerProvider();
        var draining = new DrainingService();
        using var host = BuildHost(logs, configure: b => b.Services.AddSingleton<IHostedService>(sp =>
        {
            draining.Numbers = sp.GetRequiredService<IOrderNumberGenerator>();
            return draining;
        }));
        await host.StartAsync();

        await host.StopAsync();

        Assert.Equal(0, draining.NumberedOnStop?.NodeId);
        Assert.Empty(await LeasesAsync());
        Assert.Empty(logs.AtOrAbove(LogLevel.Warning));
    }

    [Fact]
    public async Task An_outage_logs_one_warning_and_its_end_one_recovery_line_without_stack_traces()
    {
        var logs = new CapturingLoggerProvider();
        var faults = new FaultInjector();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = BuildHost(logs, faults, b => b.Services.AddSingleton<TimeProvider>(time));
        await host.StartAsync();
        var lease = host.Services.GetServices<IHostedService>().OfType<NodeLeaseService>().Single();
        async Task AdvanceAsync(TimeSpan by)
        {
            time.Advance(by);
            await lease.Renewal.WaitAsync(TimeSpan.FromSeconds(30));
        }

        faults.GoDown();
        await AdvanceAsync(TimeSpan.FromSeconds(20));
        for (var retry = 0; retry < 4; retry++)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(5));
        }

        faults.Restore();
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await host.StopAsync();

        Assert.Equal(5, faults.Injected);
        var warning = Assert.Single(logs.AtOrAbove(LogLevel.Warning));
        Assert.Equal((typeof(NodeLeaseService).FullName, 3002), (warning.Category, warning.EventId.Id));
        Assert.Contains("Injected outage: the database is unreachable.", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        var lines = logs.Entries.Where(e => e.Category == typeof(NodeLeaseService).FullName).ToList();
        Assert.Equal(4, lines.Count(e => e.EventId.Id == 3007 && e.Level == LogLevel.Debug));
        var recovered = Assert.Single(lines, e => e.EventId.Id == 3008);
        Assert.Equal(LogLevel.Information, recovered.Level);
        Assert.Contains("5 failed attempts", recovered.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && (e.Exception is not null || e.Text.Contains("   at ", StringComparison.Ordinal)));
        Assert.Empty(await LeasesAsync());
    }
}

/// <summary>
/// A hosted service registered before ShopKernel, so the host stops it after ShopKernel's <c>StopAsync</c>, as a web
/// server finishing its last requests: it numbers one more order while it stops.
/// </summary>
public sealed class DrainingService : IHostedService
{
    public IOrderNumberGenerator? Numbers { get; set; }

    public OrderNumber? NumberedOnStop { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        NumberedOnStop = Numbers!.Next();
        return Task.CompletedTask;
    }
}
