using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ProgramOps.DataTests.Schema;

/// <summary>
/// The indexes and CHECK constraints the db/sqlserver scripts leave behind, read from the T-SQL syntax tree in script
/// order, in the shapes <see cref="SchemaShapes"/> compares with SQLite's.
/// </summary>
internal sealed class SqlServerConstraints : TSqlFragmentVisitor
{
    private readonly Dictionary<string, string> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Table, string? Name, string Check)> _checks = [];

    public IReadOnlySet<string> Indexes => _indexes.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Checks => _checks.Select(c => SchemaShapes.Check(c.Table, c.Check)).Order(StringComparer.Ordinal).ToList();

    public static SqlServerConstraints FromFolder(string folder)
    {
        var constraints = new SqlServerConstraints();
        foreach (var path in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            var (fragment, errors) = ProgramOps.TestSupport.TSql.Parse(File.ReadAllText(path));
            if (errors.Count > 0) throw new InvalidOperationException($"{Path.GetFileName(path)}: {ProgramOps.TestSupport.TSql.Describe(errors)}");
            fragment.Accept(constraints);
        }

        return constraints;
    }

    public override void ExplicitVisit(CreateIndexStatement node)
    {
        var table = node.OnName.BaseIdentifier.Value;
        var columns = node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value);
        _indexes[Key(table, node.Name.Value)] = SchemaShapes.Index(table, node.Name.Value, node.Unique, columns, node.FilterPredicate is not null);
    }

    public override void ExplicitVisit(DropIndexStatement node)
    {
        foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>())
        {
            _indexes.Remove(Key(clause.Object.BaseIdentifier.Value, clause.Index.Value));
        }
    }

    public override void ExplicitVisit(DropTableStatement node)
    {
        foreach (var table in node.Objects.Select(o => o.BaseIdentifier.Value))
        {
            foreach (var key in _indexes.Keys.Where(k => k.StartsWith(table + ".", StringComparison.OrdinalIgnoreCase)).ToList()) _indexes.Remove(key);
            _checks.RemoveAll(c => string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));
        }
    }

    public override void ExplicitVisit(CreateTableStatement node) =>
        AddChecks(node.SchemaObjectName.BaseIdentifier.Value, node.Definition);

    public override void ExplicitVisit(AlterTableAddTableElementStatement node) =>
        AddChecks(node.SchemaObjectName.BaseIdentifier.Value, node.Definition);

    public override void ExplicitVisit(AlterTableDropTableElementStatement node)
    {
        var table = node.SchemaObjectName.BaseIdentifier.Value;
        foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Constraint))
        {
            _checks.RemoveAll(c => string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase)
                                   && string.Equals(c.Name, element.Name.Value, StringComparison.OrdinalIgnoreCase));
        }
    }

    private void AddChecks(string table, TableDefinition definition)
    {
        var constraints = definition.TableConstraints.Concat(definition.ColumnDefinitions.SelectMany(c => c.Constraints));
        foreach (var check in constraints.OfType<CheckConstraintDefinition>()) _checks.Add((table, check.ConstraintIdentifier?.Value, Text(check.CheckCondition)));
    }

    private static string Text(TSqlFragment fragment) =>
        string.Concat(fragment.ScriptTokenStream.Skip(fragment.FirstTokenIndex).Take(fragment.LastTokenIndex - fragment.FirstTokenIndex + 1).Select(t => t.Text));

    private static string Key(string table, string index) => $"{table}.{index}";
}
