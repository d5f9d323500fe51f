"use client";

import { useActionState, useRef, useState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import styles from "./file-upload.module.css";

type TUploadResult = { refused?: { code: string; message: string } } | undefined;
type TAction = (prev: TFormState<TUploadResult>, data: FormData) => Promise<TFormState<TUploadResult>>;

/**
 * Choose a file and send it, showing a progress bar. With JavaScript the file is posted raw to
 * `endpoint` by XMLHttpRequest (which reports upload progress) and the page reloads to show the
 * next step; without it, the same form posts multipart data to the server action.
 */
export function FileUploadForm({
  council,
  uploadId,
  endpoint,
  nextUrl,
  action,
  maxBytes,
  accept,
}: {
  council: string;
  uploadId: string;
  endpoint: string;
  nextUrl: string;
  action: TAction;
  maxBytes: number;
  accept: string;
}) {
  const [state, formAction, pending] = useActionState<TFormState<TUploadResult>, FormData>(action, null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const refused = state?.ok ? state.data?.refused?.message : undefined;
  const message = error ?? refused ?? fieldError(state, "file");
  const maxMb = Math.round(maxBytes / 1024 / 1024);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const file = input.current?.files?.[0];
    if (typeof XMLHttpRequest === "undefined") return; // let the form post normally
    e.preventDefault();
    if (!file) return setError("Select a file");
    if (file.size > maxBytes) return setError(`The selected file must be smaller than ${maxMb} MB`);
    setError(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", endpoint);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    xhr.onload = () => {
      let body: { ok?: boolean; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: fall through to the generic message */
      }
      if (xhr.status === 200 && body.ok) {
        setProgress(100);
        window.location.assign(nextUrl);
        return;
      }
      setProgress(null);
      setError(body.error?.message ?? (xhr.status === 404 ? "This upload no longer exists" : "The file could not be uploaded. Try again."));
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The connection failed while uploading. Check your connection and try again.");
    };
    xhr.send(file);
  }

  return (
    <form action={formAction} encType="multipart/form-data" onSubmit={onSubmit} noValidate data-testid="file-upload-form">
      {message && (
        <div className="govuk-error-summary" data-testid="upload-error">
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                <li>
                  <a href="#file">{message}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      )}
      {state && !state.ok && !fieldError(state, "file") && <ActionFeedback state={state} />}
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="uploadId" value={uploadId} />
      <div className={`govuk-form-group${message ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--m" htmlFor="file">
          Upload a file
        </label>
        <div className="govuk-hint" id="file-hint">
          CSV or Excel (.xlsx), smaller than {maxMb} MB.
        </div>
        {message && (
          <p className="govuk-error-message" id="file-error">
            <span className="govuk-visually-hidden">Error:</span> {message}
          </p>
        )}
        <input
          ref={input}
          className={`govuk-file-upload${message ? " govuk-file-upload--error" : ""}`}
          id="file"
          name="file"
          type="file"
          accept={accept}
          aria-describedby={`file-hint${message ? " file-error" : ""}`}
        />
      </div>
      {progress !== null && (
        <div className="govuk-form-group" data-testid="upload-progress">
          <label className="govuk-label" htmlFor="upload-progress">
            Uploading: {progress}%
          </label>
          <progress id="upload-progress" className={styles.progress} max={100} value={progress}>
            {progress}%
          </progress>
        </div>
      )}
      <button type="submit" className="govuk-button" disabled={pending || (progress !== null && progress < 100)}>
        Upload file
      </button>
    </form>
  );
}
