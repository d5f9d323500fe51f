import { isPublished, type TReleaseState } from "@/lib/releases/state-machine";

/**
 * A release's standing as the PUBLIC sees it, which is not always its database state.
 *
 * Approving a release supersedes the council's previous one in the database at once, even when
 * the new release is embargoed (lib/releases/workflow.ts): members see the real state. The public
 * must not: until the correcting release is itself public, saying "superseded" would leak that an
 * unpublished release exists, and point at nothing. So a release is superseded to the public at
 * `now` only when a release on its chain of successors (`supersededById`, then that one's, …) is
 * public at `now`, and it is superseded by the first such release. Pure.
 */
export interface TStandingRow {
  id: string;
  version: number;
  state: string;
  publishAt: Date | null;
  supersededById: string | null;
}

export interface TPublicStanding {
  /** "superseded" once a release that corrects it is public at `now`, else "approved" */
  state: "approved" | "superseded";
  /** the first public release on its chain of successors at `now` */
  supersededByVersion: number | null;
  /**
   * The release it corrected as that stood when it came out (at its own `publishAt`): the newest
   * release public then whose first public successor it became. Fixed for ever once it is public,
   * so it may sit in answers cached for ever.
   */
  supersedesVersion: number | null;
}

const isPublicAt = (r: TStandingRow, at: Date) =>
  isPublished({ state: r.state as TReleaseState, publishAt: r.publishAt }, at);

/** The standings of `rows` (a council's approved and superseded releases, any order) at `now`. */
export function publicStandings(rows: readonly TStandingRow[], now: Date) {
  const byId = new Map(rows.map((r) => [r.id, r]));

  /** The first release after `r` on its chain of successors that is public at `at`. */
  const firstPublicSuccessor = (
    r: TStandingRow,
    at: Date,
  ): TStandingRow | null => {
    const seen = new Set([r.id]);
    for (
      let s = r.supersededById ? byId.get(r.supersededById) : undefined;
      s && !seen.has(s.id);
      s = s.supersededById ? byId.get(s.supersededById) : undefined
    ) {
      if (isPublicAt(s, at)) return s;
      seen.add(s.id);
    }
    return null;
  };

  return {
    /** Whether `r` is public at `now`. */
    isPublic: (r: TStandingRow) => isPublicAt(r, now),
    /** `r`'s standing at `now`; `r` must be one of `rows`. */
    of(r: TStandingRow): TPublicStanding {
      const by = firstPublicSuccessor(r, now);
      let supersedes: TStandingRow | null = null;
      if (r.publishAt) {
        const at = r.publishAt;
        for (const p of rows) {
          if (
            p.id === r.id ||
            !isPublicAt(p, at) ||
            firstPublicSuccessor(p, at)?.id !== r.id
          )
            continue;
          if (!supersedes || p.version > supersedes.version) supersedes = p;
        }
      }
      return {
        state: by ? "superseded" : "approved",
        supersededByVersion: by?.version ?? null,
        supersedesVersion: supersedes?.version ?? null,
      };
    },
  };
}
