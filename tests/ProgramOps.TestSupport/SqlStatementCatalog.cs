using System.Reflection;
using System.Text.RegularExpressions;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.TestSupport;

public sealed record SqlStatement(string Name, string Text)
{
    public override string ToString() => Name;

    /// <summary>The distinct <c>@name</c> parameters the statement reads.</summary>
    public IReadOnlyList<string> ParameterNames() =>
        SqlStatementCatalog.ParameterPattern().Matches(Text).Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>
/// Every SQL statement of the console, found by the convention: public constants and
/// <c>Name(SqlDialect)</c> methods of the <c>public static class XxxSql</c> classes in the web assembly.
/// </summary>
public static partial class SqlStatementCatalog
{
    public static IReadOnlyList<SqlStatement> For(SqlDialect dialect)
    {
        var statements = new List<SqlStatement>();
        foreach (var type in SqlClasses())
        {
            statements.AddRange(type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => new SqlStatement($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!)));

            statements.AddRange(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(method => method.ReturnType == typeof(string)
                                 && method.GetParameters() is [{ ParameterType: var parameter }]
                                 && parameter == typeof(SqlDialect))
                .Select(method => new SqlStatement($"{type.Name}.{method.Name}({dialect.Provider})", (string)method.Invoke(null, [dialect])!)));
        }

        return statements.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public static IEnumerable<Type> SqlClasses() =>
        typeof(Db).Assembly.GetTypes().Where(type =>
            type is { IsAbstract: true, IsSealed: true } && (type.IsPublic || type.IsNestedPublic) && type.Name.EndsWith("Sql", StringComparison.Ordinal));

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    internal static partial Regex ParameterPattern();
}
