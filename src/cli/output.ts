/**
 * Rendering a command's result: a table for people (`table`, `wide`), JSON or YAML for machines.
 */
import { stringify } from "yaml";
import type { CliOptions } from "./args.js";

/**
 * A command's text: one string, or its lines (printed with a newline between each two). A long
 * report stays lines: joined, the 100,000-object `explain` is one 41-million-character string — 80 MB
 * at the command's peak of memory, and a copy of every line — that only goes to stdout in slices.
 */
export type OutputText = string | readonly string[];

/** What a command hands back to {@link run}: the text to print and the exit status. */
export interface CommandResult {
  output: OutputText;
  status: number;
}

/**
 * The text as one string (what {@link run} prints, less the final newline it adds when missing).
 *
 * @example
 * ```ts
 * outputString(["a", "b"]); // "a\nb"
 * ```
 */
export function outputString(output: OutputText): string {
  return typeof output === "string" ? output : output.join("\n");
}

/**
 * Render `data` as JSON or YAML, or call `text()` for the human formats.
 *
 * @example
 * ```ts
 * renderOutput({ ...opts, output: "json" }, { claims: [] }, () => "").output; // '{\n  "claims": []\n}'
 * ```
 */
export function renderOutput(opts: Pick<CliOptions, "output">, data: unknown, text: () => OutputText, status = 0): CommandResult {
  switch (opts.output) {
    case "json":
      return { output: JSON.stringify(data, null, 2), status };
    case "yaml":
      return { output: stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 }), status };
    default:
      return { output: text(), status };
  }
}

/** Characters of output handed to `stdout` at a time. */
export const WRITE_CHUNK = 1 << 20;

/**
 * Prints the output and a final newline (unless it ends with one) in slices of about `chunk`
 * characters: a 40 MB report written at once is first copied whole (`+ "\n"`) and then encoded
 * whole, two transient copies at the command's peak of memory. Lines are joined a slice at a time,
 * never into the whole text, and no slice ends inside a surrogate pair.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * writeOutput((t) => out.push(t), ["a", "b"]);
 * out.join(""); // "a\nb\n"
 * ```
 */
export function writeOutput(stdout: (text: string) => void, output: OutputText, chunk = WRITE_CHUNK): void {
  if (typeof output === "string") {
    writeSlices(stdout, output, chunk);
    if (!output.endsWith("\n")) stdout("\n");
    return;
  }
  // A newline goes between each two lines, so every slice but the first starts with one.
  let started = false;
  let batch: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    stdout((started ? "\n" : "") + batch.join("\n"));
    started = true;
    batch = [];
    size = 0;
  };
  for (const line of output) {
    if (line.length >= chunk) {
      flush();
      if (started) stdout("\n");
      writeSlices(stdout, line, chunk);
      started = true;
      continue;
    }
    batch.push(line);
    size += line.length + 1;
    if (size >= chunk) flush();
  }
  flush();
  // The joined text ends with a newline when its last line does, or when that line is empty and
  // follows a newline of its own.
  const last = output[output.length - 1] ?? "";
  if (!last.endsWith("\n") && !(last === "" && output.length > 1)) stdout("\n");
}

/** `text` in slices of about `chunk` characters, never splitting a surrogate pair. */
function writeSlices(stdout: (text: string) => void, text: string, chunk: number): void {
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + chunk);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    stdout(text.slice(at, end));
    at = end;
  }
}
