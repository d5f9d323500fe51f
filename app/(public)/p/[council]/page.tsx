import type { Metadata } from "next";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";
import { ReleaseOverview } from "@/components/public/release-overview";

type TProps = { params: Promise<{ council: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  const { data } = await loadPublicPage(council, "latest", {});
  return { title: `Social Progress Index – ${data.council.name}` };
}

/** The council's latest public release (the same component as /p/<council>/releases/<n>). */
export default async function PublicCouncilPage({ params, searchParams }: TProps) {
  const { council } = await params;
  const sp = await searchParams;
  return <ReleaseOverview page={await loadPublicPage(council, "latest", sp)} sp={sp} />;
}
