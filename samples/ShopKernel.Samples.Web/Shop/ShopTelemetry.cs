using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ShopKernel.Diagnostics;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// Exports ShopKernel's meter and spans (and ASP.NET Core's) with OpenTelemetry, as configured by
/// <c>Sample:Telemetry:Exporter</c>: <c>none</c> (the default), <c>console</c>, or <c>otlp</c> (endpoint and protocol
/// from the standard <c>OTEL_EXPORTER_OTLP_*</c> environment variables, <c>http://localhost:4317</c> by default).
/// </summary>
public static class ShopTelemetry
{
    /// <summary>Registers the exporter chosen in configuration.</summary>
    public static IServiceCollection AddShopTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration["Sample:Telemetry:Exporter"] ?? "none";
        if (string.Equals(exporter, "none", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        var console = string.Equals(exporter, "console", StringComparison.OrdinalIgnoreCase);
        if (!console && !string.Equals(exporter, "otlp", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Sample:Telemetry:Exporter '{exporter}' is not supported; use none, console or otlp.");
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("shopkernel-sample-web"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ShopKernelTelemetry.MeterName, "Microsoft.AspNetCore.Hosting");
                _ = console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(ShopKernelTelemetry.ActivitySourceName, "Microsoft.AspNetCore");
                _ = console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter();
            });
        return services;
    }
}
