/**
 * Admission warnings: the API server shows them to users as `Warning:` lines. The protocol asks to
 * keep each under 120 characters (over 256 may be truncated), without a `Warning:` prefix.
 *
 * @module
 */

/**
 * The length every warning is kept within unless told otherwise.
 *
 * @example
 * ```ts
 * fitWarning(text, MAX_WARNING_LENGTH);
 * ```
 */
export const MAX_WARNING_LENGTH = 120;

/**
 * Wordy phrases of Kubernetes' own warnings and shorter equivalents, used only when a warning
 * does not fit (the meaning is kept; the API server's exact text is longer than the protocol's
 * 120-character advice).
 */
const SHORTER_PHRASES: ReadonlyArray<readonly [string, string]> = [
  [
    "The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.",
    "Recycle is deprecated; use dynamic provisioning instead.",
  ],
  ['" attribute instead', '" instead'],
];

const length = (s: string) => Array.from(s).length;

/** Split `a.b[0].c` into `a`, `b[0]`, `c` (dots inside brackets are part of a key). */
function pathSegments(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of path) {
    if (ch === "[") depth++;
    else if (ch === "]") depth = Math.max(0, depth - 1);
    if (ch === "." && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Drop leading path segments (marked `…`) until `path: body` fits, keeping at least the last one. */
function shortenPath(text: string, max: number): string {
  const m = /^([A-Za-z][\w.[\]/-]*): (.+)$/s.exec(text);
  if (!m) return text;
  const segments = pathSegments(m[1]!);
  for (let drop = 1; drop < segments.length; drop++) {
    const candidate = `…${segments.slice(drop).join(".")}: ${m[2]}`;
    if (length(candidate) <= max || drop === segments.length - 1) return candidate;
  }
  return text;
}

/**
 * Fit one warning into `max` characters (code points), keeping as much meaning as possible:
 * whitespace collapsed and a leading `Warning:` dropped; then, only when too long, known wordy
 * phrases shortened, leading field-path segments elided (`…matchExpressions[0].key: ...`), and as
 * a last resort the text cut at a word boundary with a trailing `…`.
 *
 * @example
 * ```ts
 * fitWarning("Warning: short"); // "short"
 * fitWarning("spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.");
 * // "spec.persistentVolumeReclaimPolicy: Recycle is deprecated; use dynamic provisioning instead."
 * ```
 */
export function fitWarning(text: string, max = MAX_WARNING_LENGTH): string {
  let s = String(text).replace(/\s+/g, " ").trim();
  if (/^warning:\s*/i.test(s)) s = s.replace(/^warning:\s*/i, "");
  if (length(s) <= max) return s;
  for (const [long, short] of SHORTER_PHRASES) s = s.split(long).join(short);
  if (length(s) <= max) return s;
  s = shortenPath(s, max);
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const limit = Math.max(1, max - 1);
  let cut = chars.slice(0, limit).join("");
  const space = cut.lastIndexOf(" ");
  if (space >= limit / 2) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:.]+$/, "") + "…";
}

/**
 * Fit every warning (see {@link fitWarning}), drop empty ones and exact duplicates, keep the order.
 *
 * @example
 * ```ts
 * fitWarnings(["a", "a", " ", "b"]); // ["a", "b"]
 * ```
 */
export function fitWarnings(texts: readonly string[], max = MAX_WARNING_LENGTH): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    const w = fitWarning(t, max);
    if (w === "" || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
  }
  return out;
}
