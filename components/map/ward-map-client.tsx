"use client";
/**
 * The interactive part of WardMap: tracks which ward is hovered or focused,
 * shows its name and value as text (a cue that does not rely on colour), and
 * redraws that ward last with the focus outline so neighbours cannot cover it
 * (SVG has no z-index; paint order is document order).
 */
import { useState } from "react";
import type { TWardView } from "./ward-map-model";
import styles from "./ward-map.module.css";

export type TWardMapInteractiveProps = {
  wards: TWardView[];
  viewBox: [number, number, number, number];
  titleId: string;
  descId?: string;
  hatchId: string;
  /** Status text when no ward is active. */
  hint: string;
  /** Ward shown as active when none is hovered or focused. */
  selectedCode?: string;
};

export function WardMapInteractive({ wards, viewBox, titleId, descId, hatchId, hint, selectedCode }: TWardMapInteractiveProps) {
  // Hover and keyboard focus are tracked apart so moving the mouse away does not
  // hide the ward a keyboard user is on.
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const shown = hovered ?? focused ?? selectedCode ?? null;
  const current = shown === null ? undefined : wards.find((w) => w.code === shown);
  const [, , vw, vh] = viewBox;

  return (
    <div className={styles.mapArea}>
      {/* Hidden from assistive tech: the same text is each ward's accessible name, read on focus. */}
      <p className={styles.status} aria-hidden="true">
        {current ? current.label : hint}
      </p>
      <svg
        className={styles.svg}
        viewBox={viewBox.join(" ")}
        style={{ aspectRatio: `${vw} / ${vh}` }}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
        onMouseLeave={() => setHovered(null)}
      >
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" strokeWidth="2" />
          </pattern>
        </defs>
        {wards.map((w) => {
          const shape = <path d={w.d} fill={w.fill ?? `url(#${hatchId})`} className={styles.shape} />;
          const events = {
            onFocus: () => setFocused(w.code),
            onBlur: () => setFocused((prev) => (prev === w.code ? null : prev)),
            onMouseEnter: () => setHovered(w.code),
          };
          return w.href ? (
            <a key={w.code} href={w.href} aria-label={w.label} className={styles.ward} data-code={w.code} {...events}>
              {shape}
            </a>
          ) : (
            <g key={w.code} tabIndex={0} role="img" aria-label={w.label} className={styles.ward} data-code={w.code} {...events}>
              {shape}
            </g>
          );
        })}
        {current ? (
          <g aria-hidden="true" className={styles.highlight}>
            <path d={current.d} className={styles.highlightHalo} />
            <path d={current.d} className={styles.highlightLine} />
          </g>
        ) : null}
      </svg>
    </div>
  );
}
