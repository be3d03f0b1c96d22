/**
 * The readable summary lines and the headline of `explainClaim`, and the ranking of the closest
 * candidates.
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";
import { claimHasClass, isVolumeBoundToClaim } from "../api/helpers/index.js";
import type { ClaimExplanation, VolumeNameCheck } from "./claim-explanation.js";
import { checkVolumeSatisfyClaim } from "./check-volume-satisfy-claim.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { formatClass, formatModes, inClass } from "./describe-failure.js";
import type { SearchFacts } from "./explain-claim.js";
import { CLOSEST_COST, PERMANENT_BITS } from "./explain-scan.js";
import type { ReasonCode } from "./reason-code.js";
import { REASON_BITS } from "./reason-code.js";
import { defaultClassName } from "./storage-class-info.js";

const PERMANENT = 50;

/**
 * Ranks rejected volumes by how little must change for them to match: the sum of per-check costs
 * (a size or selector change is cheap; a phase or node-affinity change is not; a volume bound to
 * another claim, being deleted, excluded or malformed is never "close"), then fewer failures, then
 * name. Returns the best `limit` names and whether any volume is fixable at all (no permanent
 * failure). Rows with no failures (candidates) are fixable but never ranked. `explainClaim` ranks
 * the same way (over failure masks, and preferring the claim's own class).
 *
 * @example
 * ```ts
 * rankClosest([{ name: "pv-17", failed: ["too-small"] }, { name: "pv-1", failed: ["claimed-by-other"] }]);
 * // { closest: ["pv-17"], possible: true }
 * ```
 */
