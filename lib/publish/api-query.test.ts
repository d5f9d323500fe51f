import { describe, expect, it } from "vitest";
import { encodeCursor, paginate, parseQuery } from "./api-query";
import { applyFilters } from "./api-rows";

const u = (q: string) => new URL(`http://x/api/v1/things${q}`);
const spec = { area: "string", period: "integer" } as const;

describe("parseQuery", () => {
  it("accepts filters and pagination", () => {
    expect(parseQuery(u("?area=E1&period=2015&limit=10&offset=20"), spec)).toEqual({ ok: true, filters: { area: "E1", period: 2015 }, limit: 10, offset: 20 });
    expect(parseQuery(u(""), spec)).toEqual({ ok: true, filters: {}, limit: 100, offset: 0 });
    expect(parseQuery(u(`?cursor=${encodeCursor(300)}`), spec)).toMatchObject({ ok: true, offset: 300 });
  });
  it.each([
    ["?colour=red", "colour"],
    ["?limit=0", "limit"],
    ["?limit=1001", "limit"],
    ["?limit=ten", "limit"],
    ["?period=2015.5", "period"],
    ["?area=a&area=b", "area"],
    ["?area=", "area"],
    [`?area=${"x".repeat(101)}`, "area"],
    ["?cursor=nonsense", "cursor"],
    [`?offset=1&cursor=${encodeCursor(2)}`, "cursor"],
    [`?${Array.from({ length: 40 }, (_, i) => `p${i}=${"y".repeat(60)}`).join("&")}`, "query"],
  ])("%s → 400 naming %s", (q, parameter) => {
    const r = parseQuery(u(q), spec);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.parameter).toBe(parameter);
      expect(r.detail).toContain(parameter === "query" ? "query string" : parameter);
    }
  });
  it("takes no pagination where it is not offered", () => {
    expect(parseQuery(u("?limit=5"), {}, false)).toMatchObject({ ok: false, parameter: "limit" });
  });
});

describe("paginate and filter", () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ i, area: i % 2 ? "odd" : "even" }));
  it("pages with a next cursor until the end", () => {
    const p1 = paginate(rows, { limit: 10, offset: 0 }, u("?limit=10"));
    expect(p1.data.map((r) => r.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p1.pagination).toMatchObject({ total: 25, returned: 10, next: `/api/v1/things?limit=10&cursor=${encodeCursor(10)}` });
    const p3 = paginate(rows, { limit: 10, offset: 20 }, u("?limit=10&offset=20"));
    expect(p3.data).toHaveLength(5);
    expect(p3.pagination.next).toBeNull();
  });
  it("filters on equality", () => {
    expect(applyFilters(rows, { area: "odd" })).toHaveLength(12);
    expect(applyFilters(rows, {})).toHaveLength(25);
  });
});
