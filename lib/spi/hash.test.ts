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
});

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: [2, { d: 1, c: 2 }] }, '{"a":[2,{"c":2,"d":1}],"b":1}'],
    [{ x: undefined, y: null }, '{"y":null}'],
    [-0, "0"],
  ])("%#", (v, s) => expect(canonicalJson(v)).toBe(s));
});
