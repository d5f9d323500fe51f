import type { ReactNode } from "react";
import { PageShell } from "@/components/layout/page-shell";
import styles from "@/components/public/print.module.css";

// The public pages' own light layout: no session read, no cookies, nothing per-user. Pages that
// offer a members' preview (?preview=1) resolve the session themselves.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.root}>
      <PageShell>{children}</PageShell>
    </div>
  );
}
