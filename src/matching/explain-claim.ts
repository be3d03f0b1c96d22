/**
 * `explainClaim`: why a claim matches the volume it matches, or why it matches none.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import { compareGroupKeys, groupByAccessModes, matchingGroupKeys } from "./access-mode-groups.js";
import type { CheckContext, MatchOptions } from "./checks.js";
import { checkContext, evaluateVolume, nodeAffinityFits, passesCommonChecks } from "./checks.js";
import type {
  AccessModeGroupInfo,
  ClaimExplanation,
  ClaimInfo,
  ExplainMode,
  LossCode,
  MatchReasonCode,
  VolumeVerdict,
} from "./claim-explanation.js";
import type { DecodedClaim } from "./decoded-claim.js";
import { decodeClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { describeFailure, formatModes } from "./describe-failure.js";
import { explainHeadline, explainSummary, rankClosest, volumeNameCheckOf } from "./explain-summary.js";
import { findBestMatchDecoded } from "./find-best-match-for-claim.js";
import { decodeUniqueVolumes, findMatchingDecoded } from "./find-matching-volume.js";
import { storageClassInfo } from "./storage-class-info.js";
import type { ReasonCode } from "./reason-code.js";
import { REASON_CODES } from "./reason-code.js";

/**
 * Options of {@link explainClaim}.
 *
 * @example
 * ```ts
 * const opts: ExplainOptions = { mode: "scheduler", node: { name: "n1", labels: { zone: "a" } }, classes };
 * ```
 */
export interface ExplainOptions extends MatchOptions {
  /**
   * `controller` (default without `node`): the PV controller's `findBestMatchForClaim`; `node` and
   * `excluded` are ignored. `scheduler` (default with `node`): `findMatchingVolume` with the node.
   */
  mode?: ExplainMode;
  /**
   * The cluster's StorageClasses: used to say how the claim's class provisions, and — when
   * `delayBinding` is not given — to derive it (the class is WaitForFirstConsumer).
   */
  classes?: readonly StorageClass[];
  /**
   * List at most this many volumes in `volumes` (the match, volumes pre-bound to the claim and the
   * closest ones are always listed). Every volume is still evaluated and counted in
   * `reasonCounts`; only the sentences are skipped — for pools of 100k+ volumes. Default: all.
   */
  maxVolumes?: number;
}

/** A decoded volume with its verdict, before it becomes plain data. */
interface Evaluated {
  v: DecodedVolume;
  preBound: boolean;
  failed: ReasonCode[];
}

/**
 * The facts of one search that the summary needs (internal to `explainClaim`).
 *
 * @internal
 * @example
 * ```ts
 * explainSummary(result, facts, vols, opts);
 * ```
 */
export interface SearchFacts {
  c: DecodedClaim;
  ctx: CheckContext;
  mode: ExplainMode;
  evaluated: Evaluated[];
  match: DecodedVolume | undefined;
  /** Scheduler path: the pre-bound volume that decides the search, if any. */
  decider: DecodedVolume | undefined;
  /** The match is pre-bound to the claim. */
  matchPreBound: boolean;
  groupOrder: string[];
}

function byName(a: DecodedVolume, b: DecodedVolume): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function claimInfo(c: DecodedClaim): ClaimInfo {
  return {
    key: c.key,
    namespace: c.namespace,
    name: c.name,
    uid: c.uid,
    request: c.requestText,
    class: c.class,
    accessModes: [...c.accessModes],
    volumeMode: c.volumeMode,
    volumeAttributesClassName: c.vac,
    ...(c.selector !== undefined ? { selector: c.selector.toString() } : {}),
    ...(c.volumeName !== "" ? { volumeName: c.volumeName } : {}),
  };
}

function asIterable(volumes: unknown): Iterable<PersistentVolume> {
  return volumes != null && typeof (volumes as Iterable<unknown>)[Symbol.iterator] === "function"
    ? (volumes as Iterable<PersistentVolume>)
    : [];
}

