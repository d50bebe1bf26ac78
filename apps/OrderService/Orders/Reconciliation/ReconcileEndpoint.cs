using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Reconciliation;

/// <summary>
/// <c>POST /order-reconcile-cron</c>: the <c>bindings.cron</c> input binding's route (daprd POSTs <c>/{component
/// name}</c>; components/order-reconcile-cron.yaml). 200 with what the pass did. <c>OPTIONS</c> answers 200 too: daprd
/// asks the app with OPTIONS whether it listens on a binding's route.
/// </summary>
internal static class ReconcileEndpoint
{
    public static async Task<Ok<ReconciliationReport>> HandleAsync(OrderReconciler reconciler, CancellationToken ct) =>
        TypedResults.Ok(await reconciler.RunAsync(ct));

    public static Ok Probe() => TypedResults.Ok();
}
