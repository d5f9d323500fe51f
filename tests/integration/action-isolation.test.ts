import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import type { TSessionUser } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";

/**
 * Tenant isolation at the server-action boundary, enumerated automatically: every exported
 * function of every `app/**\/actions.ts` is imported, and every council-scoped one must refuse a
 * non-member with NOT_FOUND (identical to a council that does not exist), before its input is
 * even looked at and without changing anything. A positive control proves the resolver is not
 * simply refusing everyone.
 */

type TAnyAction = (prev: unknown, payload: unknown) => Promise<unknown>;
type TKind = "council" | "user" | "operator";

const h = vi.hoisted(() => ({
  /** who getSessionUser() says is signed in */
  sessionUser: null as TSessionUser | null,
  /** every function returned by councilAction/userAction, with the name it registered under */
  tags: new WeakMap<
    object,
    { name: string; kind: "council" | "user" | "operator" }
  >(),
}));

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(async () => h.sessionUser),
}));
// next-auth cannot be loaded outside Next's bundler (it imports "next/server" without an
// extension). Sessions come from the mock above; the sign-in module only needs these names
// (and AuthError from "next-auth" itself).
vi.mock("@/lib/auth/auth", () => {
  const refuse = () => {
    throw new Error("Auth.js is not available in this test");
  };
  return {
    auth: vi.fn(refuse),
    signIn: vi.fn(refuse),
    signOut: vi.fn(refuse),
    handlers: {},
  };
});
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));
// The real wrapper, unchanged; we only remember which returned function is which action.
vi.mock("@/lib/actions/define", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/actions/define")>();
  const councilAction: typeof actual.councilAction = (def) => {
    const fn = actual.councilAction(def);
    h.tags.set(fn, { name: def.name, kind: "council" });
    return fn;
  };
  const userAction: typeof actual.userAction = (def) => {
    const fn = actual.userAction(def);
    h.tags.set(fn, {
      name: def.name,
      kind: def.operatorOnly ? "operator" : "user",
    });
    return fn;
  };
  return { ...actual, councilAction, userAction };
});

/**
 * Exported functions that are deliberately NOT wrapped by councilAction/userAction: sign-in and
 * sign-out run before (or to end) a session. Anything else unwrapped fails the test, so a new
 * hand-rolled action cannot slip past the enumeration below.
 */
const UNWRAPPED_ALLOWED = new Set([
  "app/(auth)/sign-in/actions.ts#signInAction",
  "app/(auth)/sign-in/actions.ts#signInWithEntraAction",
  "app/(auth)/sign-in/actions.ts#signOutAction",
]);

const ROOT = process.cwd();
const LBBD = "barking-and-dagenham";
const HAVERING = "havering";

interface TFoundAction {
  file: string;
  exportName: string;
  name: string;
  kind: TKind;
  fn: TAnyAction;
}

function findActionModules(): string[] {
  return (
    readdirSync(path.join(ROOT, "app"), {
      recursive: true,
      encoding: "utf8",
    }) as string[]
  )
    .filter((rel) => path.basename(rel) === "actions.ts")
    .map((rel) => path.posix.join("app", rel.split(path.sep).join("/")))
    .sort();
}

