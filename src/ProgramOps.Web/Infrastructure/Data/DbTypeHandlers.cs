using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>
/// SQLite has no date types: dates are stored as ISO-8601 text, which sorts and compares correctly.
/// SQL Server gets native date and datetimeoffset values. Registered once per process.
/// </summary>
public static class DbTypeHandlers
{
    private static readonly DateOnlyHandler Dates = new();
    private static readonly DateTimeOffsetHandler Timestamps = new();
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;

        // Dapper's built-in type map wins over handlers when writing parameters, so without this the
        // handlers would only be used for reading and SQLite would store the provider's own format.
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(Dates);
        SqlMapper.AddTypeHandler(Timestamps);
    }

    /// <summary>Sets a hand-made command's parameter the way Dapper would: dates and timestamps as this engine stores them.</summary>
    public static void Bind(IDbDataParameter parameter, object? value)
    {
        switch (value)
        {
            case DateOnly date: Dates.SetValue(parameter, date); break;
            case DateTimeOffset instant: Timestamps.SetValue(parameter, instant); break;
            default: parameter.Value = value ?? DBNull.Value; break;
        }
    }

    /// <summary>
    /// A timestamp as SQLite stores it: always UTC and fixed width, so text order is time order. Also the form a timestamp
    /// takes in a JSON value bound for either engine (<see cref="SqlDialect.JsonRows"/>).
    /// </summary>
    public static string TimestampText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from a {value.GetType().Name}."),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = TimestampText(value);
            }
            else
            {
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value;
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset offset => offset,
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a timestamp from a {value.GetType().Name}."),
        };
    }
}
