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
  const all = [headers.map((h) => h.toUpperCase()), ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => visibleLength(r[c] ?? ""))));
  return all
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell + " ".repeat(widths[c]! - visibleLength(cell) + 3)))
        .join("")
        .trimEnd(),
    )
    .join("\n");
}