describe("server actions: tenant isolation for every council action", () => {
  let prisma: PrismaClient;
  let registeredActions: () => Array<{
    name: string;
    kind: TKind;
    permission?: string;
  }>;
  let revalidatePath: ReturnType<typeof vi.fn>;
  const actions: TFoundAction[] = [];
  const unwrapped: string[] = [];
  let moduleFiles: string[] = [];

  let haveringAdmin: TSessionUser;
  let lbbdAdmin: TSessionUser;
  let operator: TSessionUser;
  let lbbd: { id: string };
  let lbbdOfficerMembershipId: string;

  const loadUser = async (email: string): Promise<TSessionUser> =>
    prisma.user.findUniqueOrThrow({
      where: { email },
      select: {
        id: true,
        email: true,
        name: true,
        isOperator: true,
        mustChangePassword: true,
      },
    });

  /** Everything in LBBD that a successful action would change, plus users an add would create. */
  const lbbdSnapshot = async () => ({
    memberships: await prisma.membership.count({
      where: { councilId: lbbd.id },
    }),
    audit: await prisma.auditEvent.count({ where: { councilId: lbbd.id } }),
    roles: (
      await prisma.membership.findMany({
        where: { councilId: lbbd.id },
        select: { id: true, roles: true },
        orderBy: { id: "asc" },
      })
    ).map((m) => `${m.id}:${[...m.roles].sort().join("+")}`),
    users: await prisma.user.count(),
    councils: await prisma.council.count(),
  });

  /** Plausible, dangerous input: a fresh email, the admin role, and a real LBBD membership id. */
  const plausibleInput = () => ({
    email: `mallory-${uniqueId()}@y.example`,
    name: "Mallory",
    roles: ["admin"],
    membershipId: lbbdOfficerMembershipId,
  });

  const asFormData = (
    council: string,
    input: ReturnType<typeof plausibleInput>,
  ): FormData => {
    const fd = new FormData();
    fd.append("$ACTION_ID_abc", "");
    fd.append("council", council);
    fd.append("email", input.email);
    fd.append("name", input.name);
    fd.append("roles", "admin");
    fd.append("roles", "officer");
    fd.append("membershipId", input.membershipId);
    return fd;
  };

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    process.env.DATABASE_URL = url;
    // Keep lib/env from generating a local secret file in .data/ for this run.
    process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");

    const { createPrismaClient } = await import("@/lib/db/create-client");
    const { seedDemo } = await import("@/lib/db/seed");
    prisma = createPrismaClient(url, { max: 3 });
    await seedDemo(prisma, { withDemoUsers: true });

    haveringAdmin = await loadUser("admin@havering.example");
    lbbdAdmin = await loadUser("admin@lbbd.example");
    operator = await loadUser("operator@localspi.example");
    lbbd = await prisma.council.findUniqueOrThrow({
      where: { slug: LBBD },
      select: { id: true },
    });
    const lbbdOfficer = await loadUser("officer@lbbd.example");
    lbbdOfficerMembershipId = (
      await prisma.membership.findUniqueOrThrow({
        where: {
          councilId_userId: { councilId: lbbd.id, userId: lbbdOfficer.id },
        },
      })
    ).id;

    revalidatePath = (await import("next/cache"))
      .revalidatePath as unknown as ReturnType<typeof vi.fn>;
    ({ registeredActions } = await import("@/lib/actions/registry"));

    moduleFiles = findActionModules();
    for (const file of moduleFiles) {
      const mod = (await import(path.join(ROOT, file))) as Record<
        string,
        unknown
      >;
      for (const [exportName, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const tag = h.tags.get(value);
        if (tag)
          actions.push({
            file,
            exportName,
            name: tag.name,
            kind: tag.kind,
            fn: value as TAnyAction,
          });
        else unwrapped.push(`${file}#${exportName}`);
      }
    }
  });

  afterAll(async () => {
    await prisma?.$disconnect();
  });

  beforeEach(() => {
    revalidatePath.mockClear();
  });

  const councilActions = () => actions.filter((a) => a.kind === "council");
  const operatorActions = () => actions.filter((a) => a.kind === "operator");

  it("discovers the action modules and every registered action among their exports", () => {
    expect(moduleFiles).toContain(
      "app/(portal)/c/[council]/members/actions.ts",
    );
    const registered = registeredActions();
    const registeredCouncil = registered
      .filter((r) => r.kind === "council")
      .map((r) => r.name)
      .sort();
    expect(registeredCouncil.length).toBeGreaterThan(0);
    // every registered council action is exported from some app/**/actions.ts, and vice versa
    expect(
      councilActions()
        .map((a) => a.name)
        .sort(),
    ).toEqual(registeredCouncil);
    expect(actions.map((a) => `${a.kind}:${a.name}`).sort()).toEqual(
      registered.map((r) => `${r.kind}:${r.name}`).sort(),
    );
    expect(registeredCouncil).toEqual(
      expect.arrayContaining([
        "members.add",
        "members.remove",
        "members.updateRoles",
      ]),
    );
    expect(operatorActions().map((a) => a.name)).toContain(
      "operator.onboardCouncil",
    );
    // nothing hand-rolled outside the wrapper, apart from sign-in/out
    expect(unwrapped.filter((u) => !UNWRAPPED_ALLOWED.has(u))).toEqual([]);
    // every export under /c/[council] is a council action
    for (const a of actions.filter((x) => x.file.includes("/c/[council]/")))
      expect(a.kind, `${a.file}#${a.exportName}`).toBe("council");
  });

  it("the demo users are what the test assumes", () => {
    expect(haveringAdmin.isOperator).toBe(false);
    expect(lbbdAdmin.isOperator).toBe(false);
    expect(operator.isOperator).toBe(true);
  });

  it("every council action refuses a non-member with NOT_FOUND, identical to a missing council, and changes nothing", async () => {
    h.sessionUser = haveringAdmin;
    const before = await lbbdSnapshot();
    expect(before.memberships).toBeGreaterThanOrEqual(4);

    for (const a of councilActions()) {
      const label = `${a.name} (${a.file}#${a.exportName})`;
      const input = plausibleInput();
      const hidden = await a.fn(null, { council: LBBD, ...input });
      const missing = await a.fn(null, {
        council: "no-such-council",
        ...input,
      });
      const noSlug = await a.fn(null, { ...input });
      const viaForm = await a.fn(null, asFormData(LBBD, input));

      expect(hidden, label).toEqual({
        ok: false,
        error: { code: "NOT_FOUND", message: expect.any(String) },
      });
      // existence does not leak: the refusal is byte-for-byte the one for a council that does not exist
      expect(missing, label).toEqual(hidden);
      expect(noSlug, label).toEqual(hidden);
      expect(viaForm, label).toEqual(hidden);
      expect(JSON.stringify(hidden), label).not.toMatch(
        /barking|dagenham|lbbd/i,
      );
    }

    expect(revalidatePath).not.toHaveBeenCalled();
    expect(await lbbdSnapshot()).toEqual(before);
  });

  it("a signed-out caller gets UNAUTHENTICATED from every council action, and nothing changes", async () => {
    h.sessionUser = null;
    const before = await lbbdSnapshot();
    for (const a of councilActions()) {
      const r = await a.fn(null, { council: LBBD, ...plausibleInput() });
      expect(r, a.name).toMatchObject({
        ok: false,
        error: { code: "UNAUTHENTICATED" },
      });
    }
    expect(await lbbdSnapshot()).toEqual(before);
  });

  it("positive control: the LBBD admin can add (and remove) a member in LBBD, but not in Havering", async () => {
    h.sessionUser = lbbdAdmin;
    const add = councilActions().find((a) => a.name === "members.add")!;
    const remove = councilActions().find((a) => a.name === "members.remove")!;
    const before = await lbbdSnapshot();
    const email = `control-${uniqueId()}@lbbd.example`;

    const added = await add.fn(null, {
      council: LBBD,
      email,
      roles: ["officer"],
    });
    expect(added).toMatchObject({
      ok: true,
      data: { email, membershipId: expect.any(String) },
    });
    const membershipId = (added as { data: { membershipId: string } }).data
      .membershipId;
    const row = await prisma.membership.findUniqueOrThrow({
      where: { id: membershipId },
      include: { user: true },
    });
    expect(row.councilId).toBe(lbbd.id);
    expect(row.user.email).toBe(email);
    const afterAdd = await lbbdSnapshot();
    expect(afterAdd.memberships).toBe(before.memberships + 1);
    expect(afterAdd.audit).toBe(before.audit + 1);
    expect(revalidatePath).toHaveBeenCalledWith(`/c/${LBBD}/members`);

    // a member of LBBD is a non-member of Havering: same NOT_FOUND as a council that does not exist
    const havering = await prisma.council.findUniqueOrThrow({
      where: { slug: HAVERING },
      select: { id: true },
    });
    const haveringBefore = await prisma.membership.count({
      where: { councilId: havering.id },
    });
    const other = `control-${uniqueId()}@havering.example`;
    const refused = await add.fn(null, {
      council: HAVERING,
      email: other,
      roles: ["officer"],
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: expect.any(String) },
    });
    expect(refused).toEqual(
      await add.fn(null, {
        council: "no-such-council",
        email: other,
        roles: ["officer"],
      }),
    );
    expect(
      await prisma.membership.count({ where: { councilId: havering.id } }),
    ).toBe(haveringBefore);
    expect(
      await prisma.user.findUnique({ where: { email: other } }),
    ).toBeNull();

    // and the LBBD admin cannot reach Havering's memberships from LBBD either (scoped client)
    const haveringOfficer = await loadUser("officer@havering.example");
    const haveringOfficerMembership = await prisma.membership.findUniqueOrThrow(
      {
        where: {
          councilId_userId: {
            councilId: havering.id,
            userId: haveringOfficer.id,
          },
        },
      },
    );
    const crossRemove = await remove.fn(null, {
      council: LBBD,
      membershipId: haveringOfficerMembership.id,
    });
    expect(crossRemove).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(
      await prisma.membership.findUnique({
        where: { id: haveringOfficerMembership.id },
      }),
    ).not.toBeNull();

    // tidy up through the action itself (the audit trail keeps both events)
    expect(
      await remove.fn(null, { council: LBBD, membershipId }),
    ).toMatchObject({ ok: true, data: { email } });
    expect(
      await prisma.membership.findUnique({ where: { id: membershipId } }),
    ).toBeNull();
  });

  it("a member lacking the permission gets FORBIDDEN (members only ever see FORBIDDEN, non-members never do)", async () => {
    h.sessionUser = await loadUser("officer@lbbd.example");
    const add = councilActions().find((a) => a.name === "members.add")!;
    const before = await lbbdSnapshot();
    expect(
      await add.fn(null, { council: LBBD, ...plausibleInput() }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await lbbdSnapshot()).toEqual(before);
  });

  it("every operator-only action refuses a non-operator with NOT_FOUND and changes nothing", async () => {
    expect(operatorActions().length).toBeGreaterThan(0);
    const before = await lbbdSnapshot();
    for (const a of operatorActions()) {
      const input = {
        name: "Mallory Borough",
        slug: `mallory-${uniqueId()}`,
        laCode: "E09000099",
        boundaryVintage: "2013",
        firstAdminEmail: `mallory-${uniqueId()}@y.example`,
        boundaries: new File(
          ['{"type":"FeatureCollection","features":[]}'],
          "wards.geojson",
          { type: "application/geo+json" },
        ),
      };
      for (const user of [haveringAdmin, lbbdAdmin]) {
        h.sessionUser = user;
        expect(await a.fn(null, input), `${a.name} as ${user.email}`).toEqual({
          ok: false,
          error: { code: "NOT_FOUND", message: expect.any(String) },
        });
      }
      h.sessionUser = null;
      expect(await a.fn(null, input), a.name).toMatchObject({
        ok: false,
        error: { code: "UNAUTHENTICATED" },
      });
      // control: an operator gets past the gate, to input validation on an empty payload (or,
      // for sending email, to "email is not set up": these tests run without SMTP)
      h.sessionUser = operator;
      const control = (await a.fn(null, {})) as { ok: boolean; error?: { code: string } };
      expect(control.ok, `${a.name} as operator`).toBe(false);
      expect(control.error?.code, `${a.name} as operator`).toMatch(/^(VALIDATION|PRECONDITION)$/);
    }
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(await lbbdSnapshot()).toEqual(before);
  });
});
