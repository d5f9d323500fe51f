/**
 * Accessible SVG choropleth of wards. Renders on the server (no "use client"):
 * projection and classification happen here, only the hover/focus behaviour
 * lives in ward-map-client.tsx.
 */
import { useId } from "react";
import type { TClassMethod } from "@/lib/geo/classify";
import type { TPaletteName } from "@/lib/geo/palette";
import { buildWardMapModel, wardCountText, type TWardMapArea } from "./ward-map-model";
import { WardMapInteractive } from "./ward-map-client";
import styles from "./ward-map.module.css";

export type { TWardMapArea } from "./ward-map-model";

export type TWardMapProps = {
  areas: TWardMapArea[];
  /** Visible caption, also the map's accessible name. */
  title: string;
  /** What the values are (source, year, "higher is better"…). */
  description?: string;
  /** 3–7, default 5. */
  classes?: number;
  /** Default "quantile". */
  method?: TClassMethod;
  /** Interior thresholds when method is "fixed". */
  thresholds?: number[];
  /** Default "blue". */
  palette?: TPaletteName;
  /** Decimal places for values and legend, default 1. */
  decimals?: number;
  /** Show the "values as a table" disclosure, default true (when there are values). */
  showTable?: boolean;
  /** Ward to highlight while no other is hovered or focused, e.g. on that ward's own page. */
  selectedCode?: string;
};

/**
 * `<WardMap areas title description classes method palette />`: a `<figure>`
 * with a caption, an SVG where every ward is a Tab stop with an accessible
 * name like "Abbey: 54.2 (class 3 of 5)", a text status line for hover/focus,
 * an HTML legend naming the method, a hatch for "No data", and the values as
 * a table. With no values at all it draws a "Boundaries only" map.
 */
export function WardMap(props: TWardMapProps) {
  const { areas, title, description, showTable = true } = props;
  const uid = "wm" + useId().replace(/[^A-Za-z0-9_-]/g, "");
  const model = buildWardMapModel(areas, props);
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const hatchId = `${uid}-nodata`;

  return (
    <figure className={styles.figure} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <span id={titleId} className={styles.title}>
          {title}
        </span>
        {description ? (
          <span id={descId} className={styles.description}>
            {description}
          </span>
        ) : null}
      </figcaption>

      <WardMapInteractive
        wards={model.wards}
        viewBox={model.viewBox}
        titleId={titleId}
        descId={description ? descId : undefined}
        hatchId={hatchId}
        selectedCode={props.selectedCode}
        hint={model.boundariesOnly ? "Point to or tab to a ward to see its name." : "Point to or tab to a ward to see its value."}
      />

      <div className={styles.legend}>
        <p className={styles.legendTitle}>{model.legendTitle}</p>
        <ul className={styles.legendList}>
          {model.legend.map((row) => (
            <li key={row.key} className={styles.legendItem}>
              <span
                className={row.fill ? styles.swatch : `${styles.swatch} ${styles.swatchNoData}`}
                style={row.fill ? { backgroundColor: row.fill } : undefined}
                aria-hidden="true"
              />
              <span>{row.label}</span> <span className={styles.legendCount}>({wardCountText(row.count)})</span>
            </li>
          ))}
        </ul>
      </div>

      {showTable && !model.boundariesOnly ? (
        <details className={styles.details}>
          <summary className={styles.summary}>Show the values as a table</summary>
          <table className={styles.table}>
            <caption className={styles.visuallyHidden}>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Ward</th>
                <th scope="col">Value</th>
                <th scope="col">Class</th>
              </tr>
            </thead>
            <tbody>
              {model.wards.map((w) => (
                <tr key={w.code}>
                  <th scope="row">{w.href ? <a href={w.href}>{w.name}</a> : w.name}</th>
                  <td>{w.valueText ?? "No data"}</td>
                  <td>{w.classNumber === null ? "–" : `${w.classNumber} of ${model.classCount}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
