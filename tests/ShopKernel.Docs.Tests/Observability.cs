using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ShopKernel.Diagnostics;

namespace ShopKernel.Docs.Tests;

// docs/observability.md, as shown there (SnippetTests keeps the two equal).
internal static class ObservabilityDocs
{
    public static void ExportWithOpenTelemetry(WebApplicationBuilder builder)
    {
        // snippet: observability-opentelemetry
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(ShopKernelTelemetry.MeterName).AddOtlpExporter())
            .WithTracing(t => t.AddSource(ShopKernelTelemetry.ActivitySourceName).AddOtlpExporter());
        // end snippet
    }

    public static void CheckHealth(WebApplicationBuilder builder, WebApplication app)
    {
        // snippet: observability-health-check
        builder.Services.AddHealthChecks().AddShopKernelStore<ShopContext>(tags: ["ready"]);
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        // end snippet
    }
}
