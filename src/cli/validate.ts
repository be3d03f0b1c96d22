/**
 * `kubevol validate`: the API server's validation and kubevol's storage lint over manifests.
 * Exit status 1 when any object is invalid or a lint rule of severity `error` fires.
 */
import {
  persistentVolumeClaimWarnings,
  persistentVolumeWarnings,
  storageClassWarnings,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validateStorageClass,
  type FieldError,
} from "../validation/index.js";
import { lintObjects, type LintSeverity } from "../lint/index.js";
import type { CliOptions } from "./args.js";
import type { LoadedInput } from "./load.js";
import { renderOutput, type CommandResult } from "./output.js";
import { plural } from "./plural.js";
import { palette, renderTable } from "./table.js";
import { noTimer, type PhaseTimer } from "./timer.js";

/** One problem `validate` reports. */
export interface ValidationProblem {
  /** `file:line` of the object. */
  source: string;
  kind: string;
  namespace?: string;
  name: string;
  /** `invalid` (API-server validation), `warning` (API-server warning), or the lint severity. */
  severity: "invalid" | "warning" | LintSeverity;
  /** `api` for API-server rules, the lint code (`KV001`) otherwise. */
  code: string;
  field: string;
  message: string;
  hint?: string;
}

const VALIDATORS: Record<string, { validate: (o: unknown) => FieldError[]; warnings: (o: never) => string[]; namespaced: boolean }> = {
  PersistentVolume: { validate: validatePersistentVolume, warnings: persistentVolumeWarnings, namespaced: false },
  PersistentVolumeClaim: { validate: validatePersistentVolumeClaim, warnings: persistentVolumeClaimWarnings, namespaced: true },
  StorageClass: { validate: validateStorageClass, warnings: storageClassWarnings, namespaced: false },
};

/**
 * Run `validate` over loaded objects.
 *
 * @example
 * ```ts
 * const { status } = validateCommand(new LoadedInput(loadInputs(["manifests/"], () => "")), opts, () => {});
 * // status 1 when anything is invalid
 * ```
 */
export function validateCommand(
  input: LoadedInput,
  opts: CliOptions,
  progress: (msg: string) => void,
  _timer: PhaseTimer = noTimer,
): CommandResult {
  const problems: ValidationProblem[] = [];
  let checked = 0;
  // As `kubectl apply` does, a namespaced object without a namespace lands in "default".
  const prepared = input.take().map(({ object, source }) => {
    const kind = typeof object["kind"] === "string" ? object["kind"] : "";
    const v = VALIDATORS[kind];
    const meta = object["metadata"];
    if (
      v?.namespaced &&
      meta &&
      typeof meta === "object" &&
      !Array.isArray(meta) &&
      (meta as { namespace?: unknown }).namespace === undefined
    ) {
      return { object: { ...object, metadata: { ...meta, namespace: "default" } }, source, kind };
    }
    return { object, source, kind };
  });
  prepared.forEach(({ object, source, kind }, i) => {
    if (i % 1000 === 0 && prepared.length > 1000) progress(`validating: ${i}/${prepared.length}`);
    const v = VALIDATORS[kind];
    if (!v) return;
    checked++;
    const ref = refOf(object, kind, `${source.file}:${source.line}`);
    for (const e of v.validate(object)) problems.push({ ...ref, severity: "invalid", code: "api", field: e.field, message: e.body() });
    for (const w of v.warnings(object as never)) problems.push({ ...ref, severity: "warning", code: "api", field: "", message: w });
  });
  const findings = lintObjects(prepared.map((p) => p.object));
  for (const f of findings) {
    const src = prepared[f.object.index]?.source;
    problems.push({
      source: src ? `${src.file}:${src.line}` : "",
      kind: f.object.kind,
      ...(f.object.namespace ? { namespace: f.object.namespace } : {}),
      name: f.object.name,
      severity: f.severity,
      code: f.code,
      field: f.field,
      message: f.message,
      hint: f.hint,
    });
  }
  const failed = problems.some((p) => p.severity === "invalid" || p.severity === "error");
  const status = failed ? 1 : 0;
  return renderOutput(opts, { checked, valid: !failed, problems }, () => renderText(problems, checked, failed, opts), status);
}

function refOf(
  object: Record<string, unknown>,
  kind: string,
  source: string,
): Pick<ValidationProblem, "source" | "kind" | "namespace" | "name"> {
  const meta = (object["metadata"] ?? {}) as { name?: unknown; namespace?: unknown };
  return {
    source,
    kind,
    ...(typeof meta.namespace === "string" ? { namespace: meta.namespace } : {}),
    name: typeof meta.name === "string" ? meta.name : "",
  };
}

function renderText(problems: readonly ValidationProblem[], checked: number, failed: boolean, opts: CliOptions): string {
  const p = palette(opts.color);
  const sev = (s: ValidationProblem["severity"]) =>
    s === "invalid" || s === "error" ? p.red(s) : s === "warning" ? p.yellow(s) : p.dim(s);
  const lines: string[] = [];
  if (problems.length > 0) {
    const headers =
      opts.output === "wide"
        ? ["source", "object", "severity", "code", "field", "message", "hint"]
        : ["source", "object", "severity", "code", "field", "message"];
    lines.push(
      renderTable(
        headers,
        problems.map((x) => {
          const row = [
            x.source,
            `${x.kind}/${x.namespace ? `${x.namespace}/` : ""}${x.name}`,
            sev(x.severity),
            x.code,
            x.field || "-",
            x.message,
          ];
          if (opts.output === "wide") row.push(x.hint ?? "");
          return row;
        }),
      ),
      "",
    );
  }
  const invalid = problems.filter((x) => x.severity === "invalid" || x.severity === "error").length;
  const warnings = problems.filter((x) => x.severity === "warning").length;
  const infos = problems.length - invalid - warnings;
  const rest = [warnings > 0 ? plural(warnings, "warning") : "", infos > 0 ? plural(infos, "note") : ""].filter(Boolean).join(", ");
  lines.push(
    failed
      ? p.red(`${plural(checked, "object")} checked: ${plural(invalid, "error")}${rest ? `, ${rest}` : ""}.`)
      : p.green(`${plural(checked, "object")} checked: valid${rest ? ` (${rest})` : ""}.`),
  );
  return lines.join("\n");
}
