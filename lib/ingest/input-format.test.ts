import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./__fixtures__/london";
import { INPUT_FORMAT, proposeMapping } from "./index";
import { londonContext } from "./__fixtures__/london";

/* One source of truth: the published Table Schemas match INPUT_FORMAT, and the validator maps those names. */

const schema = (f: string) => JSON.parse(readFileSync(path.join(root, "docs/formats", f), "utf8")) as { fields: Array<{ name: string; type: string; constraints: { required: boolean } }>; primaryKey: string[]; missingValues: string[] };

describe("published input format", () => {
  it.each([
    ["input-long.table-schema.json", INPUT_FORMAT.long],
    ["input-wide.table-schema.json", INPUT_FORMAT.wide],
  ])("%s has the fields of INPUT_FORMAT", (file, fields) => {
    const s = schema(file);
    expect(s.fields.map((f) => [f.name, f.type, f.constraints.required])).toEqual(fields.map((f) => [f.name, f.type, f.required]));
    expect(s.missingValues).toEqual(INPUT_FORMAT.missingValues);
  });

  it("the long layout's field names map to themselves", () => {
    const names = INPUT_FORMAT.long.map((f) => f.name);
    const m = proposeMapping(names, londonContext());
    expect(m.format).toBe("long");
    expect(Object.entries(m.columns)).toEqual(names.map((n) => [n, n]));
    expect(schema("input-long.table-schema.json").primaryKey).toEqual(["area_code", "indicator_code", "period"]);
  });
});
