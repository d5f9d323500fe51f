import { getEnv } from "@/lib/env";
import { startEmbeddedDatabase, type TEmbeddedDatabase } from "@/lib/db/embedded";

/**
 * For command-line scripts: DATABASE_URL when set, otherwise the embedded database in
 * PGLITE_DIR (joining the running `npm start` server if there is one).
 */
export async function connectForScript(): Promise<{ url: string; embedded: TEmbeddedDatabase | null }> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedDatabase(env.PGLITE_DIR);
  return { url: embedded.url, embedded };
}
