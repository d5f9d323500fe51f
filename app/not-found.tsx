import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/layout/not-found-content";

export const metadata: Metadata = { title: NOT_FOUND_TITLE };

// For addresses that match no route: only the root layout wraps this, so it brings the shell.
export default function NotFound() {
  return (
    <PageShell>
      <NotFoundContent />
    </PageShell>
  );
}
