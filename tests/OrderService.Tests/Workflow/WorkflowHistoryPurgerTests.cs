using Dapr.Workflow;
using Dapr.Workflow.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.OrderService.Workflow.Retention;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>order-service's own retention sweep (what ACA's managed Dapr cannot be configured to do).</summary>
public sealed class WorkflowHistoryPurgerTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Now));
    private readonly Mock<IDaprWorkflowClient> workflows = new(MockBehavior.Strict);
    private readonly List<string> purged = [];
    private readonly List<DateTimeOffset> listed = [];

    [Fact]
    public async Task Ended_instances_past_their_retention_are_purged_and_the_rest_are_kept()
    {
        Page(null, "next", ("done-old", WorkflowRuntimeStatus.Completed, TimeSpan.FromMinutes(2)),
            ("done-new", WorkflowRuntimeStatus.Completed, TimeSpan.FromSeconds(30)));
        Page("next", null, ("failed-old", WorkflowRuntimeStatus.Failed, TimeSpan.FromHours(73)),
            ("failed-new", WorkflowRuntimeStatus.Failed, TimeSpan.FromHours(1)),
            ("stopped-old", WorkflowRuntimeStatus.Terminated, TimeSpan.FromHours(80)),
            ("running-old", WorkflowRuntimeStatus.Running, TimeSpan.FromDays(30)),
            ("waiting-old", WorkflowRuntimeStatus.Suspended, TimeSpan.FromDays(30)));

        var count = await Purger(new WorkflowRetentionOptions()).SweepAsync(CancellationToken.None);

        count.Should().Be(3);
        purged.Should().BeEquivalentTo("done-old", "failed-old", "stopped-old");
    }

    [Fact]
    public async Task A_state_without_a_retention_is_kept_forever()
    {
        Page(null, null, ("failed-ancient", WorkflowRuntimeStatus.Failed, TimeSpan.FromDays(365)),
            ("done-old", WorkflowRuntimeStatus.Completed, TimeSpan.FromHours(2)));

        var count = await Purger(new WorkflowRetentionOptions { Failed = null }).SweepAsync(CancellationToken.None);

        count.Should().Be(1);
        purged.Should().Equal("done-old");
    }

    [Fact]
    public async Task An_instance_already_purged_by_another_replica_is_not_counted()
    {
        Page(null, null, ("done-old", WorkflowRuntimeStatus.Completed, TimeSpan.FromHours(2)));
        workflows.Setup(w => w.PurgeInstanceAsync("done-old", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        (await Purger(new WorkflowRetentionOptions()).SweepAsync(CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task The_purger_sweeps_once_per_interval_after_start_and_not_at_all_when_disabled()
    {
        Page(null, null, ("done-old", WorkflowRuntimeStatus.Completed, TimeSpan.FromHours(2)));
        using var enabled = Purger(new WorkflowRetentionOptions { SweepInterval = TimeSpan.FromMinutes(5) });
        using var disabled = Purger(new WorkflowRetentionOptions { Enabled = false, SweepInterval = TimeSpan.FromMinutes(5) });
        await enabled.StartAsync(CancellationToken.None);
        await disabled.StartAsync(CancellationToken.None);

        // The disabled purger's loop has ended: whatever it would ever sweep, it has swept.
        await disabled.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => purged.Count >= 1);
        // A sweep made at start would have been followed at once by the first interval's (its tick is pending), so it
        // shows up as a second listing at +5 min, before the clock moves on.
        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => purged.Count >= 2);
        await enabled.StopAsync(CancellationToken.None);
        await disabled.StopAsync(CancellationToken.None);

        listed.Should().Equal([new DateTimeOffset(Now).AddMinutes(5), new DateTimeOffset(Now).AddMinutes(10)], "one listing per interval, none at start, none by the disabled purger");
    }

    [Fact]
    public async Task A_failed_sweep_is_logged_and_the_next_interval_sweeps_again()
    {
        var attempts = 0;
        workflows.Setup(w => w.ListInstanceIdsAsync(null, 100, It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Increment(ref attempts) == 1
                ? throw new InvalidOperationException("scheduler unavailable")
                : Task.FromResult(new WorkflowInstancePage([], null)));
        var log = new FakeLogger<WorkflowHistoryPurger>();
        using var purger = new WorkflowHistoryPurger(workflows.Object, Options.Create(new WorkflowRetentionOptions()), clock, log);
        await purger.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => log.Collector.Count >= 1);
        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => Volatile.Read(ref attempts) >= 2);
        await purger.StopAsync(CancellationToken.None);

        var failure = log.Collector.GetSnapshot()[0];
        failure.Message.Should().Be("Workflow retention sweep failed; the next sweep tries again");
        failure.Exception.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task Disposing_the_purger_cancels_a_sweep_in_progress()
    {
        var listing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        workflows.Setup(w => w.ListInstanceIdsAsync(null, 100, It.IsAny<CancellationToken>()))
            .Returns(async (string? _, int _, CancellationToken ct) =>
            {
                listing.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return new WorkflowInstancePage([], null);
            });
        var purger = Purger(new WorkflowRetentionOptions());
        await purger.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        await listing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        purger.Dispose();

        await FluentActions.Awaiting(() => purger.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<OperationCanceledException>();
    }

    private WorkflowHistoryPurger Purger(WorkflowRetentionOptions options) =>
        new(workflows.Object, Options.Create(options), clock, NullLogger<WorkflowHistoryPurger>.Instance);

    private void Page(string? token, string? next, params (string Id, WorkflowRuntimeStatus Status, TimeSpan Age)[] instances)
    {
        workflows.Setup(w => w.ListInstanceIdsAsync(token, 100, It.IsAny<CancellationToken>()))
            .Callback(() => { lock (listed) { listed.Add(clock.GetUtcNow()); } })
            .ReturnsAsync(new WorkflowInstancePage([.. instances.Select(i => i.Id)], next));
        foreach (var (id, status, age) in instances)
        {
            workflows.Setup(w => w.GetWorkflowStateAsync(id, false, It.IsAny<CancellationToken>()))
                .ReturnsAsync(WorkflowStates.Create(id, status, Now - age - TimeSpan.FromMinutes(1), Now - age));
            workflows.Setup(w => w.PurgeInstanceAsync(id, It.IsAny<CancellationToken>()))
                .Callback(() => { lock (purged) { purged.Add(id); } })
                .ReturnsAsync(true);
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        bool Met()
        {
            lock (purged)
            {
                return condition();
            }
        }

        for (var i = 0; i < 200 && !Met(); i++)
        {
            await Task.Delay(25);
        }

        Met().Should().BeTrue();
    }
}
