/**
 * Operator-readable sentences for failed checks.
 *
 * @module
 */
import { AnnBetaStorageClass } from "../api/constants/index.js";
import { parseAccessModesKey } from "../api/helpers/index.js";
import type { Labels, Requirement } from "../labels/index.js";
import type { CheckContext } from "./checks.js";
import { volumeNodeAffinityError } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import type { CheckFailure, ReasonCode } from "./reason-code.js";

/**
 * A class name for a sentence: `'fast'`, or `no class ("")` for the empty class.
 *
 * @example
 * ```ts
 * formatClass("fast"); // "'fast'"
 * formatClass("");     // 'no class ("")'
 * ```
 */
export function formatClass(name: string): string {
  return name === "" ? 'no class ("")' : `'${name}'`;
}

/**
 * "in class 'fast'" / "without a class (\"\")", for sentences about a volume or claim.
 *
 * @example
 * ```ts
 * `pv-3 is ${inClass("fast")}`; // "pv-3 is in class 'fast'"
 * `pv-4 is ${inClass("")}`;     // 'pv-4 is without a class ("")'
 * ```
 */
export function inClass(name: string): string {
  return name === "" ? 'without a class ("")' : `in class '${name}'`;
}

/**
 * A list of access modes for a sentence, duplicates removed: `ReadWriteOnce, ReadOnlyMany`, or
 * `no access modes`.
 *
 * @example
 * ```ts
 * formatModes(["ReadWriteOnce", "ReadWriteOnce"]); // "ReadWriteOnce"
 * ```
 */
export function formatModes(modes: readonly string[]): string {
  const unique = [...new Set(modes)];
  return unique.length === 0 ? "no access modes" : unique.join(", ");
}

function hasBetaClass(obj: { metadata?: { annotations?: Record<string, string> | null } | null } | undefined): boolean {
  const a = obj?.metadata?.annotations;
  return a != null && typeof a === "object" && Object.hasOwn(a, AnnBetaStorageClass);
}

function labelFacts(req: Requirement, labels: Labels | undefined): string {
  const has = labels != null && Object.hasOwn(labels, req.key);
  return has ? `${req.key}=${labels![req.key]}` : `no ${req.key} label`;
}

const PHASE_TEXT: Readonly<Record<string, string>> = {
  Pending: "Pending (the PV controller has not made it Available yet)",
  Bound: "Bound",
  Released: "Released: its claim was deleted and a released volume is never rebound automatically",
  Failed: "Failed (its reclaim failed)",
};

