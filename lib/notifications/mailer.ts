import nodemailer from "nodemailer";
import type { OutboxEmail, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Sending the email outbox over SMTP.
 *
 * `notify()` writes an OutboxEmail row in the same transaction as the change it reports, so an
 * email exists exactly when the change committed. This module works through those rows: each
 * batch is claimed with `FOR UPDATE SKIP LOCKED` (two servers never send the same email),
 * a failed attempt is retried with back-off, and after MAX_ATTEMPTS the email is marked
 * failed with the reason, for the operator to see and retry. Without SMTP configured nothing is
 * sent: the emails stay pending in the outbox, which the operator reads in the console.
 */

export interface TMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Anything that can send one email; nodemailer's SMTP transport in the service. */
export interface TMailTransport {
  /** a description safe to show (host and port, never credentials) */
  describe(): string;
  send(mail: TMail): Promise<void>;
}

export const MAX_ATTEMPTS = 5;
/** Wait before attempt n+1 after n failed attempts: 1 min, 5 min, 30 min, 2 h. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** An email left "sending" this long was being sent by a process that died: try it again. */
export const STUCK_AFTER_MS = 10 * 60_000;
/** Sent emails hold addresses (personal data) and are deleted this long after sending. */
export const SENT_RETENTION_DAYS = 90;

/** What an SMTP URL points at, for messages: host and port only. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    const tls = u.protocol === "smtps:" ? "TLS" : "STARTTLS when offered";
    return `${u.hostname}:${u.port || (u.protocol === "smtps:" ? "465" : "587")} (${tls})`;
  } catch {
    return "the configured SMTP server";
  }
}

/** Remove the SMTP URL's credentials from anything we store or show, and keep it short. */
export function redactSmtpError(message: string, url: string): string {
  let out = message;
  try {
    const u = new URL(url);
    for (const secret of [u.password, decodeURIComponent(u.password), u.username, decodeURIComponent(u.username)]) {
      if (secret) out = out.split(secret).join("***");
    }
  } catch {
    // an unparsable URL never reaches here: lib/env.ts validated it
  }
  out = out.replace(/\s+/g, " ").trim();
  return out.length > 500 ? `${out.slice(0, 497)}...` : out;
}

export function smtpTransport(url: string): TMailTransport {
  const transporter = nodemailer.createTransport(url, {
    // a council's relay that hangs must not hold the sender for minutes
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    describe: () => describeSmtpUrl(url),
    async send(mail) {
      try {
        await transporter.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (e) {
        throw new Error(redactSmtpError((e as Error).message ?? String(e), url));
      }
    },
  };
}

export interface TDeliveryReport {
  sent: number;
  /** failed this time and will be tried again */
  retrying: number;
  /** failed for the last time */
  failed: number;
}

type TDb = Pick<PrismaClient, "$queryRaw" | "outboxEmail">;

/**
 * Claim up to `batch` due emails and send them one by one. Safe to call from several processes
 * at once. Returns what happened.
 */
export async function deliverOutbox(db: TDb, transport: TMailTransport, opts: { from: string; batch?: number; now?: () => Date }): Promise<TDeliveryReport> {
  const now = opts.now ?? (() => new Date());
  const report: TDeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const t0 = now();
  // a process that died mid-send leaves rows "sending": after a while they are due again
  await db.outboxEmail.updateMany({
    where: { status: "sending", lastAttemptAt: { lt: new Date(t0.getTime() - STUCK_AFTER_MS) } },
    data: { status: "pending", nextAttemptAt: t0 },
  });
  const claimed = await db.$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail" SET "status" = 'sending', "attempts" = "attempts" + 1, "lastAttemptAt" = ${t0}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${t0}
      ORDER BY "createdAt", "id"
      LIMIT ${opts.batch ?? 50}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  for (const email of claimed) {
    try {
      await transport.send({ from: opts.from, to: email.to, subject: email.subject, text: email.body });
      await db.outboxEmail.update({ where: { id: email.id }, data: { status: "sent", sentAt: now(), error: null } });
      report.sent++;
    } catch (e) {
      const error = (e as Error).message || "The SMTP server refused the email.";
      const last = email.attempts >= MAX_ATTEMPTS;
      const delay = RETRY_DELAYS_MS[Math.min(email.attempts - 1, RETRY_DELAYS_MS.length - 1)];
      await db.outboxEmail.update({
        where: { id: email.id },
        data: last ? { status: "failed", error } : { status: "pending", error, nextAttemptAt: new Date(now().getTime() + delay) },
      });
      if (last) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** Delete sent emails older than the retention period (they hold people's addresses). */
export async function purgeSentEmails(db: TDb, now = new Date()): Promise<number> {
  const { count } = await db.outboxEmail.deleteMany({
    where: { status: "sent", sentAt: { lt: new Date(now.getTime() - SENT_RETENTION_DAYS * 86_400_000) } },
  });
  return count;
}

/** The operator's "try again" on emails that failed for good: due now, with fresh attempts. */
export async function retryFailedEmails(db: TDb, ids?: string[]): Promise<number> {
  const { count } = await db.outboxEmail.updateMany({
    where: { status: "failed", ...(ids ? { id: { in: ids } } : {}) },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date() },
  });
  return count;
}

export const OUTBOX_PAGE_SIZE = 50;
export type TOutboxFilter = "all" | "pending" | "failed" | "sent";

/** The operator's view of the outbox: counts by status and one page of emails, newest first. */
export async function listOutbox(db: TDb, opts: { status?: TOutboxFilter; page?: number } = {}) {
  const status = opts.status && opts.status !== "all" ? opts.status : undefined;
  // "pending" on screen includes emails being sent at this moment
  const where = status === "pending" ? { status: { in: ["pending" as const, "sending" as const] } } : status ? { status } : {};
  const [groups, total] = await Promise.all([db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }), db.outboxEmail.count({ where })]);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
  const emails = await db.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * OUTBOX_PAGE_SIZE, take: OUTBOX_PAGE_SIZE });
  return { counts, emails, total, page, pages };
}
