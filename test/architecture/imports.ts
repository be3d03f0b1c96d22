/** Reading a source file's runtime imports (not a test file itself). */

/** The module specifiers a file loads at runtime (type-only imports and exports excluded). */
export function runtimeSpecifiers(source: string): string[] {
  const out: string[] = [];
  // import x from "m"; import { a, type B } from "m"; import * as n from "m"; export { a } from "m"; export * from "m"
  const re = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) {
    if (m[5] !== undefined) {
      out.push(m[5]); // side-effect import
      continue;
    }
    if (m[2] !== undefined) continue; // import type / export type
    const clause = m[3] ?? "";
    // `import { type A, type B } from` is erased too (every specifier is type-only).
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    if (braces) {
      const names = braces[1]!
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      if (names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
    }
    out.push(m[4]!);
  }
  return out;
}
