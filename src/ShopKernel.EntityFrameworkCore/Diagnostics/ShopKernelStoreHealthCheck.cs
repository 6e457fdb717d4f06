using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopKernel.EntityFrameworkCore.Orders;

namespace ShopKernel.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Asks the host's context one cheap question about ShopKernel's orders table (does it have a row: an index-only
/// <c>EXISTS</c>), which fails when the database is unreachable, the credentials are wrong or the table is missing.
/// A failure is reported with the registration's failure status and the kind of failure, never with data.
/// </summary>
internal sealed class ShopKernelStoreHealthCheck<TContext>(TContext db) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await db.Set<OrderRecord>().AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("ShopKernel's store answered.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The query has no parameters, so the provider's message names the server or the table, never a person.
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"ShopKernel's store did not answer ({exception.GetType().Name}): {exception.Message}",
                exception);
        }
    }
}
