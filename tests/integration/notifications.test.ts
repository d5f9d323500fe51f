import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { scopedClient } from "@/lib/db/scoped";
import { deliverOutbox, MAX_ATTEMPTS, purgeSentEmails, RETRY_DELAYS_MS, retryFailedEmails, smtpTransport, STUCK_AFTER_MS } from "@/lib/notifications/mailer";
import { countUnread, listNotifications, markAllRead, openNotification, safePortalPath } from "@/lib/notifications/inbox";
import { notify } from "@/lib/notifications/notify";
import { announceDuePublications } from "@/lib/releases/announce";
import { isolatedDatabase, uniqueId } from "../support/db";
import { startFakeSmtp } from "../support/fake-smtp";
import { createCouncil, createMember } from "../support/fixtures";

/**
 * Notifications end to end below the UI: notify() writes in-app rows and outbox emails, the
 * sender delivers them over real SMTP (a fake server speaking the protocol), retries with
 * back-off and gives up after MAX_ATTEMPTS; people see only their own notifications; an
 * embargoed release is announced once when it goes public.
 *
 * The sender and the announcer act on every due row in the database, so this file has a database
 * of its own: it must not send other files' (or the seeded demo's) emails.
 */
let prisma: PrismaClient;
let db: Awaited<ReturnType<typeof isolatedDatabase>>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
const FROM = "Local SPI <no-reply@spi.example>";

async function emailTo(address: string) {
  return prisma.outboxEmail.findFirstOrThrow({ where: { to: address }, orderBy: { createdAt: "desc" } });
}

async function addEmail(to: string, extra: Partial<{ status: "pending" | "sending" | "sent" | "failed"; lastAttemptAt: Date; sentAt: Date; attempts: number }> = {}) {
  return prisma.outboxEmail.create({ data: { to, subject: `Test ${to}`, body: `Hello ${to}\n\nSecond paragraph.`, ...extra } });
}

beforeAll(async () => {
  db = await isolatedDatabase("notifications");
  prisma = createPrismaClient(db.url, { max: 6 });
  smtp = await startFakeSmtp({ rejectRcpt: /^reject-/ });
}, 60_000);

