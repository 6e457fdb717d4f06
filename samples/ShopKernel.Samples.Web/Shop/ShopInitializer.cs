using Microsoft.EntityFrameworkCore;
using ShopKernel.Checkout;
using ShopKernel.PersonalData;
using ShopKernel.Promotions;
using ShopKernel.Samples.Web.Data;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// Brings the database to the latest migration, seals what a release before sealed personal data left in plain text
/// (nothing, after the first time), and puts in the shop's promotions and stock levels, before ShopKernel's own hosted
/// services (the order-number lease) start: it is registered first.
/// </summary>
public sealed class ShopInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Before the shop serves: a row stored in plain text is refused until it is sealed.
        await scope.ServiceProvider.GetRequiredService<PersonalDataSealing>().SealAllAsync(cancellationToken: cancellationToken);

        var stock = scope.ServiceProvider.GetRequiredService<IStockStore>();
        // Stock is counted per SKU, the SKU of each variant the cart lines carry.
        foreach (var product in Catalogue.Products.Where(p => p.Stock is not null))
        {
            foreach (var sku in product.Colours.SelectMany(colour => product.Designs.Select(design => product.Sku(colour, design))))
            {
                if (await stock.GetAvailableAsync(sku, cancellationToken) is null)
                {
                    await stock.SetAvailableAsync(sku, product.Stock!.Value, cancellationToken);
                }
            }
        }

        var promotions = scope.ServiceProvider.GetRequiredService<PromotionService>();
        foreach (var promotion in Catalogue.Promotions)
        {
            if (!(await promotions.GetAsync(promotion.Id, cancellationToken)).Succeeded)
            {
                await promotions.CreateAsync(SampleStaffAuthorizer.Setup, promotion, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
