import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The next number of a per-year sequence, atomically (one upsert row per key and year, so two
 * quotes created at once never share a number). Runs inside the caller's transaction.
 */
export async function nextSequence(tx: Pick<Prisma.TransactionClient, "$queryRaw">, key: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ last: number }>>`
    INSERT INTO "BillingCounter" ("key", "last") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "last" = "BillingCounter"."last" + 1
    RETURNING "last"`;
  return Number(rows[0].last);
}

/** "LSPI-Q-2026-0001": a prefix, the year (Europe/London calendar year of `at`) and a 4-digit sequence. */
export function formatReference(prefix: "Q" | "INV", year: number, seq: number): string {
  return `LSPI-${prefix}-${year}-${String(seq).padStart(4, "0")}`;
}

/** The next reference of a kind for the year of `at`. */
export async function nextReference(tx: Pick<Prisma.TransactionClient, "$queryRaw">, prefix: "Q" | "INV", at = new Date()): Promise<string> {
  const year = Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/London" }).format(at));
  return formatReference(prefix, year, await nextSequence(tx, `${prefix}:${year}`));
}
