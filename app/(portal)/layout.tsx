import type { ReactNode } from "react";
import { PageShell } from "@/components/layout/page-shell";
import { getSessionUser } from "@/lib/auth/session";

// The header shows who is signed in. This layout is not a security boundary: every page
// below resolves the user and council itself.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return <PageShell user={user}>{children}</PageShell>;
}
