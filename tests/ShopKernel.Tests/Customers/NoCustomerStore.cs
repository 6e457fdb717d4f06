using ShopKernel.Subscriptions;

namespace ShopKernel.Tests.Customers;

/// <summary>A customer store that knows nobody, for services whose tests never reach it.</summary>
internal sealed class NoCustomerStore : ShopKernel.Customers.ICustomerStore
{
    public Task<ShopKernel.Customers.Customer?> FindByIdAsync(ShopKernel.Customers.CustomerId customerId, CancellationToken cancellationToken = default) => Task.FromResult<ShopKernel.Customers.Customer?>(null);

    public Task<IReadOnlyList<ShopKernel.Customers.Customer>> FindByContactAsync(ShopKernel.Customers.ContactKind kind, string key, DateTimeOffset liveClaimsSince, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ShopKernel.Customers.Customer>>([]);

    public Task<ShopKernel.Customers.Customer?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken = default) => Task.FromResult<ShopKernel.Customers.Customer?>(null);

    public ValueTask<StoreWrite> CreateAsync(ShopKernel.Customers.Customer customer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<StoreWrite> UpdateAsync(ShopKernel.Customers.Customer customer, long expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<StoreWrite<ShopKernel.Customers.VerifiedContactChanges>> VerifyContactAsync(ShopKernel.Customers.Customer customer, long expectedVersion, string? emailKey, string? phone, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<StoreWrite<ShopKernel.Customers.CustomerErasure>> EraseAsync(ShopKernel.Customers.CustomerId customerId, string? emailKey, string? phone, ShopKernel.Customers.OrderAnonymisation orders, IReadOnlyList<ConsentRedaction> consentRedactions, ShopKernel.Staff.AccessLogEntry? access, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
