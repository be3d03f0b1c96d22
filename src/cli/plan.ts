/**
 * `kubevol plan`: the binding strategies side by side on the input (kubevol/binding's
 * `compareStrategies`): bound, pending, waste, time, the distance from the optimum, and the claims
 * whose fate differs between strategies.
 */
import type { PersistentVolume } from "../api/index.js";
import { compareStrategies, type StrategyComparison } from "../binding/index.js";
import type { CliOptions } from "./args.js";
import { inventory } from "./inventory.js";
import type { LoadedInput } from "./load.js";
import { renderOutput, type CommandResult } from "./output.js";
import { plural } from "./plural.js";
import { palette, renderTable } from "./table.js";
import { noTimer, type PhaseTimer } from "./timer.js";

/** Rows of the differences table shown without `-o wide`. */
const MAX_DIFFERENCES = 50;

const UNITS = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/**
 * Bytes in binary units with one decimal (`1.5Gi`), exact below 1Ki.
 *
 * @example
 * ```ts
 * humanBytes(1610612736n); // "1.5Gi"
 * ```
 */
export function humanBytes(n: bigint): string {
  const neg = n < 0n;
  let v = neg ? -n : n;
  let u = 0;
  let rem = 0n;
  while (v >= 1024n && u < UNITS.length - 1) {
    rem = v % 1024n;
    v /= 1024n;
    u++;
  }
  const tenth = u === 0 ? "" : `.${(rem * 10n) / 1024n}`;
  return `${neg ? "-" : ""}${v}${tenth === ".0" ? "" : tenth}${UNITS[u]}`;
}

/** A volume written without a status is taken as `Available` (what it is once created), unless it has a claimRef. */
function asCreated(pv: PersistentVolume): PersistentVolume {
  if (pv?.status?.phase !== undefined || pv?.spec?.claimRef != null) return pv;
  return { ...pv, status: { ...pv?.status, phase: "Available" } };
}

/**
 * Run `plan` over loaded objects.
 *
 * @example
 * ```ts
 * const { output } = planCommand(new LoadedInput(loadInputs(["examples/cluster.yaml"], () => "")), opts, () => {});
 * ```
 */
export function planCommand(
  input: LoadedInput,
  opts: CliOptions,
  progress: (msg: string) => void,
  _timer: PhaseTimer = noTimer,
): CommandResult {
  const inv = inventory(input.take());
  progress("planning…");
  const cmp = compareStrategies({ volumes: inv.volumes.map(asCreated), claims: inv.claims, classes: inv.classes });
  const data = planData(cmp);
  return renderOutput(opts, data, () => planText(cmp, opts));
}

function planData(cmp: StrategyComparison) {
  return {
    strategies: cmp.rows.map((r) => ({
      strategy: r.strategy,
      bound: r.bound,
      pending: r.pending,
      wastedBytes: r.wastedBytes.toString(),
      timeMs: Math.round(r.timeMs * 1000) / 1000,
      boundBelowOptimal: r.boundBelowOptimal,
      wasteAboveOptimalBytes: r.wasteAboveOptimal.toString(),
    })),
    differences: cmp.differences,
    pending: Object.fromEntries(cmp.plans.map((p) => [p.strategy, p.pending])),
  };
}

function planText(cmp: StrategyComparison, opts: CliOptions): string {
  const p = palette(opts.color);
  const lines: string[] = [p.bold("Strategies")];
  lines.push(
    renderTable(
      ["strategy", "bound", "pending", "waste", "time", "vs optimal"],
      cmp.rows.map((r) => [
        r.strategy,
        String(r.bound),
        String(r.pending),
        humanBytes(r.wastedBytes),
        `${r.timeMs < 10 ? r.timeMs.toFixed(2) : Math.round(r.timeMs)}ms`,
        r.strategy === "optimal"
          ? "-"
          : r.boundBelowOptimal > 0
            ? p.yellow(`${plural(r.boundBelowOptimal, "claim")} fewer`)
            : r.wasteAboveOptimal > 0n
              ? `+${humanBytes(r.wasteAboveOptimal)} waste`
              : p.green("optimal"),
      ]),
    ),
  );
  const names = cmp.plans.map((x) => x.strategy);
  lines.push("", p.bold(`Claims whose fate differs (${cmp.differences.length})`));
  if (cmp.differences.length === 0) lines.push("  (none: every strategy binds every claim to the same volume)");
  else {
    const shown = opts.output === "wide" ? cmp.differences : cmp.differences.slice(0, MAX_DIFFERENCES);
    lines.push(
      renderTable(
        ["claim", ...names],
        shown.map((d) => [d.claim, ...names.map((n) => d.volumes[n] ?? "-")]),
      ),
    );
    if (shown.length < cmp.differences.length) lines.push(p.dim(`… ${cmp.differences.length - shown.length} more (-o wide shows all)`));
  }
  return lines.join("\n");
}
