/**
 * Docs and comments cite upstream sources (for example `kubernetes/kubernetes
 * pkg/controller/volume/persistentvolume/pv_controller.go`), never documents a reader of the package
 * cannot open: the design notes and reference write-ups the project was built from, or their section
 * numbers.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SELF = fileURLToPath(import.meta.url);

/** What such a citation looks like. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/§/, "a section sign (a section of a document outside the repository)"],
  [/DESIGN(\.md|'s)/, "DESIGN.md"],
  [/binding-and-lifecycle/, "binding-and-lifecycle.md"],
  [/validation-quantity-selectors/, "validation-quantity-selectors.md"],
  [/ecosystem\.md/, "ecosystem.md"],
  [/\.\.\/shared\b|\/work\/shared/, "the shared folder"],
  [/\breference (Part |Appendix |[A-C0-9]\.\d)/, "a section of the reference write-up"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    if (f === "node_modules" || f === "dist" || f === "site" || f.startsWith(".")) return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts|mjs|md)$/.test(p) ? [p] : [];
  });
}

it("src/, docs/, test/, bench/, examples/, README.md and CHANGELOG.md cite upstream files, not documents outside the repository", () => {
  const scanned = [
    ...["src", "docs", "test", "bench", "examples", "scripts"].flatMap((d) => files(join(root, d))),
    join(root, "README.md"),
    join(root, "CHANGELOG.md"),
  ].filter((f) => f !== SELF);
  const found: string[] = [];
  for (const file of scanned) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const [re, what] of FORBIDDEN)
          if (re.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${what}: ${line.trim().slice(0, 100)}`);
      });
  }
  expect(found).toEqual([]);
});
