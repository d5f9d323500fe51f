import "server-only";
import { prisma } from "@/lib/db/client";
import { scopedClient, type TScopedClient } from "@/lib/db/scoped";
import { AppError, notFound } from "@/lib/errors";
import { can, OPERATOR_PERMISSIONS, type TPermission, type TRole } from "./permissions";
import { getSessionUser, type TSessionUser } from "./session";

export interface TCouncilContext {
  user: TSessionUser;
  council: { id: string; slug: string; name: string; laCode: string; boundaryVintage: string };
  roles: TRole[];
  /** true when an operator (not a member) is looking in for support */
  viaOperator: boolean;
  db: TScopedClient;
}

/** The signed-in user, or UNAUTHENTICATED. */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return user;
}

/** The signed-in platform operator, or NOT_FOUND for everyone else (the console's existence does not leak). */
export async function requireOperator(): Promise<TSessionUser> {
  const user = await requireUser();
  if (!user.isOperator) throw notFound();
  return user;
}

/**
 * Resolve a council by slug for the signed-in user and check one permission. Every page,
 * generateMetadata, server action and route handler under /c/[council] calls this itself.
 *
 * Non-members get NOT_FOUND, exactly as for a council that does not exist, so a council's
 * existence does not leak. Members without the permission get FORBIDDEN.
 */
export async function requireCouncil(slug: string, permission: TPermission): Promise<TCouncilContext> {
  const user = await requireUser();
  const council = await prisma.council.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      laCode: true,
      boundaryVintage: true,
      memberships: { where: { userId: user.id }, select: { roles: true } },
    },
  });
  if (!council) throw notFound();
  const membership = council.memberships[0];
  if (!membership && !user.isOperator) throw notFound();
  const roles = (membership?.roles ?? []) as TRole[];
  const viaOperator = !membership && user.isOperator;
  const allowed = viaOperator ? OPERATOR_PERMISSIONS.includes(permission) : can(roles, permission);
  if (!allowed) throw new AppError("FORBIDDEN", "You do not have permission to do that in this council");
  const { memberships: _m, ...c } = council;
  return { user, council: c, roles, viaOperator, db: scopedClient(prisma, council.id) };
}
