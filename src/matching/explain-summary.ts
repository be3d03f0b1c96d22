/**
 * The readable summary lines and the headline of `explainClaim`, and the ranking of the closest
 * candidates.
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";
import { claimHasClass } from "../api/helpers/index.js";
import type { ClaimExplanation, VolumeNameCheck } from "./claim-explanation.js";
import { volumeSatisfiesClaim } from "./check-volume-satisfy-claim.js";
import { isPreBound } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { formatClass, formatModes, inClass } from "./describe-failure.js";
import type { SearchFacts } from "./pool-explainer.js";
import { CLOSEST_COST, PERMANENT_BITS } from "./explain/ranking.js";
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

type Result = Omit<ClaimExplanation, "summary" | "headline">;

/**
 * What the PV controller does with a claim that names a volume in `spec.volumeName` (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go, `syncUnboundClaim`):
 * it does not search; it checks that one volume.
 *
 * @example
 * ```ts
 * volumeNameCheckOf(decodeClaim(pvc), new Map([["pv-1", decodeVolume(pv1)]])); // { volume: "pv-1", result: "satisfies" }
 * ```
 */
export function volumeNameCheckOf(c: DecodedClaim, byName: ReadonlyMap<string, DecodedVolume>): VolumeNameCheck | undefined {
  if (c.volumeName === "") return undefined;
  const v = byName.get(c.volumeName);
  if (v === undefined) return { volume: c.volumeName, result: "missing" };
  if (v.defect?.code === "malformed-volume") return { volume: v.name, result: "mismatch", message: v.defect.message };
  if (v.claimRef === undefined) {
    const msg = volumeSatisfiesClaim(v, c);
    return msg === undefined ? { volume: v.name, result: "satisfies" } : { volume: v.name, result: "mismatch", message: msg };
  }
  return isPreBound(v, c) ? { volume: v.name, result: "pre-bound" } : { volume: v.name, result: "bound-elsewhere" };
}

/** Facts about the volume a claim names, for the sentences: its claimRef, phase and reclaim policy. */
function namedVolume(facts: SearchFacts, check: VolumeNameCheck): { ref: string; released: boolean; retain: boolean } {
  const v = facts.scan.byName.get(check.volume);
  const ref = v?.claimRef;
  const policy = (v?.pv.spec as { persistentVolumeReclaimPolicy?: unknown } | undefined)?.persistentVolumeReclaimPolicy;
  return {
    ref: ref ? `${ref.namespace ?? ""}/${ref.name ?? ""}` : "",
    released: v?.phase === "Released",
    // Retain is the API default for a PV without a policy.
    retain: policy === undefined || policy === "Retain",
  };
}

function volumeNameLines(check: VolumeNameCheck, facts: SearchFacts): string[] {
  const n = check.volume;
  const lead = `The claim names ${n} in spec.volumeName: the PV controller does not search the pool, it binds that volume directly`;
  switch (check.result) {
    case "missing":
      return [`${lead}; ${n} does not exist, so the claim stays Pending until it does.`];
    case "pre-bound":
      return [`${lead}; ${n} points back at the claim, so they are bound without further checks.`];
    case "bound-elsewhere": {
      const { ref, released, retain } = namedVolume(facts, check);
      const why = released
        ? `${n} is Released: its claim ${ref} was deleted${retain ? " and its reclaim policy Retain keeps" : ", and it keeps"} the claimRef until an administrator clears spec.claimRef`
        : `${n} is already bound to ${ref}`;
      return [`${lead}; ${why} (event FailedBinding: volume "${n}" already bound to a different claim), so the claim stays Pending.`];
    }
    case "satisfies":
      return [
        `${lead}; ${n} satisfies it (size, class, VolumeAttributesClass, volume mode, access modes; phase, selector and node affinity are not checked on this path).`,
      ];
    case "mismatch":
      return [`${lead}; ${n} does not satisfy it: ${check.message ?? ""} (event VolumeMismatch: Cannot bind to requested volume "${n}").`];
  }
}

function claimLine(e: Result): string {
  const c = e.claim;
  const parts = [formatModes(c.accessModes), c.volumeMode];
  if (c.volumeAttributesClassName !== "") parts.push(`VolumeAttributesClass '${c.volumeAttributesClassName}'`);
  if (c.selector !== undefined) parts.push(`selector "${c.selector}"`);
  return `Claim ${c.key} requests ${c.request} ${inClass(c.class)} (${parts.join(", ")}).`;
}

