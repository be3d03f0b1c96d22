/**
 * Plain-text tables in kubectl's style (upper-case headers, columns padded with three spaces),
 * with optional ANSI colour for terminals.
 */

/** ANSI styles the CLI uses; identity functions when colour is off. */
export interface Palette {
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const plain = (s: string) => s;

/**
 * The palette for a terminal (`color: true`) or for pipes and NO_COLOR (`color: false`).
 *
 * @example
 * ```ts
 * palette(false).red("x"); // "x"
 * ```
 */
export function palette(color: boolean): Palette {
  return color
    ? { green: wrap("32"), yellow: wrap("33"), red: wrap("31"), dim: wrap("2"), bold: wrap("1") }
    : { green: plain, yellow: plain, red: plain, dim: plain, bold: plain };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
// Most cells have no colour: their length is theirs (no regex, no copy, 50,000 rows at a time).
const visibleLength = (s: string): number => (s.includes("\x1b") ? s.replace(ANSI, "").length : s.length);

/**
 * Render rows under upper-case headers, kubectl style.
 *
 * @example
 * ```ts
 * renderTable(["name", "phase"], [["pv-1", "Bound"]]);
 * // "NAME   PHASE\npv-1   Bound"
 * ```
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => h.toUpperCase());
  // One pass with a loop: `Math.max(...column)` throws a RangeError past ~120,000 rows.
  const widths = head.map(visibleLength);
  for (const r of rows) {
    for (let c = 0; c < widths.length; c++) {
      const n = visibleLength(r[c] ?? "");
      if (n > widths[c]!) widths[c] = n;
    }
  }
  const out = new Array<string>(rows.length + 1);
  out[0] = tableLine(head, widths);
  for (let i = 0; i < rows.length; i++) out[i + 1] = tableLine(rows[i]!, widths);
  return out.join("\n");
}

/** One row: every cell but the last padded to its column's width and three spaces. */
function tableLine(r: readonly string[], widths: readonly number[]): string {
  let line = "";
  for (let c = 0; c < r.length; c++) {
    const cell = r[c]!;
    const w = widths[c];
    // A cell beyond the headers' columns is not padded.
    line += c === r.length - 1 || w === undefined ? cell : cell + " ".repeat(w - visibleLength(cell) + 3);
  }
  return line.trimEnd();
}
