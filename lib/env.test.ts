import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "lspi-env-"));
const SECRET = "x".repeat(40);

function problems(source: Record<string, string>): string {
  try {
    parseEnv({ AUTH_SECRET: SECRET, DATA_DIR: dataDir(), ...source });
    return "";
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
}

describe("configuration", () => {
  it("SMTP is optional, and needs a sender when set", () => {
    expect(problems({})).toBe("");
    expect(problems({ SMTP_URL: "smtp://u:p@mail.example:587" })).toMatch(/SMTP_FROM is needed with SMTP_URL/);
    expect(problems({ SMTP_URL: "smtp://u:p@mail.example:587", SMTP_FROM: "Local SPI <no-reply@spi.example>" })).toBe("");
  });

  it("a malformed SMTP_URL is named without echoing its password", () => {
    const msg = problems({ SMTP_URL: "mail.example:587 with-secret-pw", SMTP_FROM: "a@b.c" });
    expect(msg).toMatch(/SMTP_URL must look like smtp:\/\//);
    expect(msg).not.toContain("with-secret-pw");
  });

  it("links in emails use APP_URL, else AUTH_URL, else localhost on PORT, without a trailing slash", () => {
    const base = { AUTH_SECRET: SECRET, DATA_DIR: dataDir() };
    expect(parseEnv({ ...base, APP_URL: "https://spi.example.gov.uk/", AUTH_URL: "https://other.example" }).appUrl).toBe("https://spi.example.gov.uk");
    expect(parseEnv({ ...base, AUTH_URL: "https://auth.example/" }).appUrl).toBe("https://auth.example");
    expect(parseEnv({ ...base, PORT: "3100" }).appUrl).toBe("http://localhost:3100");
  });

  it("production on a real database refuses to start without AUTH_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x", DATA_DIR: dataDir() })).toThrow(/AUTH_SECRET is not set/);
  });
});
