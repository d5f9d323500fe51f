import type { Metadata } from "next";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";
import { WardScorecardPage, wardOf } from "@/components/public/ward-scorecard-page";

type TProps = { params: Promise<{ council: string; version: string; code: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { council, version, code } = await params;
  const page = await loadPublicPage(council, version, await searchParams);
  return { title: `${wardOf(page, code).name} ward scorecard, release ${page.data.release.version} – ${page.data.council.name}` };
}

/** A ward's scorecard in one release, at its permanent address. */
export default async function PublicWardPage({ params, searchParams }: TProps) {
  const { council, version, code } = await params;
  const sp = await searchParams;
  return <WardScorecardPage page={await loadPublicPage(council, version, sp)} code={code} sp={sp} />;
}
