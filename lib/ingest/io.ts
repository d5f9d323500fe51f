import { readFileSync } from "node:fs";

/*
 * The only file of lib/ingest that touches the file system: the CLI reads its inputs
 * here. The validation core itself takes bytes.
 */

/** Read a file's bytes; null with a message when it cannot be read. */
export function readBytes(file: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: new Uint8Array(readFileSync(file)) };
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${(e as Error).message}` };
  }
}
