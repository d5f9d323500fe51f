import { getUpload } from "@/lib/uploads";
import { problemsToCsv } from "@/lib/uploads/ingest";
import { attachment, withCouncil } from "../../../route-guard";

type TParams = { params: Promise<{ council: string; id: string }> };

/** The validation report's problems as CSV (cells made safe against formula injection by problemsToCsv). */
export async function GET(_request: Request, { params }: TParams) {
  const { council, id } = await params;
  return withCouncil(council, "data:read", async (ctx) => {
    const u = await getUpload(ctx.db, id);
    const base = (u.filename ?? "upload").replace(/\.[^.]+$/, "");
    return new Response(problemsToCsv(u.report.issues ?? []), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(`${base}-problems.csv`),
        "Cache-Control": "no-store",
      },
    });
  });
}
