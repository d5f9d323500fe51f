import { readFile } from "node:fs/promises";
import path from "node:path";

/** Only the published input schemas, by exact name: nothing else in docs/formats (or elsewhere) is reachable. */
const ALLOWED = /^input-(long|wide)\.table-schema\.json$/;

/** Serves docs/formats/input-(long|wide).table-schema.json (Frictionless Table Schema) to the public. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!ALLOWED.test(file)) return new Response("Not found", { status: 404 });
  try {
    const body = await readFile(path.join(process.cwd(), "docs", "formats", file), "utf8");
    return new Response(body, {
      headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
