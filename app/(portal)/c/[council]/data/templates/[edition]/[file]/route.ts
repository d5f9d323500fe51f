import { buildTemplate, templateFileName } from "@/lib/uploads/templates";
import { notFound } from "@/lib/errors";
import { attachment, withCouncil } from "../../../route-guard";

type TParams = { params: Promise<{ council: string; edition: string; file: string }> };

const TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/**
 * A template to fill in: /c/[council]/data/templates/[editionId]/(long|wide).(csv|xlsx), pre-filled
 * with the council's ward codes and names and the edition's indicators (codes, names, units and
 * expected ranges). `?period=2013` sets the year written into a long template.
 */
export async function GET(request: Request, { params }: TParams) {
  const { council, edition, file } = await params;
  return withCouncil(council, "data:read", async (ctx) => {
    const m = /^(long|wide)\.(csv|xlsx)$/.exec(file);
    if (!m) throw notFound();
    const [, format, type] = m as unknown as [string, "long" | "wide", "csv" | "xlsx"];
    const period = Number(new URL(request.url).searchParams.get("period")) || undefined;
    const t = await buildTemplate(ctx.db, { editionId: edition, format, type, period });
    return new Response(t.body as BodyInit, {
      headers: { "Content-Type": TYPES[type], "Content-Disposition": attachment(templateFileName(t.edition, format, type)), "Cache-Control": "no-store" },
    });
  });
}
