using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.PaymentService.Faults;

/// <summary><c>GET /admin/faults</c>: what is still armed.</summary>
internal static class GetFaultsEndpoint
{
    public static Ok<FaultState> Handle(FaultInjector faults) => TypedResults.Ok(faults.Current());
}
