namespace OrderPlatform.PaymentService.Signing;

/// <summary>The payment gateway key, read once from the Dapr secret store; never logged.</summary>
public sealed class GatewayKey
{
    public const string SecretName = "payment-gateway-key";

    private volatile byte[]? key;

    public bool IsLoaded => key is not null;

    public byte[] Value => key ?? throw new InvalidOperationException("The payment gateway key is not loaded yet.");

    public void Set(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        key = value.Length > 0 ? value : throw new ArgumentException("The payment gateway key is empty.", nameof(value));
    }
}
