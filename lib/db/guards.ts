/**
 * Database functions our migrations create for rules Prisma cannot express. The schema drift
 * test expects exactly these (and no other) functions in a migrated database.
 *
 * - audit_event_append_only: the audit log refuses UPDATE, DELETE and TRUNCATE.
 * - release_guard: four-eyes approval, and approved releases are immutable.
 * - score_run_guard: the score run of an approved release is immutable.
 */
export const DATABASE_GUARD_FUNCTIONS = ["audit_event_append_only", "release_guard", "score_run_guard"] as const;
