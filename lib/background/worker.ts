import "server-only";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { deliverOutbox, purgeSentEmails, smtpTransport, type TMailTransport } from "@/lib/notifications/mailer";
import { announceDuePublications } from "@/lib/releases/announce";
import { resumeQueuedRuns } from "@/lib/runs/start";

/**
 * The server's background chores, on a timer in the Next.js server process (started from
 * instrumentation.ts): send due emails over SMTP when configured, announce releases whose
 * embargo has passed, pick up score runs a restart left queued, and delete old sent emails. Every
 * chore is safe to run from several servers at once (row claims and advisory locks), so running
 * more than one instance needs no coordination.
 */
const TICK_MS = 30_000;
const PURGE_EVERY_MS = 3_600_000;

const g = globalThis as unknown as {
  __localSpiWorker?: { timer: NodeJS.Timeout; running: boolean; again: boolean; lastPurge: number; transport: TMailTransport | null };
};

function transport(): TMailTransport | null {
  const env = getEnv();
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : null;
}

/** Send whatever is due now. Without SMTP configured, does nothing (emails stay in the outbox). */
export async function sendDueEmails(): Promise<{ sent: number; retrying: number; failed: number } | null> {
  const env = getEnv();
  const t = g.__localSpiWorker?.transport ?? transport();
  if (!t || !env.SMTP_FROM) return null;
  let total = { sent: 0, retrying: 0, failed: 0 };
  // batches until nothing is due, so a burst of notices goes out together
  for (let i = 0; i < 20; i++) {
    const r = await deliverOutbox(prisma, t, { from: env.SMTP_FROM });
    total = { sent: total.sent + r.sent, retrying: total.retrying + r.retrying, failed: total.failed + r.failed };
    if (r.sent + r.retrying + r.failed === 0) break;
  }
  if (total.retrying + total.failed > 0) log.warn("some emails could not be sent", { ...total, smtp: t.describe() });
  return total;
}

async function tick() {
  const w = g.__localSpiWorker;
  if (!w) return;
  if (w.running) {
    w.again = true;
    return;
  }
  w.running = true;
  try {
    do {
      w.again = false;
      await resumeQueuedRuns();
      await announceDuePublications(prisma);
      await sendDueEmails();
      if (Date.now() - w.lastPurge > PURGE_EVERY_MS) {
        w.lastPurge = Date.now();
        await purgeSentEmails(prisma);
      }
    } while (w.again);
  } catch (e) {
    log.error("background chores failed", { error: e });
  } finally {
    w.running = false;
  }
}

/** Start the timer once per process. */
export function startBackgroundWork(): void {
  if (g.__localSpiWorker) return;
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  g.__localSpiWorker = { timer, running: false, again: false, lastPurge: 0, transport: transport() };
  const smtp = g.__localSpiWorker.transport;
  log.info("background work started", { email: smtp ? `SMTP via ${smtp.describe()}` : "no SMTP configured: emails stay in the outbox for the operator" });
  setTimeout(() => void tick(), 2_000).unref();
}

/**
 * Run the chores soon, outside the request: called after a change that wrote notifications, so
 * their emails leave within seconds rather than at the next tick.
 */
export function kickBackgroundWork(): void {
  if (!g.__localSpiWorker) startBackgroundWork();
  setImmediate(() => void tick());
}

/** For actions: resolve the workflow change, then get its emails moving. */
export async function thenNotify<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  kickBackgroundWork();
  return result;
}
