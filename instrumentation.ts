/**
 * Next.js calls register() once when a server starts. It starts the background chores
 * (lib/background/worker.ts) in the Node.js server only: not in the Edge runtime and not while
 * `next build` prerenders pages.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startBackgroundWork } = await import("@/lib/background/worker");
  startBackgroundWork();
}
