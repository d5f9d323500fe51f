import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withVat } from "./money";
import { periodEndFrom, periodPricePence, planForWards } from "./pricing";
import { seedPlans } from "./plans";
import { nextReference } from "./references";

/**
 * Billing for the demo: the default price list, and a subscription for each demo council that has
 * none, so both can run everything: Barking and Dagenham on a one-year pilot (so the quote journey
 * can be tried), Havering on an active Standard annual subscription in manual mode with its
 * first invoice paid. Idempotent.
 */
export async function seedBilling(db: PrismaClient, councils: Array<{ slug: string; demoStatus: "pilot" | "active" }>, now = new Date()) {
  const report: string[] = [];
  const created = await seedPlans(db);
  if (created) report.push(`Created ${created} plans`);
  const plans = await db.plan.findMany();
  for (const c of councils) {
    const council = await db.council.findUnique({ where: { slug: c.slug }, include: { subscription: true } });
    if (!council || council.subscription) continue;
    const wards = await db.area.count({ where: { councilId: council.id, kind: "ward", vintage: council.boundaryVintage } });
    const plan = planForWards(plans, "standard", Math.max(wards, 1));
    if (!plan) continue;
    const pricePence = periodPricePence(plan, "annual");
    const periodEnd = periodEndFrom(now, "annual");
    await db.$transaction(async (tx) => {
      const sub = await tx.subscription.create({
        data: { councilId: council.id, planId: plan.id, term: "annual", status: c.demoStatus, mode: "manual", pricePence, currentPeriodStart: now, currentPeriodEnd: periodEnd },
      });
      if (c.demoStatus === "active") {
        const v = withVat(pricePence);
        await tx.invoice.create({
          data: {
            councilId: council.id,
            subscriptionId: sub.id,
            number: await nextReference(tx, "INV", now),
            status: "paid",
            mode: "manual",
            subtotalPence: v.netPence,
            vatPence: v.vatPence,
            totalPence: v.totalPence,
            amountPaidPence: v.totalPence,
            description: `${plan.name}, annual`,
            periodStart: now,
            periodEnd,
            issuedAt: now,
            dueAt: new Date(now.getTime() + 30 * 86_400_000),
            paidAt: now,
          },
        });
      }
    });
    report.push(`${council.name}: ${c.demoStatus} subscription (${plan.name})`);
  }
  return report;
}
