import type { Metadata } from "next";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";
import { MethodologyPage } from "@/components/public/methodology-page";

type TProps = { params: Promise<{ council: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  const { data } = await loadPublicPage(council, "latest", {});
  return { title: `Methodology – ${data.council.name}` };
}

/** How the latest release was calculated. */
export default async function PublicLatestMethodologyPage({ params, searchParams }: TProps) {
  const { council } = await params;
  return <MethodologyPage page={await loadPublicPage(council, "latest", await searchParams)} />;
}
