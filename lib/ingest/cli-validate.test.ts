import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../spi/cli";
import { badDir, frameworkDir, goodDir } from "./__fixtures__/london";

/* `spi validate` is registered in the spi CLI and prints the validateUpload report. */

async function cli(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(""), err: err.join("\n") };
}
const base = ["validate", "--framework", path.join(frameworkDir, "framework.json"), "--areas", path.join(frameworkDir, "areas.csv")];

describe("spi validate", () => {
  it("exit 0 and a JSON report for a loadable file", async () => {
    const r = await cli(...base, path.join(goodDir, "long.csv"));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: true, summary: { rows: 51, observations: 51, errors: 0 } });
    expect(Object.keys(report.issues[0]).sort()).toEqual(["code", "column", "message", "row", "severity"]);
  });

  it("exit 1 with the problems for a bad file", async () => {
    const r = await cli(...base, path.join(badDir, "value-not-numeric.csv"));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).issues).toContainEqual({ row: 6, column: "value", code: "VALUE_NOT_NUMERIC", severity: "error", message: 'value "twelve" is not a number' });
  });

  it("wide files take --period", async () => {
    expect((await cli(...base, path.join(goodDir, "wide-2013.csv"))).code).toBe(1);
    expect((await cli(...base, "--period", "2013", path.join(goodDir, "wide-2013.csv"))).code).toBe(0);
  });

  it("exit 2 on usage errors", async () => {
    expect((await cli("validate", path.join(goodDir, "long.csv"))).code).toBe(2);
    expect((await cli(...base, "--period", "20x3", path.join(goodDir, "long.csv"))).code).toBe(2);
  });
});
