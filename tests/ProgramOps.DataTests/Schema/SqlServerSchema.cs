using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProgramOps.TestSupport;

namespace ProgramOps.DataTests.Schema;

/// <summary>The tables, views and their columns the db/sqlserver scripts leave behind, read from the T-SQL syntax tree in script order.</summary>
internal sealed class SqlServerSchema : TSqlFragmentVisitor
{
    private readonly Dictionary<string, SortedSet<string>> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedSet<string>> _views = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, SortedSet<string>> FromFolder(string folder) => Read(Scripts(folder))._tables;

    public static IReadOnlyDictionary<string, SortedSet<string>> ViewsFromFolder(string folder) => Read(Scripts(folder))._views;

    /// <summary>Applies the scripts' effect on tables and columns, in the given order.</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> FromScripts(IEnumerable<(string Name, string Sql)> scripts) => Read(scripts)._tables;

    private static IEnumerable<(string Name, string Sql)> Scripts(string folder) =>
        Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllText(path)));

    private static SqlServerSchema Read(IEnumerable<(string Name, string Sql)> scripts)
    {
        var schema = new SqlServerSchema();
        foreach (var (name, sql) in scripts)
        {
            var (fragment, errors) = TSql.Parse(sql);
            if (errors.Count > 0) throw new InvalidOperationException($"{name}: {TSql.Describe(errors)}");
            fragment.Accept(schema);
        }

        return schema;
    }

    public override void ExplicitVisit(CreateViewStatement node) =>
        _views[node.SchemaObjectName.BaseIdentifier.Value] = new SortedSet<string>(
            OutputColumns(node.SelectStatement.QueryExpression), StringComparer.OrdinalIgnoreCase);

    public override void ExplicitVisit(DropViewStatement node)
    {
        foreach (var view in node.Objects) _views.Remove(view.BaseIdentifier.Value);
    }

    /// <summary>A query's column names: each element's alias, else the column it selects (a UNION names them by its first query).</summary>
    private static IEnumerable<string> OutputColumns(QueryExpression query) => query switch
    {
        BinaryQueryExpression union => OutputColumns(union.FirstQueryExpression),
        QueryParenthesisExpression parenthesis => OutputColumns(parenthesis.QueryExpression),
        QuerySpecification select => select.SelectElements.OfType<SelectScalarExpression>().Select(e =>
            e.ColumnName?.Value ?? (e.Expression as ColumnReferenceExpression)?.MultiPartIdentifier.Identifiers[^1].Value
            ?? throw new InvalidOperationException("A view column without a name.")),
        _ => throw new InvalidOperationException($"Unexpected view query {query.GetType().Name}."),
    };

    public override void ExplicitVisit(CreateTableStatement node) =>
        _tables[node.SchemaObjectName.BaseIdentifier.Value] = new SortedSet<string>(
            node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value), StringComparer.OrdinalIgnoreCase);

    public override void ExplicitVisit(AlterTableAddTableElementStatement node)
    {
        var columns = Columns(node.SchemaObjectName);
        foreach (var column in node.Definition.ColumnDefinitions) columns.Add(column.ColumnIdentifier.Value);
    }

    public override void ExplicitVisit(AlterTableDropTableElementStatement node)
    {
        var columns = Columns(node.SchemaObjectName);
        foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
        {
            columns.Remove(element.Name.Value);
        }
    }

    public override void ExplicitVisit(DropTableStatement node)
    {
        foreach (var table in node.Objects) _tables.Remove(table.BaseIdentifier.Value);
    }

    private SortedSet<string> Columns(SchemaObjectName table) =>
        _tables.TryGetValue(table.BaseIdentifier.Value, out var columns)
            ? columns
            : throw new InvalidOperationException($"ALTER TABLE {table.BaseIdentifier.Value} before its CREATE TABLE.");
}
