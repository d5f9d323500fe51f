import { findEmbedData } from "@/app/embed/_lib/embed-data";

/**
 * GET /embed/<council>/data.json?release=latest|N — the data of the <local-spi> web component:
 * one PUBLISHED release only (404 otherwise). Readable from any origin (the component runs on
 * councils' own sites) but never with credentials: no cookies are read or set here.
 */
export async function GET(req: Request, { params }: { params: Promise<{ council: string }> }) {
  const { council } = await params;
  const release = new URL(req.url).searchParams.get("release") ?? "latest";
  const data = await findEmbedData(council, release);
  const headers: Record<string, string> = {
    "Access-Control-Allow-Origin": "*",
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": release === "latest" ? "public, max-age=300" : "public, max-age=31536000, immutable",
  };
  if (!data) return new Response(JSON.stringify({ error: "No published release found" }), { status: 404, headers: { ...headers, "Cache-Control": "no-store" } });
  return new Response(JSON.stringify(data), { status: 200, headers });
}
