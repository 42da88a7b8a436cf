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
/// Every SQL statement of the console, found by the convention: public constants, public static read-only strings
/// and <c>Name(SqlDialect)</c> methods of the <c>public static class XxxSql</c> classes in the web assembly.
/// </summary>
public static partial class SqlStatementCatalog
{
    public static IReadOnlyList<SqlStatement> For(SqlDialect dialect)
    {
        var statements = new List<SqlStatement>();
        foreach (var type in SqlClasses())
        {
            // Constants, and read-only fields built once from a C# rule (e.g. a state list generated from the lifecycle).
            statements.AddRange(type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => (field.IsLiteral || field.IsInitOnly) && field.FieldType == typeof(string))
                .Select(field => new SqlStatement($"{type.Name}.{field.Name}", (string)(field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null))!)));

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => m.ReturnType == typeof(string)))
            {
                var parameters = method.GetParameters();
                var takesDialect = parameters is [{ ParameterType: var first }, ..] && first == typeof(SqlDialect);
                // Builders from a closed set of choices alone (the filters in use) are statements too, the same in both dialects.
                if (!takesDialect && (parameters.Length == 0 || !parameters.All(p => p.ParameterType.IsEnum || p.ParameterType == typeof(bool)))) continue;
                foreach (var arguments in ArgumentCombinations(parameters.Skip(takesDialect ? 1 : 0).Select(p => p.ParameterType)))
                {
                    var name = $"{type.Name}.{method.Name}({string.Join(", ", takesDialect ? arguments.Prepend(dialect.Provider) : arguments)})";
                    statements.Add(new SqlStatement(name, (string)method.Invoke(null, takesDialect ? [dialect, .. arguments] : arguments)!));
                }
            }
        }

        // Dapper expands a list parameter (IN @Ids) to (@Ids1, @Ids2, …) before the engine sees it.
        return statements
            .Select(s => s with { Text = ListParameterPattern().Replace(s.Text, "IN (@$1)") })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Statements built from a closed set of choices (a sort column, a direction, a filter) are checked for every
    /// choice: every value of an enum parameter (each flag of a flags enum, and all of them), both values of a bool.
    /// </summary>
    private static IEnumerable<object[]> ArgumentCombinations(IEnumerable<Type> parameterTypes)
    {
        IEnumerable<object[]> combinations = [[]];
        foreach (var parameterType in parameterTypes)
        {
            object[] values = parameterType == typeof(bool) ? [false, true]
                : parameterType.IsEnum && parameterType.IsDefined(typeof(FlagsAttribute), false) ? [.. Enum.GetValues(parameterType).Cast<object>(), AllFlags(parameterType)]
                : parameterType.IsEnum ? Enum.GetValues(parameterType).Cast<object>().ToArray()
                : throw new InvalidOperationException($"SQL builder parameters must be enums or bools, not {parameterType.Name}.");
            combinations = combinations.SelectMany(done => values.Select(value => (object[])[.. done, value])).ToList();
        }

        return combinations;
    }

    private static object AllFlags(Type flags) =>
        Enum.ToObject(flags, Enum.GetValues(flags).Cast<object>().Aggregate(0L, (all, flag) => all | Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture)));

    public static IEnumerable<Type> SqlClasses() =>
        typeof(Db).Assembly.GetTypes().Where(type =>
            type is { IsAbstract: true, IsSealed: true } && (type.IsPublic || type.IsNestedPublic) && type.Name.EndsWith("Sql", StringComparison.Ordinal));

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameterPattern();

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    internal static partial Regex ParameterPattern();
}
