using Dapr.Workflow;
using OrderPlatform.OrderService.Workflow.Retention;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Workflow;

public static class WorkflowRegistration
{
    /// <summary>
    /// Adds the Dapr workflow worker, the <see cref="IDaprWorkflowClient"/> the API uses
    /// (<see cref="DaprWorkflowClient"/> is sealed and <c>AddDaprWorkflow</c> does not register the interface) and the
    /// <see cref="WorkflowHistoryPurger"/> (<c>OrderWorkflow:Retention</c>, validated at start-up).
    /// </summary>
    /// <remarks>
    /// <see cref="OrderWorkflow"/> and every activity in <c>Workflow/Activities</c> are registered by Dapr.Workflow's
    /// source generator: it finds each <c>Workflow&lt;,&gt;</c>/<c>WorkflowActivity&lt;,&gt;</c> class of this assembly
    /// and <c>AddDaprWorkflow()</c> registers them by type name. Registering them again here would register each twice
    /// ("Workflow 'OrderWorkflow' is already registered" warnings at start-up), so nothing is listed by hand; a test pins
    /// the registered names.
    /// </remarks>
    public static IHostApplicationBuilder AddOrderWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDaprWorkflow();
        builder.Services.AddSingleton<IDaprWorkflowClient>(sp => sp.GetRequiredService<DaprWorkflowClient>());
        builder.AddValidatedOptions<WorkflowRetentionOptions>(WorkflowRetentionOptions.SectionName);
        AddRetrySettings(builder, WorkflowRetrySections.Fault, RetrySettings.DefaultFault);
        AddRetrySettings(builder, WorkflowRetrySections.Compensation, RetrySettings.DefaultCompensation);
        builder.Services.AddSingleton<OrderWorkflowInputs>();
        builder.Services.AddHostedService<WorkflowHistoryPurger>();
        return builder;
    }

    private static void AddRetrySettings(IHostApplicationBuilder builder, string section, RetrySettings defaults) =>
        builder.Services.AddOptions<RetrySettingsOptions>(section)
            .Configure(o => (o.FirstInterval, o.MaxInterval, o.Window) = (defaults.FirstInterval, defaults.MaxInterval, defaults.Window))
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
