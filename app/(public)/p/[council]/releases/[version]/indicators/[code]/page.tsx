import type { Metadata } from "next";
import { IndicatorPage, indicatorOf } from "@/components/public/indicator-page";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";

type TProps = { params: Promise<{ council: string; version: string; code: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { council, version, code } = await params;
  const page = await loadPublicPage(council, version, await searchParams);
  return { title: `${indicatorOf(page, code).name}, release ${page.data.release.version} – ${page.data.council.name}` };
}

/** One indicator in one release, at its permanent address. */
export default async function PublicIndicatorPage({ params, searchParams }: TProps) {
  const { council, version, code } = await params;
  const sp = await searchParams;
  return <IndicatorPage page={await loadPublicPage(council, version, sp)} code={code} sp={sp} />;
}
