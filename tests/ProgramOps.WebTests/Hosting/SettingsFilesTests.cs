using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;

namespace ProgramOps.WebTests.Hosting;

public sealed class SettingsFilesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    /// <summary>
    /// A watched settings file watches the whole content root, where the default database lives: every page SQLite wrote
    /// woke the watcher.
    /// </summary>
    [Fact]
    public void The_settings_files_are_read_once_at_start_not_watched()
    {
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
