/**
 * `kubevol simulate`: run the PV controller (and the protection controllers) on the input until
 * nothing changes, with every provisioner and deleter succeeding, and show what the cluster
 * becomes: bindings, phases, operations and the event timeline.
 */
import { runCluster } from "../engine/index.js";
import { type Cluster, createCluster, type LifecycleEvent } from "../lifecycle/index.js";
import type { CliOptions } from "./args.js";
import { inventory, snapshotOf } from "./inventory.js";
import { plural } from "./plural.js";
import type { LoadedInput, LoadedObject } from "./load.js";
import { renderOutput, type CommandResult } from "./output.js";
import { palette, renderTable } from "./table.js";
import { noTimer, type PhaseTimer } from "./timer.js";

/** The cluster snapshot of the input; its own function, so the parsed input and the inventory are garbage during the run. */
function clusterOf(objects: readonly LoadedObject[], timer: PhaseTimer): Cluster {
  const inv = timer.time("inventory (schemas)", () => inventory(objects));
  return timer.time("snapshot", () => createCluster(snapshotOf(inv)));
}

/** The default clock of a simulation when `--now` is not given: fixed, so output is reproducible. */
export const DEFAULT_SIMULATION_TIME = "2026-01-01T00:00:00Z";

/**
 * Run `simulate` over loaded objects.
 *
 * @example
 * ```ts
 * const { output } = simulateCommand(new LoadedInput(loadInputs(["examples/cluster.yaml"], () => "")), opts, () => {});
 * ```
 */
export function simulateCommand(
  input: LoadedInput,
  opts: CliOptions,
  progress: (msg: string) => void,
  timer: PhaseTimer = noTimer,
): CommandResult {
  const cluster = clusterOf(input.take(), timer);
  progress("simulating…");
  const now = opts.now ?? DEFAULT_SIMULATION_TIME;
  const result = timer.time("engine run", () => runCluster(cluster, { now }));
  const final = result.cluster;
  const claims = sortedValues(final.claims).map((c) => ({
    namespace: c.metadata?.namespace ?? "default",
    name: c.metadata?.name ?? "",
    phase: c.status?.phase ?? "Pending",
    volume: c.spec?.volumeName ?? "",
    capacity: c.status?.capacity?.["storage"] ?? "",
    class: c.spec?.storageClassName ?? "",
  }));
  const volumes = sortedValues(final.volumes).map((v) => ({
    name: v.metadata?.name ?? "",
    phase: v.status?.phase ?? "Pending",
    claim: v.spec?.claimRef ? `${v.spec.claimRef.namespace ?? ""}/${v.spec.claimRef.name ?? ""}` : "",
    capacity: v.spec?.capacity?.["storage"] ?? "",
    class: v.spec?.storageClassName ?? "",
    reclaimPolicy: v.spec?.persistentVolumeReclaimPolicy ?? "",
  }));
  const data = {
    converged: result.converged,
    rounds: result.rounds,
    claims,
    volumes,
    operations: result.operations,
    events: result.events,
    errors: result.errors,
  };
  return timer.time("rendering", () =>
    renderOutput(opts, data, () => {
      const p = palette(opts.color);
      const lines: string[] = [];
      lines.push(p.bold("Claims"));
      lines.push(
        claims.length === 0
          ? "  (none)"
          : renderTable(
              ["namespace", "name", "phase", "volume", "capacity", "class"],
              claims.map((c) => [c.namespace, c.name, c.phase, c.volume || "-", c.capacity || "-", c.class || '""']),
            ),
      );
      lines.push("", p.bold("Volumes"));
      lines.push(
        volumes.length === 0
          ? "  (none)"
          : renderTable(
              ["name", "phase", "claim", "capacity", "class", "reclaim policy"],
              volumes.map((v) => [v.name, v.phase, v.claim || "-", v.capacity || "-", v.class || '""', v.reclaimPolicy]),
            ),
      );
      if (result.operations.length > 0) {
        lines.push("", p.bold("Operations"));
        lines.push(
          renderTable(
            ["id", "kind", "provisioner", "object"],
            result.operations.map((o) => [o.id, o.kind, o.provisioner ?? "-", o.claim ?? o.volume ?? "-"]),
          ),
        );
      }
      lines.push("", p.bold("Events"));
      lines.push(
        result.events.length === 0
          ? "  (none)"
          : renderTable(
              ["type", "reason", "object", "message"],
              result.events.map((e) => eventRow(e, opts.output === "wide")),
            ),
      );
      for (const e of result.errors) lines.push(p.red(`error: ${e}`));
      lines.push(
        "",
        result.converged
          ? `Converged after ${plural(result.rounds, "round")}.`
          : p.red(`Did not converge after ${plural(result.rounds, "round")}.`),
      );
      return lines;
    }),
  );
}

function eventRow(e: LifecycleEvent, wide: boolean): string[] {
  const obj = `${e.object.kind === "PersistentVolumeClaim" ? "pvc" : e.object.kind === "PersistentVolume" ? "pv" : e.object.kind.toLowerCase()}/${e.object.namespace ? `${e.object.namespace}/` : ""}${e.object.name}`;
  const message = wide || e.message.length <= 100 ? e.message : `${e.message.slice(0, 97)}...`;
  return [e.type, e.reason, obj, message];
}

function sortedValues<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort().map((k) => map.get(k)!);
}
