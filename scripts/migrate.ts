import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { connectForScript } from "./db-connect";

const { url, embedded } = await connectForScript();
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  const applied = await applyMigrations(client);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await client.end();
  await embedded?.stop();
}
