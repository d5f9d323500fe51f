import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemo, demoAccountsTable } from "@/lib/db/seed";
import { getEnv } from "@/lib/env";
import { connectForScript } from "./db-connect";

const { url, embedded } = await connectForScript();
const db = createPrismaClient(url, { max: 2 });
try {
  const withDemoUsers = getEnv().demoAccounts;
  const report = await seedDemo(db, { withDemoUsers });
  for (const line of report) console.log(line);
  console.log(withDemoUsers ? `Demo accounts:\n${demoAccountsTable()}` : "No demo accounts (production without DEMO=1).");
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
