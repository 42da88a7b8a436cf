using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ProgramOps.TestSupport;

/// <summary>Microsoft's own T-SQL parser (SQL Server 2025 grammar): what SQL Server would refuse, this refuses.</summary>
public static class TSql
{
    public static (TSqlFragment Fragment, IList<ParseError> Errors) Parse(string sql)
    {
        using var reader = new StringReader(sql);
        var fragment = new TSql170Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return (fragment, errors);
    }

    public static string Describe(IEnumerable<ParseError> errors) =>
        string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"));
}
