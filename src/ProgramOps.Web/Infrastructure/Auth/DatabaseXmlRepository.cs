using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>Stores ASP.NET Core data-protection keys (which sign the sign-in cookies) in the database.</summary>
public sealed class DatabaseXmlRepository(Db db, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.Open();
        return connection.Query<string>(DataProtectionSql.AllKeys)
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.Open();
        connection.Execute(
            DataProtectionSql.InsertKey,
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = time.GetUtcNow() });
    }
}