function lossOf(e: Evaluated, f: SearchFacts): { code: LossCode; message: string } {
  const { v } = e;
  const m = f.match;
  if (m === undefined) {
    const d = f.decider?.name ?? "a volume pre-bound to the claim";
    return { code: "blocked-by-pre-bound", message: `${v.name} fits, but ${d} is pre-bound to the claim and does not fit the node, so nothing is chosen` };
  }
  if (f.mode === "controller" && m.modesKey !== v.modesKey && f.groupOrder.indexOf(v.modesKey) > f.groupOrder.indexOf(m.modesKey)) {
    return {
      code: "later-access-mode-group",
      message: `${v.name} is in access-mode group ${v.modesKey}, searched after ${m.modesKey}, where ${m.name} matched`,
    };
  }
  if (f.matchPreBound) {
    return { code: "pre-bound-wins", message: `${m.name} is pre-bound to the claim and is chosen` };
  }
  const cmp = v.capacity!.cmp(m.capacity!);
  if (cmp === 0) {
    return {
      code: "same-size-larger-name",
      message: `${v.name} is as large as ${m.name} (${m.capacityText}); the smaller name wins (kubevol's deterministic tie-break)`,
    };
  }
  return { code: "larger", message: `${v.name} (${v.capacityText}) is larger than ${m.name} (${m.capacityText})` };
}

function matchReason(f: SearchFacts): { reason: MatchReasonCode; message: string } {
  const m = f.match!;
  if (f.matchPreBound) {
    const skipped = f.mode === "scheduler" ? "phase, selector, class and access modes" : "phase, selector and class";
    return {
      reason: "pre-bound",
      message: `${m.name} is pre-bound to the claim (its claimRef names ${f.c.key}), so the search stops there; ${skipped} are not checked for it`,
    };
  }
  const rivals = f.evaluated.filter(
    (x) => x.failed.length === 0 && !x.preBound && (f.mode === "scheduler" || x.v.modesKey === m.modesKey),
  );
  const ties = rivals.filter((x) => x.v !== m && x.v.capacity!.cmp(m.capacity!) === 0).length;
  const tieText = ties > 0 ? ` (tied in size with ${ties} other${ties > 1 ? "s" : ""}; the smaller name wins)` : "";
  const scope =
    f.mode === "controller"
      ? ` in access-mode group ${m.modesKey}, the tightest group offering ${formatModes(f.c.accessModes)} with a candidate`
      : f.ctx.hasNode
        ? ` that fit node ${f.ctx.nodeName ?? "(unnamed)"}`
        : "";
  if (rivals.length <= 1) {
    return { reason: "only-candidate", message: `${m.name} (${m.capacityText}) is the only candidate${scope}` };
  }
  return {
    reason: "smallest",
    message: `${m.name} (${m.capacityText}) is the smallest of ${rivals.length} candidates${scope}${tieText}`,
  };
}

