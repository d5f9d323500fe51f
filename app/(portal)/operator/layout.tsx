import type { ReactNode } from "react";
import { OperatorNav } from "@/components/layout/operator-nav";
import { getSessionUser } from "@/lib/auth/session";

// The console's section links, for operators only. Not a security boundary: every operator page
// checks the operator itself (operatorPage()).
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <>
      {user?.isOperator && <OperatorNav />}
      {children}
    </>
  );
}
