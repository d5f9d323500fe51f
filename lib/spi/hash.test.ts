import { describe, expect, it } from "vitest";
import { canonicalJson, Sha256, sha256Hex } from "./hash";

describe("sha256 (FIPS 180-4 test vectors)", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["a".repeat(1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
  ])("%#", (input, hex) => expect(sha256Hex(input)).toBe(hex));

  it("streaming in odd-sized pieces equals one shot", () => {
    const text = "The quick brown fox jumps over the lazy dog ".repeat(50);
    const bytes = new TextEncoder().encode(text);
    const h = new Sha256();
    for (let i = 0; i < bytes.length; i += 37) h.update(bytes.subarray(i, i + 37));
    expect(h.hex()).toBe(sha256Hex(text));
  });

  it("float64 hashing canonicalises NaN and -0", () => {
    const a = new Sha256().float64([1, NaN, -0]).hex();
    const b = new Sha256().float64([1, Number("x"), 0]).hex();
    expect(a).toBe(b);
    expect(new Sha256().float64([1, 2, 0]).hex()).not.toBe(a);
  });

  it("float64Rows hashes a column-major matrix exactly as float64 over its rows", () => {
    // columns × length shapes around the 1,024-value chunk, including more columns than a chunk holds
    for (const [columns, length] of [[1, 3000], [3, 1], [55, 700], [7, 0], [1500, 3]]) {
      const m = Float64Array.from({ length: columns * length }, (_, k) => (k % 13 === 0 ? (k % 2 ? NaN : Number("x")) : k % 17 === 0 ? -0 : Math.sin(k) * 1e3));
      const rows: number[] = [];
      for (let j = 0; j < length; j++) for (let i = 0; i < columns; i++) rows.push(m[i * length + j]);
      expect(new Sha256().float64Rows(m, columns, length).hex()).toBe(new Sha256().float64(rows).hex());
    }
  });
});

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: [2, { d: 1, c: 2 }] }, '{"a":[2,{"c":2,"d":1}],"b":1}'],
    [{ x: undefined, y: null }, '{"y":null}'],
    [-0, "0"],
  ])("%#", (v, s) => expect(canonicalJson(v)).toBe(s));
});
