import { getEnv } from "@/lib/env";

/** Largest upload accepted, in bytes (MAX_UPLOAD_MB, default 50 MB). */
export function maxUploadBytes(): number {
  return Math.floor(getEnv().MAX_UPLOAD_MB * 1024 * 1024);
}

/** How long an unfinished upload and its staged raw file are kept, in milliseconds (default 24 h). */
export function uploadLifetimeMs(): number {
  return getEnv().UPLOAD_EXPIRY_HOURS * 60 * 60 * 1000;
}

/** Observations inserted per statement when loading: large enough to be fast, small enough for Postgres' parameter limit. */
export const LOAD_BATCH_SIZE = 2000;
