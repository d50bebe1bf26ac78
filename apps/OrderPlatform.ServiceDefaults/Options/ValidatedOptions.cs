using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderPlatform.ServiceDefaults;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to the configuration section <paramref name="sectionName"/> and checks its
    /// DataAnnotations when the host starts, so a bad setting stops the service at start-up, not at the first request.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IHostApplicationBuilder builder, string sectionName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddOptions<T>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
