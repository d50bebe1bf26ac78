using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.PaymentService.Faults;

/// <summary><c>DELETE /admin/faults</c>: nothing armed any more.</summary>
internal static class ClearFaultsEndpoint
{
    public static NoContent Handle(FaultInjector faults)
    {
        faults.Clear();
        return TypedResults.NoContent();
    }
}
