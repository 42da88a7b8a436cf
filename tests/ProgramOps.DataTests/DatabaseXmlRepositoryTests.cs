using System.Xml.Linq;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.DataTests;

public sealed class DatabaseXmlRepositoryTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public void Stored_keys_come_back_in_the_order_they_were_stored()
    {
        var clock = new StepClock();
        var repository = new DatabaseXmlRepository(_database.Db, clock);
        var first = new XElement("key", new XAttribute("id", "1"), new XElement("secret", "一つ目"));
        var second = new XElement("key", new XAttribute("id", "2"));

        Assert.Empty(repository.GetAllElements());
        repository.StoreElement(first, "key-1");
        repository.StoreElement(second, "key-2");

        var keys = new DatabaseXmlRepository(_database.Db, clock).GetAllElements();
        Assert.Equal([first.ToString(), second.ToString()], keys.Select(k => k.ToString()));
    }

    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddSeconds(1);
    }

    public void Dispose() => _database.Dispose();
}