function verdictOf(e: Evaluated, f: SearchFacts): VolumeVerdict {
  const { v } = e;
  const failures = e.failed.map((code) => describeFailure(code, v, f.c, f.ctx));
  const base = {
    name: v.name,
    capacity: v.capacityText,
    class: v.class,
    accessModes: v.modesKey,
    phase: v.phase ?? "",
    preBound: e.preBound,
    failures,
  };
  if (v === f.match) return { ...base, status: "match", message: matchReason(f).message };
  if (failures.length > 0) {
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed check${failures.length > 2 ? "s" : ""})` : "";
    return { ...base, status: "rejected", message: failures[0]!.message + more };
  }
  const lost = lossOf(e, f);
  return { ...base, status: "candidate", lost, message: lost.message };
}

function groupInfos(f: SearchFacts, groups: Map<string, DecodedVolume[]>): AccessModeGroupInfo[] {
  const clean = new Set(f.evaluated.filter((x) => x.failed.length === 0).map((x) => x.v));
  return [...groups.keys()].sort(compareGroupKeys).map((key) => ({
    key,
    volumes: groups.get(key)!.length,
    candidates: groups.get(key)!.filter((v) => clean.has(v)).length,
    searched: f.groupOrder.includes(key),
    matched: f.match?.modesKey === key,
  }));
}

function countReasons(evaluated: readonly Evaluated[]): Partial<Record<ReasonCode, number>> {
  const tally = new Map<ReasonCode, number>();
  for (const x of evaluated) for (const code of x.failed) tally.set(code, (tally.get(code) ?? 0) + 1);
  // Keyed in check order, so the object (and its JSON) does not depend on the pool's order.
  const counts: Partial<Record<ReasonCode, number>> = {};
  for (const code of REASON_CODES) {
    const n = tally.get(code);
    if (n !== undefined) counts[code] = n;
  }
  return counts;
}

/** The volumes to describe: all, or the important ones first and then others by name up to `max`. */
function listedVolumes(
  evaluated: readonly Evaluated[],
  match: DecodedVolume | undefined,
  closest: readonly string[],
  max: number | undefined,
): Evaluated[] {
  if (typeof max !== "number" || !(max >= 0) || max >= evaluated.length) return [...evaluated];
  const closestSet = new Set(closest);
  const keep = new Set<Evaluated>();
  for (const x of evaluated) if (x.v === match || x.preBound || closestSet.has(x.v.name)) keep.add(x);
  for (const x of evaluated) {
    if (keep.size >= max) break;
    keep.add(x);
  }
  return evaluated.filter((x) => keep.has(x));
}

/**
 * Explains a claim against a pool: the volume the search picks (if any) and why it won, and for
 * every other volume every check it fails — each with a {@link ReasonCode} and a sentence a cluster
 * operator understands ("pv-17 has 5Gi, the claim requests 10Gi", "pv-3 is in class 'fast', the
 * claim asks for 'standard'", "pv-9 offers ReadWriteOnce only; the claim needs ReadWriteMany") —
 * or, for a candidate that passes every check, why it lost. For a claim that stays Pending the
 * summary names the closest volumes and what would make them match, and says when no static volume
 * can ever match (no volume of the class at all, or all bound elsewhere) and what then provisions
 * the claim (from `classes`: the provisioner, `kubernetes.io/no-provisioner`, a missing class, the
 * default class, WaitForFirstConsumer).
 *
 * `match` is exactly `findBestMatchForClaim(claim, volumes, { delayBinding })` in controller mode
 * and `findMatchingVolume(claim, volumes, { node, excluded, delayBinding })` in scheduler mode, with
 * the `delayBinding` reported in the result (default: the class is WaitForFirstConsumer per
 * `classes` in controller mode, `true` in scheduler mode as the scheduler passes). For a claim with
 * `spec.volumeName`, `volumeNameCheck` says what the PV controller does instead of searching.
 *
 * Determinism: the same rules as the search functions (equal sizes → smaller name; equal-size
 * access-mode groups → ascending key; several pre-bound volumes → smallest name); `volumes` in the
 * result are sorted by name; the result never depends on input order.
 *
 * Never throws: malformed volumes are reported (`malformed-volume`, `capacity-malformed`), a
 * malformed claim yields `outcome: "invalid-claim"` with `problems`. The result is plain
 * JSON-serialisable data.
 *
 * @example
 * ```ts
 * const e = explainClaim(claim, volumes, { classes });
 * e.outcome;              // "no-match"
 * e.closest[0];           // { volume: "pv-17", failed: ["too-small"], fixes: ["request at most 5Gi, or expand pv-17"] }
 * console.log(e.summary.join("\n"));
 * ```
 */
export function explainClaim(
  claim: PersistentVolumeClaim,
  volumes: Iterable<PersistentVolume>,
  opts: ExplainOptions = {},
): ClaimExplanation {
  const o: ExplainOptions = opts ?? {};
  const mode: ExplainMode = o.mode === "scheduler" || o.mode === "controller" ? o.mode : o.node ? "scheduler" : "controller";
  const c = decodeClaim(claim);
  const storageClass = storageClassInfo(c.class, o.classes);
  const delayBinding =
    typeof o.delayBinding === "boolean"
      ? o.delayBinding
      : mode === "scheduler" || storageClass.volumeBindingMode === "WaitForFirstConsumer";
  const ctx = checkContext(
    mode === "scheduler" ? { node: o.node ?? undefined, excluded: o.excluded ?? undefined, delayBinding } : { delayBinding },
  );
  const head = {
    claim: claimInfo(c),
    mode,
    ...(ctx.hasNode ? { node: ctx.nodeName ?? "" } : {}),
    delayBinding,
    problems: [...c.problems],
    storageClass,
  };
  const vols = decodeUniqueVolumes(asIterable(volumes)).sort(byName);

  if (c.problems.length > 0) {
    const partial = {
      ...head,
      outcome: "invalid-claim" as const,
      volumes: [],
      volumesOmitted: 0,
      candidates: 0,
      reasonCounts: {},
      closest: [],
      staticMatchPossible: false,
    };
    return { ...partial, headline: explainHeadline(partial, undefined, vols), summary: explainSummary(partial, undefined, vols, o) };
  }

  let match: DecodedVolume | undefined;
  let groupOrder: string[] = [];
  let groups: Map<string, DecodedVolume[]> | undefined;
  let decider: DecodedVolume | undefined;
  if (mode === "controller") {
    groups = groupByAccessModes(vols);
    groupOrder = matchingGroupKeys(groups.keys(), c.accessModes);
    match = findBestMatchDecoded(c, groups, delayBinding);
  } else {
    match = findMatchingDecoded(c, vols, ctx);
    decider = vols.find((v) => v.claimRef !== undefined && passesCommonChecks(v, c, ctx));
  }
  const evaluated: Evaluated[] = vols.map((v) => ({ v, ...evaluateVolume(v, c, ctx, mode === "controller") }));
  const matchPreBound = match !== undefined && match.claimRef !== undefined;
  const facts: SearchFacts = { c, ctx, mode, evaluated, match, decider, matchPreBound, groupOrder };
  const ranked = rankClosest(evaluated.map((x) => ({ name: x.v.name, failed: x.failed })));
  const closestNames = match === undefined ? ranked.closest : [];
  const listed = listedVolumes(evaluated, match, closestNames, o.maxVolumes);
  const verdicts = listed.map((e) => verdictOf(e, facts));
  const blocked = mode === "scheduler" && decider !== undefined && !nodeAffinityFits(decider, ctx);
  const verdictByName = new Map(verdicts.map((v) => [v.name, v]));
  const result: Omit<ClaimExplanation, "summary" | "headline"> = {
    ...head,
    outcome: match !== undefined ? "matched" : blocked ? "pre-bound-misses-node" : "no-match",
    ...(match !== undefined ? { match: { volume: match.name, capacity: match.capacityText, ...matchReason(facts) } } : {}),
    ...(groups !== undefined ? { groups: groupInfos(facts, groups) } : {}),
    volumes: verdicts,
    volumesOmitted: evaluated.length - verdicts.length,
    candidates: evaluated.filter((x) => x.failed.length === 0).length,
    reasonCounts: countReasons(evaluated),
    closest: closestNames.map((name) => {
      const v = verdictByName.get(name)!;
      return {
        volume: name,
        failed: v.failures.map((f) => f.code),
        fixes: v.failures.map((f) => f.fix).filter((x): x is string => x !== undefined),
      };
    }),
    staticMatchPossible: match !== undefined || ranked.possible,
  };
  const vn = volumeNameCheckOf(c, vols);
  if (vn !== undefined) result.volumeNameCheck = vn;
  return { ...result, headline: explainHeadline(result, facts, vols), summary: explainSummary(result, facts, vols, o) };
}