function searchLine(e: Result, facts: SearchFacts, opts: { node?: unknown; excluded?: unknown }): string {
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

function hasClass(c: DecodedClaim): boolean {
  try {
    return claimHasClass(c.pvc);
  } catch {
    return true;
  }
}

function provisioningLines(e: Result, c: DecodedClaim, classes: readonly StorageClass[] | undefined): string[] {
  const sc = e.storageClass;
  const name = e.claim.class;
  if (name === "") {
    if (hasClass(c)) {
      return [
        'The claim asks for no class (storageClassName: "" or an empty beta annotation): it binds only to class-less volumes, is never provisioned dynamically and never gets a default class.',
      ];
    }
    const def = defaultClassName(classes);
    if (def !== undefined) {
      return [
        `The claim sets no storageClassName: the PV controller assigns the default class '${def}' (retroactive default assignment) and then provisions through it.`,
      ];
    }
    return [
      classes === undefined
        ? 'The claim sets no storageClassName: unless a default StorageClass exists, nothing provisions it (event FailedBinding: "no persistent volumes available for this claim and no storage class is set").'
        : 'The claim has no class and there is no default StorageClass: nothing provisions it (event FailedBinding: "no persistent volumes available for this claim and no storage class is set").',
    ];
  }
  if (!sc.known) return [`Whether class '${name}' provisions dynamically depends on its StorageClass (not given).`];
  if (!sc.exists) {
    return [
      `StorageClass '${name}' does not exist: provisioning fails (ProvisioningFailed: storageclass.storage.k8s.io "${name}" not found) and the claim stays Pending.`,
    ];
  }
  if (!sc.canProvision) {
    return [
      `Class '${name}' has no provisioner (${sc.provisioner || "empty"}): only a PersistentVolume created by hand with class '${name}' can satisfy the claim.`,
    ];
  }
  if (sc.allowsNode === false) {
    return [
      `Class '${name}' provisions via ${sc.provisioner}, but its allowedTopologies exclude this node: the scheduler does not provision the claim here (the node does not carry the labels the class allows).`,
    ];
  }
  const lines = [
    `Class '${name}' provisions dynamically via ${sc.provisioner}` +
      (sc.volumeBindingMode === "WaitForFirstConsumer"
        ? ", once a pod using the claim is scheduled (WaitForFirstConsumer)."
        : ` (event ExternalProvisioning: waiting for a volume to be created by ${sc.provisioner}).`),
  ];
  if (e.claim.selector !== undefined) {
    lines.push(
      "Caution: the claim has a selector, and most dynamic provisioners (the CSI external-provisioner included) refuse claims with a selector.",
    );
  }
  return lines;
}

/** "volume of class 'manual'" / "class-less volume", and the plural. */
function volumeNoun(cls: string, plural = false): string {
  const s = plural ? "s" : "";
  return cls === "" ? `class-less volume${s}` : `volume${s} of class '${cls}'`;
}

/** The order in which a check that fails for every free volume of the class is named. */
const BLOCKERS: readonly ReasonCode[] = [
  "access-modes",
  "volume-mode",
  "volume-attributes-class",
  "selector",
  "phase",
  "node-affinity",
  "too-small",
];

/**
 * Why no volume of the claim's own class matches, in one clause: no such volume, all taken, a
 * check every free one fails ("no volume of class 'manual' is large enough (largest fitting:
 * 200Gi < 500Gi)"), or the closest volume's first failure.
 */
function staticReason(e: Result, f: SearchFacts): string {
  const c = f.c;
  const scan = f.scan;
  if (scan.sameClass === 0)
    return c.class === "" ? 'no PersistentVolume is without a class ("")' : `no PersistentVolume has class '${c.class}'`;
  const strip = REASON_BITS["delay-binding"];
  const free: number[] = [];
  const taken: number[] = [];
  let takenCount = 0;
  let claimedCount = 0;
  for (const [mask, count] of scan.classMaskCounts) {
    const m = mask & ~strip;
    if ((m & PERMANENT_BITS) !== 0) {
      taken.push(m);
      takenCount += count;
      if ((m & PERMANENT_BITS) === REASON_BITS["claimed-by-other"]) claimedCount += count;
    } else free.push(m);
  }
  if (free.length === 0) {
    if (claimedCount === takenCount) {
      return takenCount === 1
        ? `the only ${volumeNoun(c.class)} is bound to another claim`
        : `all ${takenCount} ${volumeNoun(c.class, true)} are bound to other claims`;
    }
    return `every ${volumeNoun(c.class)} is bound to another claim, being deleted or excluded`;
  }
  for (const code of BLOCKERS) {
    const bit = REASON_BITS[code];
    if (!free.every((m) => (m & bit) !== 0)) continue;
    // Say "free" when a volume of the class that is taken would pass this check.
    const qualifier = taken.some((m) => (m & bit) === 0) ? "free " : "";
    return blockerClause(code, `no ${qualifier}${volumeNoun(c.class)}`, f);
  }
  const first = scan.closestSameClass[0];
  const v = first === undefined ? undefined : e.volumes.find((x) => x.name === scan.vols[first]!.name);
  if (v !== undefined && v.failures[0] !== undefined) return `closest ${v.name}: ${v.failures[0].message}`;
  return `no ${volumeNoun(c.class)} matches`;
}

function blockerClause(code: ReasonCode, subject: string, f: SearchFacts): string {
  const c = f.c;
  switch (code) {
    case "access-modes":
      return `${subject} offers ${formatModes(c.accessModes)}`;
    case "volume-mode":
      return `${subject} has volumeMode ${c.volumeMode}`;
    case "volume-attributes-class":
      return c.vac === "" ? `${subject} is without a VolumeAttributesClass` : `${subject} has VolumeAttributesClass '${c.vac}'`;
    case "selector":
      return `${subject} matches selector ${c.selector?.toString() ?? ""}`;
    case "phase":
      return `${subject} is Available`;
    case "node-affinity":
      return `${subject} fits node ${f.ctx.nodeName ?? "(unnamed)"}`;
    default: {
      const fitting = f.scan.largestTooSmall;
      const largest = fitting ?? f.scan.largestFree;
      const detail =
        largest !== undefined && c.request !== undefined && largest.capacity!.cmp(c.request) < 0
          ? ` (largest${fitting !== undefined ? " fitting" : ""}: ${largest.capacityText} < ${c.requestText})`
          : "";
      return `${subject} is large enough${detail}`;
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function noMatchLines(e: Result, facts: SearchFacts): string[] {
  const lines: string[] = [];
  const scan = facts.scan;
  if (e.outcome === "pre-bound-misses-node" && facts.decider !== undefined) {
    const d = e.volumes.find((v) => v.name === facts.decider!.name);
    const why = d?.failures.find((f) => f.code === "node-affinity")?.message ?? `${facts.decider.name} does not fit the node`;
    lines.push(
      `No volume: ${facts.decider.name} is pre-bound to the claim but ${why.replace(`${facts.decider.name} `, "")}; the claim is committed to it, so no other volume is considered on this node.`,
    );
    return lines;
  }
  if (e.mode === "controller" && e.delayBinding) {
    const names = scan.waiting.map((i) => scan.vols[i]!.name);
    const n = scan.waitingCount;
    lines.push(
      n > 0
        ? `No volume yet: ${plural(n, "volume")} (${names.join(", ")}${n > names.length ? ", ..." : ""}) would match once a pod using the claim is scheduled; until then the PV controller waits (event WaitForFirstConsumer).`
        : `No volume: binding waits for the first consumer, and no volume would match even then (${staticReason(e, facts)}).`,
    );
  } else if (e.mode === "controller" && facts.groupOrder.length === 0) {
    lines.push(
      `No volume matches: no volume offers ${formatModes(facts.c.accessModes)} (no access-mode group contains the requested modes).`,
    );
  } else {
    lines.push(scan.sameClass > 0 ? `No volume matches: ${staticReason(e, facts)}.` : "No volume matches.");
  }
  if (scan.sameClass === 0) {
    const which = facts.c.class === "" ? 'No PersistentVolume is without a class ("")' : `No PersistentVolume has class '${facts.c.class}'`;
    lines.push(`${which}: no static volume can ever match; only dynamic provisioning can satisfy the claim.`);
  } else if (!e.staticMatchPossible) {
    lines.push("No static volume can match as things stand: every volume is bound to another claim, being deleted, malformed or excluded.");
  }
  const otherClasses = scan.sameClass === 0;
  if (otherClasses && e.closest.length > 0) {
    lines.push(`Closest volumes of other classes (each would need the claim's class changed, at creation):`);
  }
  for (const cand of e.closest) {
    const v = e.volumes.find((x) => x.name === cand.volume)!;
    // The class mismatch was said once above; repeat only what else differs.
    const failures = otherClasses ? v.failures.filter((f) => f.code !== "class") : v.failures;
    const fixes = failures.map((f) => f.fix).filter((x): x is string => x !== undefined);
    const what = failures.length > 0 ? failures.map((f) => f.message).join("; ") : `only the class differs`;
    lines.push(
      `Closest: ${v.name} (${v.capacity}, ${formatClass(v.class)}, ${v.accessModes || "no modes"}) — ${what}.${fixes.length > 0 ? ` To match: ${fixes.join("; ")}.` : ""}`,
    );
  }
  return lines;
}

function matchedLines(e: Result, facts: SearchFacts): string[] {
  const m = e.match!;
  const lines = [`Binds to ${m.volume} (${m.capacity}): ${m.message}.`];
  if (facts.volumeName !== undefined) return lines;
  const matchVol = facts.match!;
  const scan = facts.scan;
  if (e.mode === "controller") {
    let first: DecodedVolume | undefined;
    for (const i of scan.candidates) {
      const x = scan.vols[i]!;
      if (x.modesKey === matchVol.modesKey || x.capacity!.cmp(matchVol.capacity!) >= 0) continue;
      if (first === undefined || x.capacity!.cmp(first.capacity!) < 0 || (x.capacity!.cmp(first.capacity!) === 0 && x.name < first.name))
        first = x;
    }
    if (first !== undefined) {
      lines.push(
        `Note: ${first.name} (${first.capacityText}, ${first.modesKey}) is smaller but offers more access modes; the PV controller takes the tightest access-mode group with any match, not the smallest volume.`,
      );
    }
  }
  const byName = new Map(e.volumes.map((v) => [v.name, v]));
  for (const i of [...scan.preBound].sort((a, b) => (scan.vols[a]!.name < scan.vols[b]!.name ? -1 : 1))) {
    const x = scan.vols[i]!;
    if (x === matchVol) continue;
    const verdict = byName.get(x.name);
    if (verdict === undefined) continue;
    const how = verdict.failures.length > 0 ? "is skipped" : "is not chosen";
    lines.push(`Note: ${x.name} is pre-bound to this claim but ${how}: ${verdict.message}. It stays reserved for this claim.`);
  }
  return lines;
}

function countsLine(e: Result): string {
  const total = e.volumes.length + e.volumesOmitted;
  const parts = Object.entries(e.reasonCounts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([code, n]) => `${n} ${code}`);
  const candidates = `${e.candidates} candidate${e.candidates === 1 ? "" : "s"}`;
  return `Of ${total} volume${total === 1 ? "" : "s"}: ${candidates}${parts.length > 0 ? `; failed checks: ${parts.join(", ")}` : ""}.`;
}

function volumeNameHeadline(check: VolumeNameCheck, e: Result, facts: SearchFacts): string {
  const n = check.volume;
  switch (check.result) {
    case "missing":
      return `${n} (named in spec.volumeName) does not exist`;
    case "pre-bound":
      return `Binds to ${n} (${e.match?.capacity ?? ""}): named in spec.volumeName and pre-bound to the claim`;
    case "satisfies":
      return `Binds to ${n} (${e.match?.capacity ?? ""}): named in spec.volumeName, and it satisfies the claim`;
    case "bound-elsewhere": {
      const { ref, released, retain } = namedVolume(facts, check);
      return released
        ? `${n} is Released${retain ? " (Retain)" : ""}, still bound to ${ref}; clear its spec.claimRef to reuse it`
        : `${n} (named in spec.volumeName) is bound to ${ref}`;
    }
    case "mismatch":
      return `cannot bind ${n} (named in spec.volumeName): ${check.message ?? ""}`;
  }
}

function matchedHeadline(e: Result, f: SearchFacts): string {
  const m = e.match!;
  const lead = `Binds to ${m.volume} (${m.capacity})`;
  const scope =
    f.mode === "controller"
      ? ` in access-mode group ${f.match!.modesKey || '""'}`
      : f.ctx.hasNode
        ? ` that fits node ${f.ctx.nodeName ?? "(unnamed)"}`
        : "";
  switch (m.reason) {
    case "pre-bound":
      return `${lead}: pre-bound, its claimRef names the claim`;
    case "only-candidate":
      return `${lead}: the only candidate${scope}`;
    default:
      return `${lead}: the smallest candidate${scope}`;
  }
}

function pendingHeadline(e: Result, f: SearchFacts, classes: readonly StorageClass[] | undefined): string {
  const sc = e.storageClass;
  const scan = f.scan;
  if (e.outcome === "pre-bound-misses-node" && f.decider !== undefined) {
    return `${f.decider.name} is pre-bound to the claim but does not fit node ${f.ctx.nodeName ?? "(unnamed)"}`;
  }
  const wffc = "waiting for a pod to be scheduled (WaitForFirstConsumer)";
  const waiting = e.mode === "controller" && e.delayBinding;
  if (e.claim.class !== "" && sc.known && sc.exists === false) {
    return scan.sameClass === 0
      ? `StorageClass '${sc.name}' does not exist`
      : `${staticReason(e, f)}; StorageClass '${sc.name}' does not exist`;
  }
  if (e.claim.class !== "" && sc.known && sc.exists === true && sc.canProvision === true) {
    if (waiting) return scan.waitingCount > 0 ? `${wffc}; ${plural(scan.waitingCount, "volume")} could then match` : wffc;
    if (e.mode === "scheduler" && sc.allowsNode === false) {
      return `no volume fits node ${f.ctx.nodeName ?? "(unnamed)"}, and class '${sc.name}' does not allow it (allowedTopologies): nothing can be provisioned there`;
    }
    if (e.mode === "scheduler") return `no volume fits node ${f.ctx.nodeName ?? "(unnamed)"}; ${sc.provisioner} provisions one there`;
    return `waiting for ${sc.provisioner} to provision a volume`;
  }
  if (waiting) {
    return scan.waitingCount > 0
      ? `${wffc}; ${plural(scan.waitingCount, "volume")} could then match`
      : `${staticReason(e, f)}; binding also waits for a pod`;
  }
  if (e.claim.class === "" && !hasClass(f.c)) {
    const def = defaultClassName(classes);
    if (def !== undefined) return `no volume without a class matches; the default class '${def}' will be assigned`;
  }
  return staticReason(e, f);
}

/**
 * One short line (about 100 characters) saying what happens to the claim: `Binds to <pv> (<size>):
 * <why>`, or why it waits — the `spec.volumeName` verdict ("iscsi-old-reports-30g is Released
 * (Retain), still bound to shop/reports; clear its spec.claimRef to reuse it"), a missing class,
 * the provisioner or the first consumer it waits for, or why no static volume of its class
 * matches ("no volume of class 'manual' is large enough (largest fitting: 200Gi < 500Gi)").
 *
 * @example
 * ```ts
 * explainHeadline(result, facts, classes);
 * // "no volume of class 'manual' offers ReadWriteMany"
 * ```
 */
export function explainHeadline(e: Result, facts: SearchFacts | undefined, classes?: readonly StorageClass[]): string {
  if (facts === undefined) return `Invalid claim: ${e.problems[0]?.message ?? "malformed"}`;
  if (facts.volumeName !== undefined) return volumeNameHeadline(facts.volumeName, e, facts);
  if (e.outcome === "matched") return matchedHeadline(e, facts);
  return pendingHeadline(e, facts, classes);
}

/**
 * The readable lines of an explanation: the claim, the search, the outcome and — for a claim that
 * stays Pending — the closest volumes, whether any static volume can ever match, and how the class
 * provisions. For a claim with `spec.volumeName`, what the PV controller does with that volume
 * (it never searches the pool for such a claim).
 *
 * @example
 * ```ts
 * explainSummary(result, facts, { classes }).join("\n");
 * ```
 */
export function explainSummary(
  e: Result,
  facts: SearchFacts | undefined,
  opts: { classes?: readonly StorageClass[]; node?: unknown; excluded?: unknown },
): string[] {
  if (facts === undefined) {
    return [
      ...e.problems.map((p) => `Invalid claim: ${p.message}.`),
      "Kubernetes' search returns an error for such a claim (the API server would normally reject it); fix the claim first.",
    ];
  }
  if (facts.volumeName !== undefined) {
    const lines = [claimLine(e), ...volumeNameLines(facts.volumeName, facts)];
    if (e.outcome === "matched") lines.push(`Binds to ${e.match!.volume} (${e.match!.capacity}).`);
    return lines;
  }
  const lines = [claimLine(e), searchLine(e, facts, opts)];
  if (e.outcome === "matched") {
    lines.push(...matchedLines(e, facts));
  } else {
    lines.push(...noMatchLines(e, facts));
    if (e.outcome === "no-match") lines.push(...provisioningLines(e, facts.c, opts.classes));
  }
  lines.push(countsLine(e));
  const scan = facts.scan;
  if (scan.malformedCount > 0) {
    const names = scan.malformed.map((i) => scan.vols[i]!.name || "(unnamed)").join(", ");
    lines.push(
      `${scan.malformedCount} malformed volume${scan.malformedCount > 1 ? "s" : ""} skipped: ${names}${scan.malformedCount > scan.malformed.length ? ", ..." : ""}.`,
    );
  }
  if (e.volumesOmitted > 0) lines.push(`${e.volumesOmitted} more volume${e.volumesOmitted > 1 ? "s are" : " is"} not listed (maxVolumes).`);
  return lines;
}
