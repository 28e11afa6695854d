package io.sidecar.prm.bench;

/**
 * The raw stores' ceilings, measured in the same run on the same machine as the product's figures: the
 * denominators of the benchmark's ratios. All figures are operations (rows, documents, queries) per second.
 *
 * @param h2InsertPerCommit         one event-shaped row per commit, the product's durability settings, 1 thread
 * @param h2InsertPerCommitThreaded the same on 16 threads and 16 connections
 * @param h2InsertBatch500          500 rows per commit
 * @param h2ReadGlobalOrder         reading the table in global order, pages of 1,000 rows
 * @param mongoUpsertSingle         one driver upsert call per document, embedded server, H2 file backend
 * @param mongoUpsertBulk500        unordered bulk writes of 500 upserts
 * @param mongoFindById             find by {@code _id}
 * @param mongoFilteredPage         a filter + sort + limit 50 page over 10,000 partner-shaped documents
 */
record CeilingFigures(
        double h2InsertPerCommit,
        double h2InsertPerCommitThreaded,
        double h2InsertBatch500,
        double h2ReadGlobalOrder,
        double mongoUpsertSingle,
        double mongoUpsertBulk500,
        double mongoFindById,
        double mongoFilteredPage) {}
