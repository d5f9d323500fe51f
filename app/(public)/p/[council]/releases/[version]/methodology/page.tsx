import type { Metadata } from "next";
import { loadPublicPage, type TSearchParams } from "@/components/public/load-public-release";
import { MethodologyPage } from "@/components/public/methodology-page";

type TProps = { params: Promise<{ council: string; version: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { council, version } = await params;
  const { data } = await loadPublicPage(council, version, await searchParams);
  return { title: `Methodology, release ${data.release.version} – ${data.council.name}` };
}

/** How one release was calculated. */
export default async function PublicMethodologyPage({ params, searchParams }: TProps) {
  const { council, version } = await params;
  return <MethodologyPage page={await loadPublicPage(council, version, await searchParams)} />;
}
