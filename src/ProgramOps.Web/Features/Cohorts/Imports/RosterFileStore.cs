using System.Data;
using System.Security.Cryptography;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>The bytes and SHA-256 of a stored roster file.</summary>
public sealed record StoredFile(long Bytes, string Sha256);

/// <summary>
/// Keeps an uploaded roster in the database, in pieces of <see cref="ChunkSize"/> bytes, between the preview and
/// the commit. The database rather than a local folder, so that with several web nodes the commit may run on
/// another node than the upload did.
/// </summary>
public static class RosterFileStore
{
    public const int ChunkSize = 1024 * 1024;

    /// <summary>Copies <paramref name="file"/> into the import's chunks, hashing as it goes.</summary>
    /// <remarks>
    /// One chunk-sized buffer serves every full chunk (a chunk is on the large-object heap, which is collected rarely: a
    /// new one per chunk would pile up the size of the file).
    /// </remarks>
    public static async Task<StoredFile> SaveAsync(DbConnection connection, DbTransaction transaction, int importId, Stream file, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long total = 0;
        var sequence = 0;
        int filled;
        while ((filled = await file.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct)) > 0)
        {
            sha.AppendData(buffer, 0, filled);
            await connection.ExecuteAsync(new CommandDefinition(ImportsSql.InsertChunk,
                new { ImportId = importId, Sequence = sequence++, Content = filled == ChunkSize ? buffer : buffer[..filled] }, transaction, cancellationToken: ct));
            total += filled;
        }

        return new StoredFile(total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>A forward-only stream over the stored file, one chunk in memory at a time.</summary>
    public static Stream OpenRead(DbConnection connection, int importId) => new ChunkStream(connection, importId);

    private sealed class ChunkStream(DbConnection connection, int importId) : Stream
    {
        // Every chunk is read into this one buffer, for the reason the upload uses one.
        private readonly byte[] chunk = new byte[ChunkSize];
        private int length;
        private int offset;
        private int nextSequence;
        private bool ended;
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        /// <summary>Bytes handed out so far: how far through the file its reader is.</summary>
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        /// <summary>Refused: the next chunk comes from the database, and waiting for it here would block a thread.</summary>
        public override int Read(Span<byte> buffer) =>
            throw new NotSupportedException("A stored roster is read with ReadAsync: a synchronous read would block a thread on the database.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (offset == length && !ended) await LoadNextAsync(cancellationToken);
            return Take(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Take(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, length - offset);
            chunk.AsSpan(offset, count).CopyTo(buffer);
            offset += count;
            position += count;
            return count;
        }

        private async ValueTask LoadNextAsync(CancellationToken ct)
        {
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ImportsSql.ReadChunk(SqlDialect.Of(connection)),
                new { ImportId = importId, Sequence = nextSequence }, cancellationToken: ct), CommandBehavior.SequentialAccess);
            nextSequence++;
            offset = 0;
            length = 0;
            ended = !await reader.ReadAsync(ct);
            if (ended) return;
            await using var content = reader.GetStream(reader.FieldCount - 1);
            length = await content.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, ct);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
