using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Seeding;

/// <summary>
/// Writes the <c>Inventory:Seed</c> catalogue once the sidecar answers (<see cref="DaprClient.WaitForSidecarAsync"/>),
/// with first-write so a restart never overwrites live stock. <see cref="Completion"/> ends when seeding is done.
/// </summary>
public sealed class InventorySeeder(
    DaprClient dapr, InventoryRepository repository, IOptions<InventoryServiceOptions> options, ILogger<InventorySeeder> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<int> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Number of products whose stock this instance wrote (inserted, or topped up in <see cref="SeedMode.TopUp"/>); catalogue
    /// entries are written alongside and logged.
    /// </summary>
    public Task<int> Completion => completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await dapr.WaitForSidecarAsync(stoppingToken);
            var inserted = 0;
            var priced = 0;
            var topUp = options.Value.SeedMode == SeedMode.TopUp;
            foreach (var item in options.Value.Seed)
            {
                var wrote = topUp
                    ? await repository.TopUpAsync(item.ProductId, item.Quantity, stoppingToken)
                    : await repository.SeedAsync(item.ProductId, item.Quantity, stoppingToken);
                // Insert: a product without a catalogue entry (stored before prices existed) gets the seed's, a price
                // set since is kept. TopUp (Azure): the seed's name and price are the catalogue.
                var wroteEntry = topUp
                    ? await repository.SetCatalogueAsync(item.ProductId, item.Name, item.Price, stoppingToken)
                    : await repository.SeedCatalogueAsync(new CatalogueEntry(item.ProductId, item.Name, item.Price), stoppingToken);
                priced += wroteEntry ? 1 : 0;
                inserted += wrote ? 1 : 0;
            }

            logger.LogInformation(
                "Seeded {Inserted} of {Total} catalogue products; wrote {Priced} catalogue entries", inserted, options.Value.Seed.Count, priced);
            completion.TrySetResult(inserted);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Seeding the catalogue failed");
            completion.TrySetException(ex);
        }
    }
}
