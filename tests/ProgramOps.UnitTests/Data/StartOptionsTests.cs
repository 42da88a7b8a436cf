using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.UnitTests.Data;

public sealed class StartOptionsTests
{
    [Fact]
    public void Console_switches_are_taken_out_and_the_rest_reaches_the_host()
    {
        var start = StartOptions.Parse(["--demo", "--urls", "http://127.0.0.1:8080", "--demo-clients", "500", "--Database:Provider=Sqlite"]);

        Assert.Equal(new StartOptions(false, true, 500, []) with { HostArguments = start.HostArguments }, start);
        Assert.Equal(["--urls", "http://127.0.0.1:8080", "--Database:Provider=Sqlite"], start.HostArguments);
    }

    [Fact]
    public void Migrate_only_is_recognised_anywhere()
    {
        Assert.True(StartOptions.Parse(["--urls", "http://x", "--migrate-only"]).MigrateOnly);
        Assert.False(StartOptions.Parse([]).MigrateOnly);
    }

    [Theory]
    [InlineData("--demo-clients")]
    [InlineData("--demo-clients", "0")]
    [InlineData("--demo-clients", "many")]
    public void Demo_clients_needs_a_positive_number(params string[] args) =>
        Assert.Throws<ArgumentException>(() => StartOptions.Parse(args));

    [Fact]
    public void Backup_takes_the_file_to_write()
    {
        var start = StartOptions.Parse(["--backup", "/var/backups/programops.db", "--urls", "http://x"]);

        Assert.Equal("/var/backups/programops.db", start.BackupTo);
        Assert.Equal(["--urls", "http://x"], start.HostArguments);
        Assert.Throws<ArgumentException>(() => StartOptions.Parse(["--backup"]));
        Assert.Throws<ArgumentException>(() => StartOptions.Parse(["--backup", "--urls"]));
    }
}
