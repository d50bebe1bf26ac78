namespace OrderPlatform.Infra.Tests.Support;

/// <summary>Built-in Azure role definition ids the infrastructure may grant (all data-plane or AcrPull).</summary>
public static class Roles
{
    public const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    public const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    public const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    public const string ServiceBusDataOwner = "090c5cfd-751d-490a-894a-3ce6f1109419";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    public static IReadOnlyList<string> DataPlane { get; } =
        [AcrPull, ServiceBusDataSender, ServiceBusDataReceiver, ServiceBusDataOwner, KeyVaultSecretsUser, KeyVaultSecretsOfficer];
}
