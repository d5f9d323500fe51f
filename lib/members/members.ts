import "server-only";
import type { TActionContext } from "@/lib/actions/define";
import { recordAudit } from "@/lib/audit/record";
import { canGrant, ROLE_LABELS, type TRole } from "@/lib/auth/permissions";
import { hashPassword, temporaryPassword } from "@/lib/auth/password";
import type { TScopedClient, TScopedTx } from "@/lib/db/scoped";
import { AppError, notFound } from "@/lib/errors";

type TCtx = Pick<TActionContext, "user" | "council" | "roles" | "db" | "requestId" | "viaOperator">;

/** Members of the council with their user details, admins first then by email. */
export async function findMembers(db: TScopedClient) {
  const rows = await db.membership.findMany({
    include: { user: { select: { id: true, email: true, name: true, passwordHash: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .map((m) => ({
      id: m.id,
      userId: m.user.id,
      email: m.user.email,
      name: m.user.name,
      roles: m.roles as TRole[],
      hasPassword: m.user.passwordHash !== null,
      createdAt: m.createdAt,
    }))
    .sort((a, b) => Number(b.roles.includes("admin")) - Number(a.roles.includes("admin")) || a.email.localeCompare(b.email));
}

function refuseUngrantable(ctx: TCtx, roles: readonly TRole[]): void {
  const granter = { roles: ctx.roles, isOperator: ctx.viaOperator && ctx.user.isOperator };
  const lacking = roles.filter((r) => !canGrant(granter, r));
  if (lacking.length > 0) {
    throw new AppError(
      "PRECONDITION",
      `You cannot grant the ${lacking.map((r) => ROLE_LABELS[r].toLowerCase()).join(" or ")} role: only someone who holds that role's permissions can grant it.`,
      { fieldErrors: { roles: ["You cannot grant a role you do not hold"] } },
    );
  }
}

/** Lock the council's memberships for the rest of the transaction, so two admins cannot race past the last-admin rule. */
async function lockMemberships(tx: TScopedTx, councilId: string) {
  await tx.$queryRaw`SELECT id FROM "Membership" WHERE "councilId" = ${councilId} FOR UPDATE`;
}

async function refuseLastAdmin(tx: TScopedTx, membershipId: string, keepsAdmin: boolean) {
  if (keepsAdmin) return;
  const admins = await tx.membership.findMany({ where: { roles: { has: "admin" } }, select: { id: true } });
  if (admins.length === 1 && admins[0].id === membershipId) {
    throw new AppError(
      "PRECONDITION",
      "This is the council's only administrator. Make another member an administrator first, so the council is never left without one.",
    );
  }
}

/**
 * Add a person to the council by email. Someone new gets an account with a temporary password,
 * returned once so the admin can pass it on securely; they must change it at first sign-in.
 */
export async function addMember(ctx: TCtx, input: { email: string; name?: string; roles: TRole[] }) {
  refuseUngrantable(ctx, input.roles);
  const email = input.email.toLowerCase();
  let temp: string | null = null;
  const created = await ctx.db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) {
      temp = temporaryPassword();
      user = await tx.user.create({
        data: { email, name: input.name || null, passwordHash: await hashPassword(temp), mustChangePassword: true },
        select: { id: true },
      });
    }
    const existing = await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `${email} is already a member of ${ctx.council.name}`, { fieldErrors: { email: ["Already a member"] } });
    const m = await tx.membership.create({ data: { councilId: ctx.council.id, userId: user.id, roles: input.roles } });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "member.added",
      entityType: "Membership",
      entityId: m.id,
      afterId: m.id,
      data: { email, roles: input.roles, newAccount: temp !== null },
      requestId: ctx.requestId,
    });
    return m;
  });
  return { membershipId: created.id, email, temporaryPassword: temp as string | null };
}

/** Replace a member's roles. Refuses roles the actor lacks and leaving the council without an admin. */
export async function updateMemberRoles(ctx: TCtx, input: { membershipId: string; roles: TRole[] }) {
  return ctx.db.$transaction(async (tx) => {
    await lockMemberships(tx, ctx.council.id);
    const m = await tx.membership.findFirst({ where: { id: input.membershipId }, include: { user: { select: { email: true } } } });
    if (!m) throw notFound("Member");
    const before = m.roles as TRole[];
    refuseUngrantable(ctx, input.roles.filter((r) => !before.includes(r)));
    await refuseLastAdmin(tx, m.id, input.roles.includes("admin"));
    await tx.membership.updateMany({ where: { id: m.id }, data: { roles: input.roles } });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "member.roles_changed",
      entityType: "Membership",
      entityId: m.id,
      data: { email: m.user.email, before, after: input.roles },
      requestId: ctx.requestId,
    });
    return { email: m.user.email, roles: input.roles };
  });
}

/** Remove a member from the council (their account stays, for other councils and the audit trail). */
export async function removeMember(ctx: TCtx, input: { membershipId: string }) {
  return ctx.db.$transaction(async (tx) => {
    await lockMemberships(tx, ctx.council.id);
    const m = await tx.membership.findFirst({ where: { id: input.membershipId }, include: { user: { select: { email: true } } } });
    if (!m) throw notFound("Member");
    await refuseLastAdmin(tx, m.id, false);
    await tx.membership.deleteMany({ where: { id: m.id } });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "member.removed",
      entityType: "Membership",
      entityId: m.id,
      beforeId: m.id,
      data: { email: m.user.email, roles: m.roles },
      requestId: ctx.requestId,
    });
    return { email: m.user.email };
  });
}
