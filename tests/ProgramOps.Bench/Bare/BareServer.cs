using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProgramOps.Bench.Bare;

/// <summary>
/// The baseline for the console's pages and its start: a bare ASP.NET Core app on the same database file, with a
/// <c>/healthz</c> that opens the file and Razor pages that read the same rows as the console's pages with Dapper and
/// print them in a plain table — no sign-in, localization, layout or antiforgery.
/// </summary>
public static class BareServer
{
    public static async Task<int> RunAsync(string url, string databaseFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        ProgramOps.Web.Infrastructure.Data.DbTypeHandlers.Register();
        builder.Services.AddSingleton(new BareDatabase($"Data Source={databaseFile}"));
        // Only this project's pages: the console's, in the referenced assembly, are what is measured against.
        builder.Services.AddRazorPages(pages => pages.RootDirectory = "/Bare/Pages").ConfigureApplicationPartManager(parts =>
        {
            parts.ApplicationParts.Clear();
            parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(BareServer).Assembly));
        });
        var app = builder.Build();
        app.MapGet("/healthz", async (BareDatabase database) =>
        {
            await using var connection = await database.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync();
            return Results.Text("Healthy");
        });
        app.MapRazorPages();
        await app.RunAsync();
        return 0;
    }
}

public sealed class BareDatabase(string connectionString)
{
    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
