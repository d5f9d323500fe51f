// Prisma 7's CLI insists on downloading the native schema-engine before `generate`;
// pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file skips that. Generation itself
// is pure JS/WASM, so this works offline. Migrations are our own SQL runner (scripts/migrate.ts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const schema = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));
if (!existsSync(schema)) process.exit(0);
const cli = require.resolve("prisma/build/index.js");
const stub = fileURLToPath(new URL("./schema-engine-stub.sh", import.meta.url));
const r = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(r.status ?? 1);
