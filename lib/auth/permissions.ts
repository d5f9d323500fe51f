/**
 * Who may do what, as one pure table. Permissions are "resource:verb" strings; a membership
 * holds one or more roles and may do the union of their permissions.
 */
export const ROLES = ["officer", "reviewer", "procurement", "admin"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = [
  "council:read",
  "members:read",
  "members:manage",
  "settings:manage",
  "audit:read",
  "data:read",
  "data:upload",
  "run:create",
  "release:read",
  "release:submit",
  "release:comment",
  "release:review",
  "release:approve",
  "billing:read",
  "billing:manage",
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const OFFICER: TPermission[] = [
  "council:read",
  "members:read",
  "data:read",
  "data:upload",
  "run:create",
  "release:read",
  "release:submit",
  "release:comment",
];
const PROCUREMENT: TPermission[] = ["council:read", "members:read", "billing:read", "billing:manage"];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  officer: OFFICER,
  reviewer: [
    "council:read",
    "members:read",
    "audit:read",
    "data:read",
    "release:read",
    "release:comment",
    "release:review",
    "release:approve",
  ],
  procurement: PROCUREMENT,
  // An admin runs the council's account: members, settings, and what officers and
  // procurement do. Approving releases stays with reviewers (four-eyes).
  admin: [...new Set<TPermission>([...OFFICER, ...PROCUREMENT, "members:manage", "settings:manage", "audit:read"])],
};

/**
 * What a platform operator may do inside a council: support and onboarding (read, and add
 * the first members), never the council's own decisions such as approving a release.
 */
export const OPERATOR_PERMISSIONS: readonly TPermission[] = [
  "council:read",
  "members:read",
  "members:manage",
  "audit:read",
  "data:read",
  "release:read",
  "billing:read",
];

export const ROLE_LABELS: Record<TRole, string> = {
  officer: "Officer",
  reviewer: "Reviewer",
  procurement: "Procurement",
  admin: "Administrator",
};

export const ROLE_DESCRIPTIONS: Record<TRole, string> = {
  officer: "Uploads data, fixes validation problems, runs scores and submits releases for review",
  reviewer: "Checks scores and diagnostics, then approves a release or sends it back",
  procurement: "Commissions the service: plan, purchase-order numbers and invoices",
  admin: "Manages members, roles and the council's settings",
};

/** True when any of the roles grants the permission. */
export function can(roles: readonly TRole[], permission: TPermission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/** Every permission the roles grant together. */
export function permissionsOf(roles: readonly TRole[]): Set<TPermission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

/**
 * Nobody can grant a role they lack: a role may be granted only by someone who holds every
 * permission it carries (an admin can make officers and procurement leads, but only someone
 * who is also a reviewer can make reviewers). Operators may grant any role when onboarding.
 */
export function canGrant(granter: { roles: readonly TRole[]; isOperator: boolean }, role: TRole): boolean {
  if (granter.isOperator) return true;
  if (!can(granter.roles, "members:manage")) return false;
  const held = permissionsOf(granter.roles);
  return ROLE_PERMISSIONS[role].every((p) => held.has(p));
}

export function isRole(x: string): x is TRole {
  return (ROLES as readonly string[]).includes(x);
}
