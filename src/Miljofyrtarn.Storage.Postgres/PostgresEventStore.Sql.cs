namespace Miljofyrtarn.Storage.Postgres;

/// <summary>The store's statements, with its schema written in once.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>The statements for one schema; the name is checked to be a plain identifier before it is written in.</summary>
    private sealed class Sql(string schema)
    {
        public string Schema { get; } = $"\"{schema}\"";

        public string Events => $"{Schema}.mft_events";

        public string Snapshots => $"{Schema}.mft_snapshots";

        public string Notifications => $"{Schema}.mft_notifications";

        public string EventHash => field ??= $"SELECT hash FROM {Events} WHERE stream = $1 AND sequence = $2";

        public string WriteSnapshot => field ??= $"""
            INSERT INTO {Snapshots} (stream, version, chain_head, digest, document)
            SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM {Events} WHERE stream = $1 AND sequence = $2 AND hash = $3)
            ON CONFLICT (stream) DO UPDATE SET version = excluded.version, chain_head = excluded.chain_head, digest = excluded.digest, document = excluded.document
            WHERE excluded.version > {Snapshots}.version
            """;

        public string ReadSnapshot => field ??= $"""
            SELECT s.version, s.chain_head, s.digest, s.document, e.hash
            FROM {Snapshots} s LEFT JOIN {Events} e ON e.stream = s.stream AND e.sequence = s.version
            WHERE s.stream = $1
            """;

        public string Insert => field ??= $"""
            INSERT INTO {Events} (stream, sequence, type, occurred_at, actor, body, payload, hash)
            SELECT $1, e.sequence, e.type, e.occurred_at, e.actor, e.body, convert_from(e.body, 'UTF8')::jsonb, e.hash
            FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::bytea[], $7::bytea[])
                AS e(sequence, type, occurred_at, actor, body, hash)
            WHERE $8 = 0 OR EXISTS (SELECT 1 FROM {Events} h WHERE h.stream = $1 AND h.sequence = $8 AND h.hash = $9)
            """;

        public string Head => field ??= $"SELECT sequence, hash FROM {Events} WHERE stream = $1 ORDER BY sequence DESC LIMIT 1";

        public string ReadStream => field ??= $"SELECT sequence, body, hash FROM {Events} WHERE stream = $1 AND sequence >= $2 ORDER BY sequence LIMIT $3";

        public string ListStreams => field ??= $"SELECT stream, max(sequence) FROM {Events} WHERE stream > $1 GROUP BY stream ORDER BY stream LIMIT $2";

        public string ReadFeed => field ??= $"""
            SELECT e.position, e.stream, e.sequence, e.body, e.hash, p.hash
            FROM {Events} e LEFT JOIN {Events} p ON p.stream = e.stream AND p.sequence = e.sequence - 1
            WHERE e.position > $1 ORDER BY e.position LIMIT $2
            """;

        /// <summary>Takes the feed's lock: numberers take turns, and the next statement's snapshot sees what the one before numbered.</summary>
        public string LockFeed => field ??= $"SELECT last_position FROM {Schema}.mft_feed WHERE id = 1 FOR UPDATE";

        /// <summary>
        /// Numbers the events of finished transactions that have no position yet, in transaction order, after the
        /// feed's last position. Only transactions older than every running one are numbered (their IDs are below the
        /// snapshot's xmin), so a transaction that commits later always gets later positions.
        /// </summary>
        public string NumberPending => field ??= $"""
            WITH pending AS (
                SELECT stream, sequence, row_number() OVER (ORDER BY transaction_id, stream, sequence) AS n
                FROM {Events}
                WHERE position IS NULL AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY transaction_id, stream, sequence
                LIMIT $1),
            numbered AS (
                UPDATE {Events} e SET position = (SELECT last_position FROM {Schema}.mft_feed WHERE id = 1) + p.n
                FROM pending p WHERE e.stream = p.stream AND e.sequence = p.sequence AND e.position IS NULL
                RETURNING e.position)
            UPDATE {Schema}.mft_feed SET last_position = COALESCE((SELECT max(position) FROM numbered), last_position)
            WHERE id = 1
            RETURNING (SELECT count(*) FROM numbered),
                EXISTS (SELECT 1 FROM {Events} w WHERE w.position IS NULL AND w.transaction_id >= pg_snapshot_xmin(pg_current_snapshot()))
            """;

        public string HasPending => field ??= $"SELECT EXISTS (SELECT 1 FROM {Events} WHERE position IS NULL)";
    }
}
