import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadSmall } from "./__fixtures__/small";
import { scoreFramework } from "./engine";
import { createSha256 } from "./hash";

describe("host-supplied SHA-256", () => {
  const node = () => createHash("sha256");

  it("frames strings, integers and floats exactly as the plain TypeScript hasher", () => {
    const feed = (h: ReturnType<typeof createSha256>) => h.string("é ✓").u32(4294967295).float64([1.5, NaN, -0, 1e300]).string("").hex();
    expect(feed(createSha256(node))).toBe(feed(createSha256()));
  });

  it("gives the same input hash and the same result", () => {
    const small = loadSmall();
    const input = { framework: small.framework, observations: small.columns, areas: small.areas };
    const own = scoreFramework(input);
    const host = scoreFramework({ ...input, sha256: node });
    if (!own.ok || !host.ok) throw new Error("run failed");
    expect(JSON.stringify(host.result)).toBe(JSON.stringify(own.result));
  });
});
