using Microsoft.Extensions.Options;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.NotificationService.Tests;

public sealed class OptionsTests : NotificationServiceTest
{
    [Theory]
    [InlineData("Notifications:MaxPerCustomer", "0", "MaxPerCustomer")]
    [InlineData("Notifications:MaxDeadLetters", "1001", "MaxDeadLetters")]
    [InlineData("Notifications:ProcessedMarkerTtl", "00:00:00", "ProcessedMarkerTtl")]
    [InlineData("StateStore:ConflictAttempts", "0", "ConflictAttempts")]
    public void A_setting_out_of_range_stops_the_service_at_start_up(string key, string value, string name)
    {
        Factory.Settings[key] = value;

        var start = () => Factory.Start();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(name);
    }
}
