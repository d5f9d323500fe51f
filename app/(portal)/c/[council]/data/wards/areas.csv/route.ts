import { wardFactsCsv } from "@/lib/councils/ward-facts";
import { attachment, withCouncil } from "../../route-guard";

type TParams = { params: Promise<{ council: string }> };

/**
 * The council's wards as an areas file (area_code,area_name,parent_code,population,peer_value):
 * populations for `?year=` (none without it) and the peer values held now, to correct and upload again.
 */
export async function GET(request: Request, { params }: TParams) {
  const { council } = await params;
  return withCouncil(council, "data:read", async (ctx) => {
    const y = Number(new URL(request.url).searchParams.get("year"));
    const year = Number.isInteger(y) && y >= 1900 && y <= 2100 ? y : undefined;
    const csv = await wardFactsCsv(ctx.db, ctx.council, year);
    const name = `${ctx.council.slug}-areas${year ? `-${year}` : ""}.csv`;
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(name), "Cache-Control": "no-store" } });
  });
}
