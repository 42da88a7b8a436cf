using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>Who uploads a roster, where to, and how its bytes are to be read.</summary>
public sealed record RosterUploadRequest(int CohortId, int ContractId, string FileName, RosterEncoding Encoding, int? UserId, string Actor);

/// <summary>Stores an uploaded roster as a new import waiting for its check, inside the caller's transaction.</summary>
public static class RosterUpload
{
    public static async Task<int> StoreAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, RosterUploadRequest request, Stream file, DateTimeOffset now, CancellationToken ct)
    {
        var id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ImportsSql.Insert(dialect), new
        {
            request.CohortId, request.ContractId, FileName = Path.GetFileName(request.FileName), RequestedEncoding = request.Encoding.ToString(),
            request.UserId, request.Actor, Now = now,
        }, transaction, cancellationToken: ct));
        var stored = await RosterFileStore.SaveAsync(connection, transaction, id, file, ct);
        await connection.ExecuteAsync(new CommandDefinition(ImportsSql.SetFile,
            new { Id = id, FileSha256 = stored.Sha256, FileBytes = stored.Bytes }, transaction, cancellationToken: ct));
        return id;
    }

    /// <summary>Asks the worker to commit a previewed import, as the preview's button does.</summary>
    public static async Task<bool> RequestCommitAsync(
        DbConnection connection, DbTransaction transaction, int importId, int version, int? userId, string actor, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(ImportsSql.RequestCommit,
            new { Id = importId, Version = version, UserId = userId, Actor = actor, Now = now }, transaction, cancellationToken: ct)) == 1;
}
