namespace OrderPlatform.PlatformLauncher;

/// <summary>A process of the platform could not bind one of its ports: another process took it first.</summary>
public sealed class PortInUseException : InvalidOperationException
{
    public PortInUseException()
    {
    }

    public PortInUseException(string message)
        : base(message)
    {
    }

    public PortInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