export function rankClosest(
  rows: readonly { name: string; failed: readonly ReasonCode[] }[],
  limit = 3,
): { closest: string[]; possible: boolean } {
  let possible = false;
  const ranked: { name: string; cost: number; n: number }[] = [];
  for (const r of rows) {
    let cost = 0;
    let permanent = false;
    for (const code of r.failed) {
      cost += CLOSEST_COST[code];
      if (CLOSEST_COST[code] >= PERMANENT) permanent = true;
    }
    if (permanent) continue;
    possible = true;
    if (r.failed.length > 0) ranked.push({ name: r.name, cost, n: r.failed.length });
  }
  ranked.sort((a, b) => a.cost - b.cost || a.n - b.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { closest: ranked.slice(0, limit).map((r) => r.name), possible };
}

/**
 * What the PV controller does with a claim that names a volume in `spec.volumeName` (§3.3 B):
 * it does not search; it checks that one volume.
 *
 * @example
 * ```ts
 * volumeNameCheckOf(decodeClaim(pvc), pool.map(decodeVolume)); // { volume: "pv-1", result: "satisfies" }
 * ```
 */
export function volumeNameCheckOf(c: DecodedClaim, vols: readonly DecodedVolume[]): VolumeNameCheck | undefined {
  if (c.volumeName === "") return undefined;
  const v = vols.find((x) => x.name === c.volumeName);
  if (v === undefined) return { volume: c.volumeName, result: "missing" };
  if (v.defect?.code === "malformed-volume") return { volume: v.name, result: "mismatch", message: v.defect.message };
  if (v.claimRef === undefined) {
    const msg = checkVolumeSatisfyClaim(v.pv, c.pvc);
    return msg === undefined ? { volume: v.name, result: "satisfies" } : { volume: v.name, result: "mismatch", message: msg };
  }
  return isVolumeBoundToClaim(v.pv, c.pvc) ? { volume: v.name, result: "pre-bound" } : { volume: v.name, result: "bound-elsewhere" };
}

function volumeNameLines(check: VolumeNameCheck): string[] {
  const n = check.volume;
  const lead = `The claim names ${n} in spec.volumeName: the PV controller does not search the pool, it binds that volume directly`;
  switch (check.result) {
    case "missing":
      return [`${lead}; ${n} does not exist, so the claim stays Pending until it does.`];
    case "pre-bound":
      return [`${lead}; ${n} points back at the claim, so they are bound without further checks.`];
    case "bound-elsewhere":
      return [`${lead}; ${n} is already bound to a different claim (event FailedBinding), so the claim stays Pending.`];
    case "satisfies":
      return [
        `${lead}; ${n} satisfies it (size, class, VolumeAttributesClass, volume mode, access modes; phase, selector and node affinity are not checked on this path).`,
      ];
    case "mismatch":
      return [`${lead}; ${n} does not satisfy it: ${check.message ?? ""} (event VolumeMismatch: Cannot bind to requested volume "${n}").`];
  }
}

function claimLine(e: Omit<ClaimExplanation, "summary" | "headline">): string {
  const c = e.claim;
  const parts = [formatModes(c.accessModes), c.volumeMode];
  if (c.volumeAttributesClassName !== "") parts.push(`VolumeAttributesClass '${c.volumeAttributesClassName}'`);
  if (c.selector !== undefined) parts.push(`selector "${c.selector}"`);
  return `Claim ${c.key} requests ${c.request} ${inClass(c.class)} (${parts.join(", ")}).`;
}

function searchLine(e: Omit<ClaimExplanation, "summary" | "headline">, facts: SearchFacts, opts: { node?: unknown; excluded?: unknown }): string {
  if (e.mode === "controller") {
    const groups = facts.groupOrder.length > 0 ? facts.groupOrder.map((g) => g || '""').join(" → ") : "none";
    const ignored = opts.node != null || opts.excluded != null ? " (the given node and exclusions are not used on this path)" : "";
    return (
      `PV controller search (no node${ignored}): access-mode groups offering the requested modes, tightest first: ${groups}` +
      (e.delayBinding ? "; binding is delayed (WaitForFirstConsumer), so only volumes pre-bound to the claim can be bound now." : ".")
    );
  }
  const excluded = facts.ctx.excluded?.size ?? 0;
  return (
    `Scheduler search on node ${e.node ?? "(none)"}` +
    (excluded > 0 ? `, ${excluded} volume${excluded > 1 ? "s" : ""} already chosen for other claims of the pod` : "") +
    "."
  );
}

function provisioningLines(e: Omit<ClaimExplanation, "summary" | "headline">, pvc: PersistentVolumeClaim, classes: readonly StorageClass[] | undefined): string[] {
  const sc = e.storageClass;
  const name = e.claim.class;
  if (name === "") {
    let hasClass = true;
    try {
      hasClass = claimHasClass(pvc);
    } catch {
      hasClass = true;
    }
    if (hasClass) {
      return ['The claim asks for no class (storageClassName: "" or an empty beta annotation): it binds only to class-less volumes, is never provisioned dynamically and never gets a default class.'];
    }
    const def = defaultClassName(classes);
    if (def !== undefined) {
      return [`The claim sets no storageClassName: the PV controller assigns the default class '${def}' (retroactive default assignment) and then provisions through it.`];
    }
    return [
      classes === undefined
        ? 'The claim sets no storageClassName: unless a default StorageClass exists, nothing provisions it (event FailedBinding: "no persistent volumes available for this claim and no storage class is set").'
        : 'The claim has no class and there is no default StorageClass: nothing provisions it (event FailedBinding: "no persistent volumes available for this claim and no storage class is set").',
    ];
  }
  if (!sc.known) return [`Whether class '${name}' provisions dynamically depends on its StorageClass (not given).`];
  if (!sc.exists) {
    return [`StorageClass '${name}' does not exist: provisioning fails (ProvisioningFailed: storageclass.storage.k8s.io "${name}" not found) and the claim stays Pending.`];
  }
  if (!sc.canProvision) {
    return [`Class '${name}' has no provisioner (${sc.provisioner || "empty"}): only a PersistentVolume created by hand with class '${name}' can satisfy the claim.`];
  }
  const lines = [
    `Class '${name}' provisions dynamically via ${sc.provisioner}` +
      (sc.volumeBindingMode === "WaitForFirstConsumer" ? ", once a pod using the claim is scheduled (WaitForFirstConsumer)." : "."),
  ];
  if (e.claim.selector !== undefined) {
    lines.push("Caution: the claim has a selector, and most dynamic provisioners (the CSI external-provisioner included) refuse claims with a selector.");
  }
  return lines;
}

function noMatchLines(e: Omit<ClaimExplanation, "summary" | "headline">, facts: SearchFacts, vols: readonly DecodedVolume[]): string[] {
  const lines: string[] = [];
  if (e.outcome === "pre-bound-misses-node" && facts.decider !== undefined) {
    const d = e.volumes.find((v) => v.name === facts.decider!.name);
    const why = d?.failures.find((f) => f.code === "node-affinity")?.message ?? `${facts.decider.name} does not fit the node`;
    lines.push(`No volume: ${facts.decider.name} is pre-bound to the claim but ${why.replace(`${facts.decider.name} `, "")}; the claim is committed to it, so no other volume is considered on this node.`);
    return lines;
  }
  const waiting = facts.evaluated.filter((x) => x.failed.length === 1 && x.failed[0] === "delay-binding").map((x) => x.v);
  if (e.mode === "controller" && e.delayBinding) {
    lines.push(
      waiting.length > 0
        ? `No volume yet: ${waiting.length} volume${waiting.length > 1 ? "s" : ""} (${waiting.slice(0, 5).map((v) => v.name).join(", ")}${waiting.length > 5 ? ", ..." : ""}) would match once a pod using the claim is scheduled; until then the PV controller waits (event WaitForFirstConsumer).`
        : "No volume: binding waits for the first consumer, and no volume would match even then.",
    );
  } else if (e.mode === "controller" && facts.groupOrder.length === 0) {
    lines.push(`No volume matches: no volume offers ${formatModes(facts.c.accessModes)} (no access-mode group contains the requested modes).`);
  } else {
    lines.push("No volume matches.");
  }
  const sameClass = vols.filter((v) => v.defect?.code !== "malformed-volume" && v.class === facts.c.class);
  if (sameClass.length === 0) {
    const which = facts.c.class === "" ? 'No PersistentVolume is without a class ("")' : `No PersistentVolume has class '${facts.c.class}'`;
    lines.push(`${which}: no static volume can ever match; only dynamic provisioning can satisfy the claim.`);
  } else if (!e.staticMatchPossible) {
    lines.push("No static volume can match as things stand: every volume is bound to another claim, being deleted, malformed or excluded.");
  }
  for (const cand of e.closest) {
    const v = e.volumes.find((x) => x.name === cand.volume)!;
    const fixes = cand.fixes.length > 0 ? ` To match: ${cand.fixes.join("; ")}.` : "";
    lines.push(`Closest: ${v.name} (${v.capacity}, ${formatClass(v.class)}, ${v.accessModes || "no modes"}) — ${v.failures.map((f) => f.message).join("; ")}.${fixes}`);
  }
  return lines;
}

function matchedLines(e: Omit<ClaimExplanation, "summary" | "headline">, facts: SearchFacts): string[] {
  const m = e.match!;
  const lines = [`Binds to ${m.volume} (${m.capacity}): ${m.message}.`];
  const matchVol = facts.match!;
  if (e.mode === "controller") {
    const smaller = facts.evaluated.filter(
      (x) => x.failed.length === 0 && x.v.modesKey !== matchVol.modesKey && x.v.capacity!.cmp(matchVol.capacity!) < 0,
    );
    const first = smaller.sort((a, b) => a.v.capacity!.cmp(b.v.capacity!) || (a.v.name < b.v.name ? -1 : 1))[0];
    if (first !== undefined) {
      lines.push(`Note: ${first.v.name} (${first.v.capacityText}, ${first.v.modesKey}) is smaller but offers more access modes; the PV controller takes the tightest access-mode group with any match, not the smallest volume.`);
    }
  }
  const byName = new Map(e.volumes.map((v) => [v.name, v]));
  for (const x of facts.evaluated) {
    if (!x.preBound || x.v === matchVol) continue;
    const verdict = byName.get(x.v.name);
    if (verdict === undefined) continue;
    const how = x.failed.length > 0 ? "is skipped" : "is not chosen";
    lines.push(`Note: ${x.v.name} is pre-bound to this claim but ${how}: ${verdict.message}. It stays reserved for this claim.`);
  }
  return lines;
}

function countsLine(e: Omit<ClaimExplanation, "summary" | "headline">): string {
  const total = e.volumes.length + e.volumesOmitted;
  const parts = Object.entries(e.reasonCounts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([code, n]) => `${n} ${code}`);
  const candidates = `${e.candidates} candidate${e.candidates === 1 ? "" : "s"}`;
  return `Of ${total} volume${total === 1 ? "" : "s"}: ${candidates}${parts.length > 0 ? `; failed checks: ${parts.join(", ")}` : ""}.`;
}

function volumeNameHeadline(check: VolumeNameCheck): string {
  const n = check.volume;
  switch (check.result) {
    case "missing":
      return `Pending: the claim names ${n} in spec.volumeName, which does not exist`;
    case "pre-bound":
      return `Binds to ${n}: named in spec.volumeName and pre-bound to the claim`;
    case "bound-elsewhere":
      return `Pending: the claim names ${n} in spec.volumeName, which is bound to a different claim`;
    case "satisfies":
      return `Binds to ${n}: named in spec.volumeName and it satisfies the claim`;
    case "mismatch":
      return `Pending: cannot bind to the requested volume ${n}: ${check.message ?? ""}`;
  }
}

/**
 * One line saying what happens to the claim and the main reason: the match and why it won, or why
 * nothing matches (with the closest volume's first failure, or "no volume has class ..."). For a
 * claim with `spec.volumeName`, what the PV controller does with that volume.
 *
 * @example
 * ```ts
 * explainHeadline(result, facts, decodedVolumes);
 * // "Pending: no volume matches; closest pv-17: pv-17 has 5Gi, the claim requests 10Gi"
 * ```
 */
export function explainHeadline(
  e: Omit<ClaimExplanation, "summary" | "headline">,
  facts: SearchFacts | undefined,
  vols: readonly DecodedVolume[],
): string {
  if (facts === undefined) return `Invalid claim: ${e.problems[0]?.message ?? "malformed"}`;
  if (e.volumeNameCheck !== undefined && e.mode === "controller") return volumeNameHeadline(e.volumeNameCheck);
  if (e.outcome === "matched") return `Binds to ${e.match!.volume} (${e.match!.capacity}): ${e.match!.message}`;
  const first = noMatchLines(e, facts, vols)[0] ?? "No volume matches.";
  if (first !== "No volume matches.") return `Pending: ${first.charAt(0).toLowerCase()}${first.slice(1)}`.replace(/\.$/, "");
  const cls = facts.c.class;
  if (!vols.some((v) => v.defect?.code !== "malformed-volume" && v.class === cls)) {
    return `Pending: no volume matches; no PersistentVolume is ${inClass(cls)}`;
  }
  const closest = e.closest[0];
  const v = closest && e.volumes.find((x) => x.name === closest.volume);
  if (v) return `Pending: no volume matches; closest ${v.name}: ${v.failures[0]?.message ?? ""}`;
  return "Pending: no volume matches; every volume is bound to another claim, being deleted, malformed or excluded";
}

/**
 * The readable lines of an explanation: the claim, the search, the outcome and — for a claim that
 * stays Pending — the closest volumes, whether any static volume can ever match, and how the class
 * provisions; plus the `spec.volumeName` path when the claim names a volume.
 *
 * @example
 * ```ts
 * explainSummary(result, facts, decodedVolumes, { classes }).join("\n");
 * ```
 */
export function explainSummary(
  e: Omit<ClaimExplanation, "summary" | "headline">,
  facts: SearchFacts | undefined,
  vols: readonly DecodedVolume[],
  opts: { classes?: readonly StorageClass[]; node?: unknown; excluded?: unknown },
): string[] {
  if (facts === undefined) {
    return [
      ...e.problems.map((p) => `Invalid claim: ${p.message}.`),
      "Kubernetes' search returns an error for such a claim (the API server would normally reject it); fix the claim first.",
    ];
  }
  const lines = [claimLine(e), searchLine(e, facts, opts)];
  if (e.volumeNameCheck !== undefined) lines.push(...volumeNameLines(e.volumeNameCheck));
  if (e.outcome === "matched") {
    lines.push(...matchedLines(e, facts));
  } else {
    lines.push(...noMatchLines(e, facts, vols));
    if (e.outcome === "no-match") lines.push(...provisioningLines(e, facts.c.pvc, opts.classes));
  }
  lines.push(countsLine(e));
  const malformed = facts.evaluated.filter((x) => x.failed.includes("malformed-volume") || x.failed.includes("capacity-malformed"));
  if (malformed.length > 0) {
    const names = malformed.slice(0, 10).map((x) => x.v.name || "(unnamed)").join(", ");
    lines.push(`${malformed.length} malformed volume${malformed.length > 1 ? "s" : ""} skipped: ${names}${malformed.length > 10 ? ", ..." : ""}.`);
  }
  if (e.volumesOmitted > 0) lines.push(`${e.volumesOmitted} more volume${e.volumesOmitted > 1 ? "s are" : " is"} not listed (maxVolumes).`);
  return lines;
}
