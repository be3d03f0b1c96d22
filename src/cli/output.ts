/**
 * Rendering a command's result: a table for people (`table`, `wide`), JSON or YAML for machines.
 */
import { stringify } from "yaml";
import type { CliOptions } from "./args.js";

/** What a command hands back to {@link run}: the text to print and the exit status. */
export interface CommandResult {
  output: string;
  status: number;
}

/**
 * Render `data` as JSON or YAML, or call `text()` for the human formats.
 *
 * @example
 * ```ts
 * renderOutput({ ...opts, output: "json" }, { claims: [] }, () => "").output; // '{\n  "claims": []\n}'
 * ```
 */
export function renderOutput(opts: Pick<CliOptions, "output">, data: unknown, text: () => string, status = 0): CommandResult {
  switch (opts.output) {
    case "json":
      return { output: JSON.stringify(data, null, 2), status };
    case "yaml":
      return { output: stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 }), status };
    default:
      return { output: text(), status };
  }
}
