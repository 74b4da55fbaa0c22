using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rp.Api.V20191231Preview;
using Rp.Api.V20200430;

namespace Rp.Api;

public static class ApiVersionServiceCollectionExtensions
{
    /// <summary>Registers every api-version as an <see cref="IApiVersion"/> singleton, and <see cref="ApiVersions"/>.</summary>
    public static IServiceCollection AddRpApiVersions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiVersion, ApiVersion20191231Preview>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiVersion, ApiVersion20200430>());
        services.TryAddSingleton<ApiVersions>();
        return services;
    }
}
