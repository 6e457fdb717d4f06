using ShopKernel.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.StopList;
using ShopKernel.EntityFrameworkCore.Subscriptions;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds ShopKernel's tables to the host's model.</summary>
public static class ShopKernelModelBuilderExtensions
{
    /// <summary>
    /// Adds ShopKernel's entities (carts, orders, purchase facts, stock levels, customers and the data keys their personal data is sealed under, order-number node leases, the stop list, the consent ledger, promotions with their usage and redemptions, subscriptions and their sends) to the host's model, one <see cref="IEntityTypeConfiguration{TEntity}"/>
    /// each. Call it from <c>OnModelCreating</c>; the host's migrations then create the tables.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="configure">Changes the schema or the table prefix; optional.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder ApplyShopKernelModel(this ModelBuilder modelBuilder, Action<ShopKernelModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new ShopKernelModelOptions();
        configure?.Invoke(options);
        modelBuilder.ApplyConfiguration(new CartRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new OrderRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new PurchaseFactsRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new StockRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new CustomerRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShopKernel.EntityFrameworkCore.PersonalData.DataKeyRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new NodeLeaseRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new StopListEntryRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new StopListKeyRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new StopListAuditRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new DeliveryOutcomeRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShopKernel.EntityFrameworkCore.Staff.AccessLogRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new ConsentEventRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new SubscriptionRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new SubscriptionSendRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new PromotionRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new PromotionUsageRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new PromotionRedemptionRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShopKernel.EntityFrameworkCore.Analytics.PurchaseLineRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShopKernel.EntityFrameworkCore.Analytics.PurchaseLineTagRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShopKernel.EntityFrameworkCore.Analytics.OrderPromotionRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShopKernel.EntityFrameworkCore.Analytics.CustomerAcquisitionRecordConfiguration(options));
        return modelBuilder;
    }
}
