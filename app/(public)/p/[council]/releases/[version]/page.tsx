import type { Metadata } from "next";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";
import { ReleaseOverview } from "@/components/public/release-overview";

type TProps = { params: Promise<{ council: string; version: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { council, version } = await params;
  const { data } = await loadPublicPage(council, version, await searchParams);
  return { title: `Social Progress Index, release ${data.release.version} – ${data.council.name}` };
}

/** A release's front page at its permanent address (also serves /p/<council> as "latest"). */
export default async function PublicReleasePage({ params, searchParams }: TProps) {
  const { council, version } = await params;
  const sp = await searchParams;
  return <ReleaseOverview page={await loadPublicPage(council, version, sp)} sp={sp} />;
}
