import type { TReleaseForReview } from "@/lib/releases/queries";
import { CommentForm } from "./comment-form";
import { dateTime } from "./format";

type TComment = TReleaseForReview["comments"][number];

/**
 * Comments threaded by parentId, oldest first. A cell comment names its ward and score. Anyone
 * with release:comment can add one or reply; everyone who can read the release sees them.
 */
export function CommentsSection({
  council,
  releaseId,
  comments,
  canComment,
  wardNames,
  names,
  scoreOptions,
  defaultWard,
  defaultScore,
}: {
  council: string;
  releaseId: string;
  comments: TComment[];
  canComment: boolean;
  wardNames: Record<string, string>;
  names: Record<string, string>;
  scoreOptions: Array<{ value: string; label: string }>;
  defaultWard?: string;
  defaultScore?: string;
}) {
  const children = new Map<string | null, TComment[]>();
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    const key = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const render = (list: TComment[], depth: number): React.ReactNode => (
    <ul className="govuk-list" style={depth > 0 ? { marginLeft: 24, paddingLeft: 16, borderLeft: "4px solid #b1b4b6" } : undefined}>
      {list.map((c) => (
        <li key={c.id} data-testid="comment" className="govuk-!-margin-bottom-4">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{c.author}</strong>, {dateTime.format(c.createdAt)}
            {(c.areaCode || c.scoreCode) && (
              <>
                {" "}
                — on{" "}
                <strong className="govuk-tag govuk-tag--grey">
                  {[c.areaCode ? (wardNames[c.areaCode] ?? c.areaCode) : null, c.scoreCode ? (names[c.scoreCode] ?? c.scoreCode) : null].filter(Boolean).join(" × ")}
                </strong>
              </>
            )}
            {depth > 0 && <span className="govuk-visually-hidden"> (reply)</span>}
          </p>
          <p className="govuk-body govuk-!-margin-bottom-1" style={{ whiteSpace: "pre-wrap" }}>
            {c.body}
          </p>
          {canComment && (
            <details className="govuk-details govuk-!-margin-bottom-1">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Reply<span className="govuk-visually-hidden"> to {c.author}</span>
                </span>
              </summary>
              <div className="govuk-details__text">
                <CommentForm council={council} releaseId={releaseId} parentId={c.id} />
              </div>
            </details>
          )}
          {children.has(c.id) && render(children.get(c.id)!, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="comments-heading">
      <h2 className="govuk-heading-l" id="comments-heading">
        Comments ({comments.length})
      </h2>
      {comments.length === 0 ? <p className="govuk-body">No comments yet.</p> : render(children.get(null) ?? [], 0)}
      {canComment && (
        <>
          <h3 className="govuk-heading-m">Add a comment</h3>
          <CommentForm
            council={council}
            releaseId={releaseId}
            wards={Object.entries(wardNames).map(([value, label]) => ({ value, label }))}
            scores={scoreOptions}
            defaultWard={defaultWard}
            defaultScore={defaultScore}
          />
        </>
      )}
    </section>
  );
}
