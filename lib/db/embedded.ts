import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * The embedded database: PGlite (Postgres compiled to WebAssembly) served on loopback by
 * pglite-socket, so the app talks to it through the same `pg` driver as real Postgres.
 *
 * PGlite allows one process per data folder and has no lock of its own, so we keep one in
 * `<dir>.lock` (pid and URL): a second process on the same folder connects to the first
 * one's server instead of opening the folder again.
 */
export interface TEmbeddedDatabase {
  url: string;
  /** true when this process started the server (and must stop it) */
  owned: boolean;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Start (or join) the embedded database for a data folder. `dir: ":memory:"` gives a
 * throwaway in-memory database (used by `npm test` when no DATABASE_URL is set).
 */
export async function startEmbeddedDatabase(dir: string, options?: { port?: number }): Promise<TEmbeddedDatabase> {
  const memory = dir === ":memory:";
  const abs = memory ? "" : path.resolve(dir);
  const lockFile = memory ? "" : `${abs}.lock`;
  if (!memory && existsSync(lockFile)) {
    try {
      const lock = JSON.parse(readFileSync(lockFile, "utf8")) as { pid: number; url: string };
      if (lock.pid !== process.pid && isAlive(lock.pid)) {
        return { url: lock.url, owned: false, stop: async () => {} };
      }
    } catch {
      // an unreadable lock is stale: fall through and take it over
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (!memory) mkdirSync(abs, { recursive: true });
  const db = memory ? await PGlite.create() : await PGlite.create(abs);
  const port = options?.port ?? (await freePort());
  // pg.Pool opens several connections; the default of 1 breaks it.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 20 });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  if (!memory) writeFileSync(lockFile, JSON.stringify({ pid: process.pid, url }));
  let stopped = false;
  return {
    url,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (!memory) rmSync(lockFile, { force: true });
    },
  };
}
