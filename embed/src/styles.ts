/**
 * The component's stylesheet. Everything sits under `.lspi`, so the same CSS styles the shadow
 * DOM of <local-spi> and the server-rendered iframe pages. Hosts theme it with custom
 * properties: --local-spi-font, --local-spi-text, --local-spi-background, --local-spi-accent,
 * --local-spi-focus, --local-spi-border and --local-spi-c1 … --local-spi-c7 (class colours).
 */
export const CSS = `
:host{display:block}
.lspi{font-family:var(--local-spi-font,system-ui,-apple-system,"Segoe UI",Arial,sans-serif);color:var(--local-spi-text,#0b0c0c);background:var(--local-spi-background,#fff);font-size:1rem;line-height:1.4;max-width:100%}
.lspi *{box-sizing:border-box}
.lspi .t{font-weight:700;font-size:1.15rem;margin:0 0 .25rem}
.lspi .d{margin:0 0 .5rem;color:var(--local-spi-secondary,#484949)}
.lspi figure{margin:0}
.lspi svg{display:block;width:100%;height:auto;max-height:70vh}
.lspi svg [data-i]{stroke:var(--local-spi-border,#505a5f);stroke-width:.6;cursor:pointer}
.lspi svg [data-i]:hover{stroke-width:2}
.lspi svg [data-i]:focus{outline:none}
.lspi svg [data-i]:focus,.lspi svg [data-i][aria-pressed=true]{stroke:var(--local-spi-focus-text,#0b0c0c);stroke-width:3}
.lspi svg [data-i]:focus-visible{stroke-width:4}
.lspi .s{min-height:1.4em;margin:.5rem 0;font-weight:700}
.lspi ul.l{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.lspi ul.l li{display:flex;align-items:center;gap:.4rem}
.lspi .sw{display:inline-block;width:1.25rem;height:1.25rem;border:1px solid var(--local-spi-border,#505a5f)}
.lspi .sw.nd{background:repeating-linear-gradient(45deg,#fff 0 3px,#505a5f 3px 4px)}
.lspi table{border-collapse:collapse;width:100%;margin:.5rem 0}
.lspi caption{text-align:left;font-weight:700;padding-bottom:.25rem}
.lspi th,.lspi td{text-align:left;padding:.3rem .5rem .3rem 0;border-bottom:1px solid #b1b4b6}
.lspi td.n,.lspi th.n{text-align:right}
.lspi details{margin:.5rem 0}
.lspi summary{cursor:pointer;color:var(--local-spi-accent,#1d70b8);text-decoration:underline}
.lspi a{color:var(--local-spi-accent,#1d70b8)}
.lspi a:focus,.lspi summary:focus{outline:3px solid transparent;background:var(--local-spi-focus,#fd0);color:var(--local-spi-focus-text,#0b0c0c);box-shadow:0 -2px var(--local-spi-focus,#fd0),0 4px var(--local-spi-focus-text,#0b0c0c);text-decoration:none}
.lspi .src{font-size:.875rem;color:var(--local-spi-secondary,#484949);margin:.5rem 0 0}
.lspi .big{font-size:2rem;font-weight:700;margin:0}
`;

/** Class colour rules for k classes: `.c0` … fill the map, `.sw.c0` … fill the legend swatches. */
export function classCss(colours: readonly string[]): string {
  return colours.map((c, i) => `.lspi .c${i}{fill:var(--local-spi-c${i + 1},${c})}.lspi .sw.c${i}{background:var(--local-spi-c${i + 1},${c})}`).join("");
}
