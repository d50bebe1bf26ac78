using System.Net;
using System.Net.Sockets;
using OrderPlatform.DevSidecar.Tests.Messaging;

namespace OrderPlatform.DevSidecar.Tests.Infrastructure;

public sealed class PortConflictsTests
{
    [Fact]
    public async Task A_port_taken_before_Kestrel_binds_it_is_retried_on_fresh_ports()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var ports = new Queue<int>([taken, FreePorts.Take()]);

        await using var app = await PortConflicts.RetryAsync(() => TestApp.StartAsync(ports.Dequeue(), _ => { }));

        ports.Should().BeEmpty("the first start hit the taken port and the second one used a free port");
    }

    [Fact]
    public async Task Other_failures_and_the_third_conflict_are_not_retried()
    {
        var calls = 0;
        var other = () => PortConflicts.RetryAsync<int>(() => { calls++; throw new InvalidOperationException("boom"); });
        await other.Should().ThrowAsync<InvalidOperationException>();
        calls.Should().Be(1);

        calls = 0;
        var conflicts = () => PortConflicts.RetryAsync<int>(() =>
        {
            calls++;
            throw new IOException("bind", new SocketException((int)SocketError.AddressAlreadyInUse));
        });
        await conflicts.Should().ThrowAsync<IOException>();
        calls.Should().Be(3);
    }
}
