import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, createZip, readZip } from "./zip";

const enc = new TextEncoder();
const dec = new TextDecoder();

describe("crc32", () => {
  it.each([
    ["", 0],
    ["a", 0xe8b7be43],
    ["123456789", 0xcbf43926],
    ["The quick brown fox jumps over the lazy dog", 0x414fa339],
  ])("%j", (s, expected) => {
    expect(crc32(enc.encode(s))).toBe(expected);
  });
});

describe("createZip", () => {
  const entries = [
    { name: "release/scores.csv", data: "area,score\r\nE05000001,60\r\n" },
    { name: "release/ünïcode.json", data: JSON.stringify({ a: "£" }) },
    { name: "release/empty.txt", data: "" },
    { name: "release/bytes.bin", data: new Uint8Array([0, 1, 2, 255]) },
  ];
  const zip = createZip(entries, new Date("2026-01-15T09:30:00Z"));

  it("round-trips through its own central directory, CRCs intact", () => {
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(back.every((e) => e.crcOk)).toBe(true);
    expect(dec.decode(back[0].data)).toBe(entries[0].data);
    expect(dec.decode(back[1].data)).toBe(entries[1].data);
    expect([...back[3].data]).toEqual([0, 1, 2, 255]);
  });

  it("is deterministic: the same entries and date give the same bytes", () => {
    expect(createZip(entries, new Date("2026-01-15T09:30:00Z"))).toEqual(zip);
  });

  it("a corrupted byte is caught by the CRC", () => {
    const bad = zip.slice();
    bad[30 + enc.encode(entries[0].name).length] ^= 0xff;
    expect(readZip(bad)[0].crcOk).toBe(false);
  });

  it("unzip -t accepts it, when unzip is installed", () => {
    const probe = spawnSync("unzip", ["-v"], { encoding: "utf8" });
    if (probe.error) return; // no unzip on this machine: the central-directory test above covers it
    const dir = mkdtempSync(path.join(tmpdir(), "zip-"));
    const file = path.join(dir, "t.zip");
    writeFileSync(file, zip);
    const r = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const l = spawnSync("unzip", ["-l", file], { encoding: "utf8" });
    expect(l.stdout).toContain("release/scores.csv");
  });
});
