namespace ProgramOps.Web.Features.Programs;

/// <summary>The program writes that more than one caller makes (the admin pages and the demo), inside the caller's transaction.</summary>
public static class ProgramWrites
{
    /// <summary>A new program with its definition as draft version 1.</summary>
    public static async Task<(int ProgramId, int VersionId)> LaunchAsync(
        DbConnection c, DbTransaction t, SqlDialect dialect, string code, ProgramDefinition definition, DateTimeOffset now, string actor)
    {
        var programId = await c.ExecuteScalarAsync<int>(ProgramsSql.InsertProgram + dialect.SelectNewId, new { Code = code, Now = now, Actor = actor }, t);
        var versionId = await c.ExecuteScalarAsync<int>(ProgramsSql.InsertVersion + dialect.SelectNewId,
            new { ProgramId = programId, VersionNumber = 1, Definition = ProgramDefinitionJson.Serialize(definition), Now = now, Actor = actor }, t);
        return (programId, versionId);
    }

    /// <summary>Publishes a draft version still at <paramref name="version"/> (frozen from then on) and retires the program's published one.</summary>
    /// <returns>False when the draft changed since <paramref name="version"/>.</returns>
    public static async Task<bool> PublishAsync(DbConnection c, DbTransaction t, int programId, int versionId, int version, DateTimeOffset now, string actor)
    {
        await c.ExecuteAsync(ProgramsSql.RetirePublished, new { ProgramId = programId, Now = now, Actor = actor }, t);
        return await c.ExecuteAsync(ProgramsSql.Publish, new { Id = versionId, Version = version, Now = now, Actor = actor }, t) == 1;
    }
}
