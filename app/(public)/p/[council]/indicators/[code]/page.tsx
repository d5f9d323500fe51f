import type { Metadata } from "next";
import { IndicatorPage, indicatorOf } from "@/components/public/indicator-page";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";

type TProps = { params: Promise<{ council: string; code: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council, code } = await params;
  const page = await loadPublicPage(council, "latest", {});
  return { title: `${indicatorOf(page, code).name} – ${page.data.council.name}` };
}

/** One indicator in the latest release. */
export default async function PublicLatestIndicatorPage({ params, searchParams }: TProps) {
  const { council, code } = await params;
  const sp = await searchParams;
  return <IndicatorPage page={await loadPublicPage(council, "latest", sp)} code={code} sp={sp} />;
}