function describe(code: ReasonCode, v: DecodedVolume, c: DecodedClaim, ctx: CheckContext): Omit<CheckFailure, "code" | "volume"> {
  const pv = v.name;
  switch (code) {
    case "malformed-volume":
    case "capacity-malformed":
      return { message: v.defect?.message ?? `${pv} is malformed`, fix: `fix ${pv}'s manifest` };
    case "excluded":
      return { message: `${pv} is already chosen for another claim of the same pod` };
    case "claimed-by-other": {
      const ref = v.claimRef!;
      const refKey = `${ref.namespace ?? ""}/${ref.name ?? ""}`;
      if (refKey === c.key) {
        return {
          message: `${pv} is reserved for an earlier claim named ${refKey} (uid ${ref.uid ?? ""}); this claim has uid ${c.uid || '""'}`,
          have: ref.uid ?? "",
          want: c.uid,
          fix: `remove spec.claimRef.uid from ${pv} if this claim may take over its data`,
        };
      }
      const released = v.phase === "Released";
      return {
        message: released
          ? `${pv} still belongs to ${refKey} (Released: the claim was deleted, the volume keeps its claimRef)`
          : `${pv} is bound to ${refKey}`,
        have: refKey,
        ...(released ? { fix: `remove spec.claimRef from ${pv} if its data may be reused` } : {}),
      };
    }
    case "too-small":
      return {
        message: `${pv} has ${v.capacityText}, the claim requests ${c.requestText}`,
        have: v.capacityText,
        want: c.requestText,
        fix: `request at most ${v.capacityText}, or expand ${pv}`,
      };
    case "volume-mode":
      return {
        message: `${pv} is a ${v.volumeMode} volume, the claim needs ${c.volumeMode}`,
        have: v.volumeMode,
        want: c.volumeMode,
        fix: `set volumeMode: ${v.volumeMode} on the claim`,
      };
    case "volume-attributes-class": {
      const f = (s: string): string => (s === "" ? "none" : `'${s}'`);
      return {
        message: `${pv} has VolumeAttributesClass ${f(v.vac)}, the claim asks for ${f(c.vac)}`,
        have: v.vac,
        want: c.vac,
        fix: v.vac === "" ? "remove volumeAttributesClassName from the claim" : `set volumeAttributesClassName: ${v.vac} on the claim`,
      };
    }
    case "deleting":
      return { message: `${pv} is being deleted (metadata.deletionTimestamp is set)` };
    case "delay-binding":
      return {
        message:
          `${pv} is left for the scheduler: the claim's class ${formatClass(c.class)} binds on first consumer ` +
          "(WaitForFirstConsumer), so the PV controller only binds volumes pre-bound to the claim",
        fix: "create a pod that uses the claim; the scheduler then picks a volume that fits the pod's node",
      };
    case "phase": {
      const text = v.phase === undefined ? "has no status.phase yet" : `is ${PHASE_TEXT[v.phase] ?? `in phase '${v.phase}'`}`;
      return {
        message: `${pv} ${text}; only Available volumes are bound`,
        have: v.phase ?? "",
        want: "Available",
      };
    }
    case "selector": {
      const failing = c.selector?.requirements().filter((r) => !r.matches(v.labels)) ?? [];
      const detail = failing.map((r) => `"${r.toString()}" (${pv} has ${labelFacts(r, v.labels)})`).join(", ");
      return {
        message: `${pv}'s labels do not match the claim's selector: ${detail || `"${c.selector?.toString() ?? ""}"`}`,
        have: Object.entries(v.labels ?? {})
          .map(([k, val]) => `${k}=${val}`)
          .join(","),
        want: c.selector?.toString() ?? "",
        fix: `label ${pv} to satisfy the selector, or relax the claim's selector`,
      };
    }
    case "class": {
      const notes: string[] = [];
      if (hasBetaClass(v.pv)) notes.push(`${pv}'s class comes from the annotation ${AnnBetaStorageClass}`);
      if (hasBetaClass(c.pvc)) notes.push(`the claim's class comes from the annotation ${AnnBetaStorageClass}`);
      return {
        message:
          `${pv} is ${inClass(v.class)}, the claim asks for ${formatClass(c.class)}` + (notes.length > 0 ? ` (${notes.join("; ")})` : ""),
        have: v.class,
        want: c.class,
        fix: `set storageClassName: "${v.class}" on the claim (at creation)`,
      };
    }
    case "node-affinity":
      return {
        message: `${pv} cannot be used on node ${ctx.nodeName ?? "(unnamed)"}: its node affinity does not match (${volumeNodeAffinityError(v, ctx) ?? "no matching NodeSelectorTerms"})`,
        fix: "schedule the pod onto a node the volume's spec.nodeAffinity allows",
      };
    case "access-modes": {
      const offered = ctx.hasNode ? v.accessModes : parseAccessModesKey(v.modesKey);
      const missing = [...new Set(c.accessModes)].filter((m) => !offered.includes(m));
      const only = new Set(offered).size === 1 ? " only" : "";
      return {
        message: `${pv} offers ${formatModes(offered)}${only}; the claim needs ${formatModes(missing)}`,
        have: formatModes(offered),
        want: formatModes(c.accessModes),
        fix: `request only access modes ${pv} offers (${formatModes(offered)})`,
      };
    }
  }
}

/**
 * The {@link CheckFailure} for one failed check: the code, the volume, a sentence a cluster
 * operator understands, the two compared values and what would make the check pass.
 *
 * @param code - the failed check (from `evaluateVolume`).
 *
 * @example
 * ```ts
 * describeFailure("too-small", decodeVolume(pv17), decodeClaim(claim), checkContext({})).message;
 * // "pv-17 has 5Gi, the claim requests 10Gi"
 * ```
 */
export function describeFailure(code: ReasonCode, v: DecodedVolume, c: DecodedClaim, ctx: CheckContext): CheckFailure {
  return { code, volume: v.name, ...describe(code, v, c, ctx) };
}
