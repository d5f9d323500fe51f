import type { Metadata } from "next";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";
import { WardScorecardPage, wardOf } from "@/components/public/ward-scorecard-page";

type TProps = { params: Promise<{ council: string; code: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council, code } = await params;
  const page = await loadPublicPage(council, "latest", {});
  return { title: `${wardOf(page, code).name} ward scorecard – ${page.data.council.name}` };
}

/** A ward's scorecard in the latest release. */
export default async function PublicLatestWardPage({ params, searchParams }: TProps) {
  const { council, code } = await params;
  const sp = await searchParams;
  return <WardScorecardPage page={await loadPublicPage(council, "latest", sp)} code={code} sp={sp} />;
}
