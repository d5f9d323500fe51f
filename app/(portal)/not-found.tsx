import type { Metadata } from "next";
import { NotFoundContent } from "@/components/layout/not-found-content";

export const metadata: Metadata = { title: "Page not found" };

// Rendered inside this group's layout, which already draws the header and footer.
export default function NotFound() {
  return <NotFoundContent />;
}
