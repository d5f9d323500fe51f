import { redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { TSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { councilAction, payloadToObject, userAction } from "./define";
import { registeredActions } from "./registry";

/** The action wrapper on its own: no database (the actions below never reach requireCouncil's query). */

const h = vi.hoisted(() => ({ sessionUser: null as TSessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(async () => h.sessionUser),
}));
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));

const USER: TSessionUser = {
  id: "u1",
  email: "someone@example.test",
  name: "Someone",
  isOperator: false,
  mustChangePassword: false,
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe("payloadToObject", () => {
  it("turns FormData into an object, repeated keys into arrays, and drops Next's $ACTION_ fields", () => {
    const fd = new FormData();
    fd.append("$ACTION_ID_0123abcd", "");
    fd.append("$ACTION_REF_1", "x");
    fd.append("$ACTION_KEY", "k");
    fd.append("council", "havering");
    fd.append("roles", "officer");
    fd.append("roles", "reviewer");
    fd.append("roles", "admin");
    fd.append("empty", "");
    const file = new File(["hello"], "a.txt", { type: "text/plain" });
    fd.append("upload", file);

    const out = payloadToObject(fd);
    expect(out).toEqual({
      council: "havering",
      roles: ["officer", "reviewer", "admin"],
      empty: "",
      upload: expect.any(File),
    });
    expect(Object.keys(out).some((k) => k.startsWith("$ACTION"))).toBe(false);
    expect((out.upload as File).name).toBe("a.txt");
  });

  it("keeps a single value as a scalar and passes plain objects through; nothing becomes {}", () => {
    const fd = new FormData();
    fd.append("roles", "officer");
    expect(payloadToObject(fd)).toEqual({ roles: "officer" });
    const obj = { council: "x", roles: ["a"] };
    expect(payloadToObject(obj)).toBe(obj);
    expect(payloadToObject(null)).toEqual({});
    expect(payloadToObject(undefined)).toEqual({});
  });
});

describe("action wrapper error mapping", () => {
  let logError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    h.sessionUser = USER;
    logError = vi.spyOn(log, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    logError.mockRestore();
  });

  const handler = vi.fn(
    async (
      _ctx: unknown,
      input: { title: string; address: { postcode: string } },
    ) => ({ echoed: input.title }),
  );
  const tiny = userAction({
    name: "test.define.tiny",
    input: z.object({
      title: z.string().trim().min(3, "Too short"),
      address: z.object({ postcode: z.string().min(5, "Enter a postcode") }),
    }),
    handler,
  });

  it("registers itself", () => {
    expect(registeredActions()).toContainEqual({
      name: "test.define.tiny",
      kind: "user",
    });
  });

  it("returns { ok: true, data } with the parsed input", async () => {
    handler.mockClear();
    expect(
      await tiny(null, {
        title: "  Hello  ",
        address: { postcode: "RM1 3BD" },
      }),
    ).toEqual({ ok: true, data: { echoed: "Hello" } });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0]).toMatchObject({
      user: USER,
      requestId: expect.stringMatching(UUID),
    });
  });

  it("maps a zod failure to VALIDATION with fieldErrors keyed by dotted path, without calling the handler", async () => {
    handler.mockClear();
    const r = await tiny(null, { title: "x", address: { postcode: "" } });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "VALIDATION",
        message: "Check the highlighted fields",
        fieldErrors: {
          title: ["Too short"],
          "address.postcode": ["Enter a postcode"],
        },
      },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("puts a root-level zod issue under '_'", async () => {
    const rooted = userAction({
      name: "test.define.rooted",
      input: z
        .object({ a: z.string() })
        .refine(() => false, "Whole form is wrong"),
      handler: async () => 1,
    });
    expect(await rooted(null, { a: "ok" })).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        fieldErrors: { _: ["Whole form is wrong"] },
      },
    });
  });

  it("maps an unexpected error to INTERNAL with a reference, logging it but never leaking its message", async () => {
    const boom = userAction({
      name: "test.define.boom",
      input: z.object({}),
      handler: async () => {
        throw new Error(
          'relation "Membership" violates constraint; password=hunter2 at db.internal:5432',
        );
      },
    });
    const r = await boom(null, {});
    expect(r).toMatchObject({
      ok: false,
      error: { code: "INTERNAL", message: expect.stringMatching(UUID) },
    });
    const err = (r as { error: { message: string; fieldErrors?: unknown } })
      .error;
    expect(err.message).not.toMatch(
      /Membership|hunter2|db\.internal|constraint/,
    );
    expect(err.fieldErrors).toBeUndefined();
    // the reference shown is the one logged, with the real error, so support can find it
    const reference = err.message.match(UUID)![0];
    expect(logError).toHaveBeenCalledTimes(1);
    expect(logError.mock.calls[0][1]).toMatchObject({
      action: "test.define.boom",
      requestId: reference,
      error: expect.any(Error),
    });
  });

  it("treats a thrown AppError INTERNAL like any unexpected error, and non-Error throws too", async () => {
    const internal = userAction({
      name: "test.define.internal",
      input: z.object({}),
      handler: async () => {
        throw new AppError("INTERNAL", "secret detail");
      },
    });
    const r1 = await internal(null, {});
    expect(r1).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(JSON.stringify(r1)).not.toContain("secret detail");

    const weird = userAction({
      name: "test.define.weird",
      input: z.object({}),
      handler: async () => {
        throw "a string with secret detail";
      },
    });
    const r2 = await weird(null, {});
    expect(r2).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(JSON.stringify(r2)).not.toContain("secret detail");
  });

  it("passes an AppError's code, message and fieldErrors through", async () => {
    const conflict = userAction({
      name: "test.define.conflict",
      input: z.object({}),
      handler: async () => {
        throw new AppError("CONFLICT", "Already a member", {
          fieldErrors: { email: ["Already a member"] },
        });
      },
    });
    expect(await conflict(null, {})).toEqual({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "Already a member",
        fieldErrors: { email: ["Already a member"] },
      },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it("rethrows Next's control-flow errors (redirect) instead of turning them into a failure", async () => {
    const redirecting = userAction({
      name: "test.define.redirect",
      input: z.object({}),
      handler: async () => redirect("/somewhere"),
    });
    await expect(redirecting(null, {})).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
  });

  it("checks the session before validating input: signed out → UNAUTHENTICATED even for bad input", async () => {
    h.sessionUser = null;
    expect(await tiny(null, { title: "x" })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
  });

  it("operator-only actions give a non-operator NOT_FOUND before looking at input, and let an operator through", async () => {
    const opHandler = vi.fn(async () => "done");
    const op = userAction({
      name: "test.define.op",
      operatorOnly: true,
      input: z.object({ x: z.string() }),
      handler: opHandler,
    });
    expect(registeredActions()).toContainEqual({
      name: "test.define.op",
      kind: "operator",
    });
    expect(await op(null, {})).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(opHandler).not.toHaveBeenCalled();
    h.sessionUser = { ...USER, isOperator: true };
    expect(await op(null, { x: "y" })).toEqual({ ok: true, data: "done" });
  });

  it("a council action with no council in the payload is NOT_FOUND, before input or handler", async () => {
    const councilHandler = vi.fn(async () => "never");
    const ca = councilAction({
      name: "test.define.council",
      permission: "members:manage",
      input: z.object({ x: z.string() }),
      handler: councilHandler,
    });
    expect(registeredActions()).toContainEqual({
      name: "test.define.council",
      kind: "council",
      permission: "members:manage",
    });
    for (const payload of [{}, { council: "" }, { council: 42 }, null]) {
      expect(await ca(null, payload as Record<string, unknown> | null)).toEqual(
        { ok: false, error: { code: "NOT_FOUND", message: "Page not found" } },
      );
    }
    expect(councilHandler).not.toHaveBeenCalled();
  });
});
