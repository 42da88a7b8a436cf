using Microsoft.Data.Sqlite;

namespace ProgramOps.Web.Infrastructure.Data;

public static class DataServiceExtensions
{
    public const string ConnectionStringName = "ProgramOps";

    public static IServiceCollection AddProgramOpsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        if (options.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer, but ConnectionStrings:ProgramOps is empty. See appsettings.sample.json.");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = SqliteConnectionString(connectionString, options, environment.ContentRootPath);
        }

        DbTypeHandlers.Register();
        services.AddSingleton(new Db(options.Provider, connectionString!));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    public static string SqliteConnectionString(string? configured, DatabaseOptions options, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(options.SqliteFile, contentRoot);
        }

        builder.ForeignKeys = true;
        builder.DefaultTimeout = options.BusyTimeoutSeconds;
        return builder.ToString();
    }
}