afterAll(async () => {
  await smtp?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

describe("notify()", () => {
  it("writes one in-app notification and one email per person, in the caller's transaction, with an absolute link", async () => {
    const council = await createCouncil(prisma, "notify");
    const a = await createMember(prisma, council.id, ["reviewer"]);
    const b = await createMember(prisma, council.id, ["reviewer"]);
    await scopedClient(prisma, council.id).$transaction((tx) =>
      notify(tx, { councilId: council.id, userIds: [a.user.id, b.user.id, a.user.id], kind: "release.submitted", title: "Release 4 is awaiting your review", body: "It was submitted.", href: `/c/${council.slug}/releases/4` }),
    );
    expect(await prisma.notification.count({ where: { councilId: council.id } })).toBe(2);
    const email = await emailTo(a.user.email);
    expect(email.subject).toBe("Local SPI: Release 4 is awaiting your review");
    expect(email.status).toBe("pending");
    expect(email.body).toMatch(new RegExp(`Open it in Local SPI: https?://[^\\s]+/c/${council.slug}/releases/4`));

    // a rolled-back change notifies nobody
    await expect(
      scopedClient(prisma, council.id).$transaction(async (tx) => {
        await notify(tx, { councilId: council.id, userIds: [b.user.id], kind: "release.comment", title: "Rolled back", body: "x", href: "/c" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.outboxEmail.count({ where: { subject: "Local SPI: Rolled back" } })).toBe(0);
  });
});

describe("sending the outbox over SMTP", () => {
  it("sends due emails with the configured sender, authenticates, and records them sent", async () => {
    const to = `ok-${uniqueId()}@council.example`;
    await addEmail(to);
    const report = await deliverOutbox(prisma, smtpTransport(smtp.url("mailer", "p@ss:w/rd")), { from: FROM, batch: 500 });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const got = smtp.received.filter((m) => m.to.includes(to));
    expect(got).toHaveLength(1);
    expect(got[0].from).toBe("no-reply@spi.example");
    expect(got[0].auth).toBe("mailer:p@ss:w/rd");
    expect(got[0].data).toMatch(new RegExp(`Subject: Test ${to}`));
    expect(got[0].data).toContain("Second paragraph.");
    const row = await emailTo(to);
    expect(row.status).toBe("sent");
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBe(1);
    // nothing is sent twice
    await deliverOutbox(prisma, smtpTransport(smtp.url()), { from: FROM, batch: 500 });
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("retries a refused email with back-off, then marks it failed with the reason, without the SMTP password", async () => {
    const to = `reject-${uniqueId()}@council.example`;
    await addEmail(to);
    const url = smtp.url("mailer", "hunter2-secret");
    let clock = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverOutbox(prisma, smtpTransport(url), { from: FROM, batch: 500, now: () => new Date(clock) });
      const row = await emailTo(to);
      expect(row.attempts).toBe(attempt);
      expect(row.error).toMatch(/550|mailbox unavailable/);
      expect(row.error).not.toContain("hunter2-secret");
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        expect(row.nextAttemptAt.getTime()).toBe(clock + RETRY_DELAYS_MS[attempt - 1]);
        // not due yet: a run now leaves it alone
        await deliverOutbox(prisma, smtpTransport(url), { from: FROM, batch: 500, now: () => new Date(clock) });
        expect((await emailTo(to)).attempts).toBe(attempt);
        clock = row.nextAttemptAt.getTime();
      } else {
        expect(row.status).toBe("failed");
      }
    }
    expect(smtp.received.some((m) => m.to.includes(to))).toBe(false);
    // the operator's "try again" makes it due with fresh attempts
    const row = await emailTo(to);
    expect(await retryFailedEmails(prisma, [row.id])).toBe(1);
    expect(await emailTo(to)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("an unreachable server is a retry, not a crash", async () => {
    const to = `down-${uniqueId()}@council.example`;
    await addEmail(to);
    const closed = await startFakeSmtp();
    const url = closed.url();
    await closed.stop();
    const report = await deliverOutbox(prisma, smtpTransport(url), { from: FROM, batch: 500 });
    expect(report.retrying).toBeGreaterThanOrEqual(1);
    expect(await emailTo(to)).toMatchObject({ status: "pending", attempts: 1 });
    expect((await emailTo(to)).error).toMatch(/ECONNREFUSED|connect/i);
  });

  it("two senders at once deliver each email exactly once", async () => {
    const tos = Array.from({ length: 12 }, () => `race-${uniqueId()}@council.example`);
    for (const to of tos) await addEmail(to);
    const t = smtpTransport(smtp.url());
    await Promise.all([deliverOutbox(prisma, t, { from: FROM, batch: 500 }), deliverOutbox(prisma, t, { from: FROM, batch: 500 }), deliverOutbox(prisma, t, { from: FROM, batch: 500 })]);
    for (const to of tos) {
      expect(smtp.received.filter((m) => m.to.includes(to)), to).toHaveLength(1);
      expect((await emailTo(to)).status).toBe("sent");
    }
  });

  it("an email left 'sending' by a dead process is sent again after a while", async () => {
    const to = `stuck-${uniqueId()}@council.example`;
    await addEmail(to, { status: "sending", attempts: 1, lastAttemptAt: new Date(Date.now() - STUCK_AFTER_MS - 60_000) });
    await deliverOutbox(prisma, smtpTransport(smtp.url()), { from: FROM, batch: 500 });
    expect(await emailTo(to)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sent emails are deleted after the retention period; unsent ones are kept", async () => {
    const old = `old-${uniqueId()}@council.example`;
    const waiting = `waiting-${uniqueId()}@council.example`;
    await addEmail(old, { status: "sent", sentAt: new Date(Date.now() - 91 * 86_400_000) });
    await prisma.outboxEmail.create({ data: { to: waiting, subject: "x", body: "x", createdAt: new Date(Date.now() - 200 * 86_400_000) } });
    expect(await purgeSentEmails(prisma)).toBeGreaterThanOrEqual(1);
    expect(await prisma.outboxEmail.count({ where: { to: old } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { to: waiting } })).toBe(1);
  });
});

describe("a person's notifications", () => {
  it("are theirs only, from councils they still belong to; opening one marks it read", async () => {
    const c1 = await createCouncil(prisma, "inbox1");
    const c2 = await createCouncil(prisma, "inbox2");
    const me = await createMember(prisma, c1.id, ["officer"]);
    await prisma.membership.create({ data: { councilId: c2.id, userId: me.user.id, roles: ["officer"] } });
    const other = await createMember(prisma, c1.id, ["officer"]);
    const mk = (councilId: string, userId: string, title: string, href = "/c") => prisma.notification.create({ data: { councilId, userId, kind: "release.comment", title, body: "b", href } });
    const mine1 = await mk(c1.id, me.user.id, "one", `/c/${c1.slug}/releases/1`);
    await mk(c2.id, me.user.id, "two");
    const theirs = await mk(c1.id, other.user.id, "theirs");

    expect(await countUnread(prisma, me.user.id)).toBe(2);
    const list = await listNotifications(prisma, me.user.id);
    expect(list.items.map((n) => n.title).sort()).toEqual(["one", "two"]);
    expect(list.items.find((n) => n.title === "one")?.council.slug).toBe(c1.slug);

    expect(await openNotification(prisma, me.user.id, theirs.id), "someone else's notification").toBeNull();
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await openNotification(prisma, me.user.id, mine1.id)).toBe(`/c/${c1.slug}/releases/1`);
    expect(await countUnread(prisma, me.user.id)).toBe(1);
    expect((await listNotifications(prisma, me.user.id, { unreadOnly: true })).items.map((n) => n.title)).toEqual(["two"]);

    // leaving a council hides its news
    await prisma.membership.deleteMany({ where: { councilId: c2.id, userId: me.user.id } });
    expect(await countUnread(prisma, me.user.id)).toBe(0);
    expect((await listNotifications(prisma, me.user.id)).items.map((n) => n.title)).toEqual(["one"]);

    await mk(c1.id, me.user.id, "three");
    expect(await markAllRead(prisma, me.user.id)).toBe(1);
    expect(await countUnread(prisma, me.user.id)).toBe(0);
    expect(await countUnread(prisma, other.user.id), "marking mine read leaves theirs").toBe(1);
  });

  it("pages through long lists", async () => {
    const c = await createCouncil(prisma, "paging");
    const me = await createMember(prisma, c.id, ["officer"]);
    await prisma.notification.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ councilId: c.id, userId: me.user.id, kind: "release.comment", title: `n${i}`, body: "b", href: "/c", createdAt: new Date(Date.now() - i * 1000) })) });
    const p1 = await listNotifications(prisma, me.user.id);
    const p2 = await listNotifications(prisma, me.user.id, { page: 2 });
    expect(p1.pages).toBe(2);
    expect(p1.items[0].title).toBe("n0");
    expect(p1.items.length + p2.items.length).toBe(30);
    expect(new Set([...p1.items, ...p2.items].map((n) => n.id)).size).toBe(30);
    expect((await listNotifications(prisma, me.user.id, { page: 99 })).page, "a page past the end shows the last").toBe(2);
  });

  it("only follows links inside the portal", () => {
    expect(safePortalPath("/c/x/releases/2")).toBe("/c/x/releases/2");
    expect(safePortalPath("//evil.example/x")).toBe("/notifications");
    expect(safePortalPath("/\\evil.example")).toBe("/notifications");
    expect(safePortalPath("https://evil.example")).toBe("/notifications");
    expect(safePortalPath("javascript:alert(1)")).toBe("/notifications");
  });
});

describe("an embargoed release going public", () => {
  it("is announced once to the people who worked on it, and audited, even with two servers checking at once", async () => {
    const council = await createCouncil(prisma, "embargo");
    const edition = await prisma.frameworkEdition.create({ data: { code: `tiny-${council.id}`, edition: "1", name: "Tiny framework", definition: { dimensions: [] }, periodMin: 2000, periodMax: 2030 } });
    const officer = await createMember(prisma, council.id, ["officer"]);
    const reviewer = await createMember(prisma, council.id, ["reviewer"]);
    const run = await prisma.scoreRun.create({ data: { councilId: council.id, frameworkEditionId: edition.id, periods: [2014], options: {}, startedById: officer.user.id, datasetIds: [], status: "succeeded" } });
    const approvedAt = new Date(Date.now() - 3_600_000);
    const publishAt = new Date(Date.now() - 60_000);
    // a submitted release, then approved with an embargo that has now passed (through the guard, as the workflow does)
    const release = await prisma.release.create({ data: { councilId: council.id, version: 1, title: "Index 2014", scoreRunId: run.id, createdById: officer.user.id, state: "submitted", submittedById: officer.user.id, submittedAt: approvedAt } });
    await prisma.release.update({ where: { id: release.id }, data: { state: "approved", approvedById: reviewer.user.id, approvedAt, publishAt } });
    const future = await prisma.release.create({ data: { councilId: council.id, version: 2, title: "Not yet", scoreRunId: (await prisma.scoreRun.create({ data: { councilId: council.id, frameworkEditionId: edition.id, periods: [2014], options: {}, startedById: officer.user.id, datasetIds: [], status: "succeeded" } })).id, createdById: officer.user.id, state: "draft" } });

    const counts = await Promise.all([announceDuePublications(prisma), announceDuePublications(prisma)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const notices = await prisma.notification.findMany({ where: { councilId: council.id, kind: "release.published" } });
    expect(notices.map((n) => n.userId).sort()).toEqual([officer.user.id, reviewer.user.id].sort());
    expect(notices[0].title).toBe("Release 1 is now published");
    expect(await prisma.auditEvent.count({ where: { councilId: council.id, action: "release.published", entityId: release.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { councilId: council.id, action: "release.published", entityId: future.id } })).toBe(0);

    await announceDuePublications(prisma);
    expect(await prisma.notification.count({ where: { councilId: council.id, kind: "release.published" } }), "announced once").toBe(2);
  });
});
