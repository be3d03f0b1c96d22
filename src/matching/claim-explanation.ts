/**
 * The plain-data result of `explainClaim`.
 *
 * @module
 */
import type { ClaimProblem } from "./matching-error.js";
import type { CheckFailure, ReasonCode } from "./reason-code.js";

/**
 * Which search `explainClaim` explains: the PV controller's (`findBestMatchForClaim`: access-mode
 * groups, no node) or the scheduler's (`findMatchingVolume` with a node and exclusions).
 *
 * @example
 * ```ts
 * const mode: ExplainMode = "scheduler";
 * ```
 */
export type ExplainMode = "controller" | "scheduler";

/**
 * Why the matched volume won:
 * - `pre-bound`: its `claimRef` points at the claim (the search short-circuits);
 * - `smallest`: the smallest candidate (of several) — in the controller path, within the tightest
 *   access-mode group that has a candidate;
 * - `only-candidate`: the only candidate (of its group, in the controller path);
 * - `volume-name`: the claim names the volume in `spec.volumeName` and the PV controller binds it
 *   (the volume points back at the claim, or `checkVolumeSatisfyClaim` passes) — no search happens.
 *
 * @example
 * ```ts
 * const r: MatchReasonCode = "smallest";
 * ```
 */
export type MatchReasonCode = "pre-bound" | "smallest" | "only-candidate" | "volume-name";

/**
 * Why a volume that passes every check still lost:
 * - `larger`: a smaller candidate won;
 * - `same-size-larger-name`: an equally large candidate with a smaller name won (kubevol's
 *   deterministic tie-break; Kubernetes picks whichever it sees first);
 * - `later-access-mode-group`: controller path: an earlier (tighter) access-mode group had a match;
 * - `pre-bound-wins`: a volume pre-bound to the claim was chosen;
 * - `blocked-by-pre-bound`: scheduler path: a volume pre-bound to the claim does not fit the node,
 *   so no volume is chosen at all;
 * - `volume-name`: the claim names another volume in `spec.volumeName`, so the pool is not searched.
 *
 * @example
 * ```ts
 * const l: LossCode = "later-access-mode-group";
 * ```
 */
export type LossCode =
  | "larger"
  | "same-size-larger-name"
  | "later-access-mode-group"
  | "pre-bound-wins"
  | "blocked-by-pre-bound"
  | "volume-name";

/**
 * The claim as the matcher sees it (after class resolution and defaults).
 *
 * @example
 * ```ts
 * const info: ClaimInfo = { key: "default/data", namespace: "default", name: "data", uid: "", request: "10Gi",
 *   class: "fast", accessModes: ["ReadWriteOnce"], volumeMode: "Filesystem", volumeAttributesClassName: "" };
 * ```
 */
export interface ClaimInfo {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  /** `spec.resources.requests.storage` as written (`"0"` when missing). */
  request: string;
  /** The effective class (`claimClass`). */
  class: string;
  accessModes: string[];
  volumeMode: string;
  volumeAttributesClassName: string;
  /** The selector in `kubectl -l` syntax, when the claim has one (`""` for `{}`). */
  selector?: string;
  /** `spec.volumeName`, when set. */
  volumeName?: string;
}

/**
 * The verdict for one volume.
 *
 * @example
 * ```ts
 * const v: VolumeVerdict = { name: "pv-17", capacity: "5Gi", class: "fast", accessModes: "RWO", phase: "Available",
 *   preBound: false, status: "rejected", message: "pv-17 has 5Gi, the claim requests 10Gi",
 *   failures: [{ code: "too-small", volume: "pv-17", message: "pv-17 has 5Gi, the claim requests 10Gi" }] };
 * ```
 */
export interface VolumeVerdict {
  name: string;
  /** Capacity as written. */
  capacity: string;
  class: string;
  /** Canonical access-mode key (`"RWO,ROX"`). */
  accessModes: string;
  /** `status.phase`, `""` when missing. */
  phase: string;
  /** Its `claimRef` points at this claim. */
  preBound: boolean;
  /** `match`: chosen; `candidate`: passes every check but lost (see `lost`); `rejected`: fails a check. */
  status: "match" | "candidate" | "rejected";
  /** Every failed check, in Kubernetes' order; empty iff the volume is a valid candidate. */
  failures: CheckFailure[];
  /** For a candidate: why it was not chosen. */
  lost?: { code: LossCode; message: string };
  /** One line: why it won, why it lost, or its first failure. */
  message: string;
}

/**
 * One access-mode group of the pool (controller path), in search order.
 *
 * @example
 * ```ts
 * const g: AccessModeGroupInfo = { key: "RWO", volumes: 12, candidates: 3, searched: true, matched: true };
 * ```
 */
export interface AccessModeGroupInfo {
  key: string;
  volumes: number;
  /** Volumes of the group that pass every check. */
  candidates: number;
  /** The group offers every requested mode (it is searched unless an earlier group matched). */
  searched: boolean;
  matched: boolean;
}

/**
 * What is known about the claim's StorageClass (from `options.classes`).
 *
 * @example
 * ```ts
 * const s: StorageClassInfo = { name: "fast", known: true, exists: true, provisioner: "ebs.csi.aws.com",
 *   volumeBindingMode: "WaitForFirstConsumer", canProvision: true };
 * ```
 */
export interface StorageClassInfo {
  name: string;
  /** Whether the caller passed `classes` (otherwise nothing below is known). */
  known: boolean;
  exists?: boolean;
  provisioner?: string;
  volumeBindingMode?: string;
  /** The provisioner is neither empty nor `kubernetes.io/no-provisioner`. */
  canProvision?: boolean;
  /**
   * Scheduler view (a node given): whether the class's `allowedTopologies` admit the node
   * (`MatchTopologySelectorTerms`; a class without them admits every node).
   */
  allowsNode?: boolean;
}

/**
 * The PV controller's path for a claim with `spec.volumeName` (it does not search the pool):
 * - `missing`: no such volume; the claim stays Pending;
 * - `pre-bound`: the volume's `claimRef` points back at the claim: bound without checks;
 * - `bound-elsewhere`: the volume is bound to another claim (event FailedBinding);
 * - `satisfies` / `mismatch`: the volume is unbound and `checkVolumeSatisfyClaim` passes / fails
 *   (`message` is Kubernetes' mismatch text, event VolumeMismatch).
 *
 * @example
 * ```ts
 * const v: VolumeNameCheck = { volume: "pv-1", result: "mismatch", message: "requested PV is too small" };
 * ```
 */
export interface VolumeNameCheck {
  volume: string;
  result: "missing" | "pre-bound" | "bound-elsewhere" | "satisfies" | "mismatch";
  message?: string;
}

/**
 * A volume that could match with the fewest / cheapest changes.
 *
 * @example
 * ```ts
 * const c: ClosestCandidate = { volume: "pv-17", failed: ["too-small"], fixes: ["request at most 5Gi, or expand pv-17"] };
 * ```
 */
export interface ClosestCandidate {
  volume: string;
  failed: ReasonCode[];
  fixes: string[];
}

/**
 * Why a claim matches the volume it matches — or why it matches none — as plain JSON-serialisable
 * data plus readable `summary` lines.
 *
 * @example
 * ```ts
 * const e: ClaimExplanation = explainClaim(claim, volumes);
 * if (e.outcome === "matched") console.log(e.match!.volume, e.match!.message);
 * else console.log(e.summary.join("\n"));
 * ```
 */
export interface ClaimExplanation {
  claim: ClaimInfo;
  mode: ExplainMode;
  /** The node's name (scheduler path). */
  node?: string;
  /** The delayed-binding flag the search used. */
  delayBinding: boolean;
  /**
   * `matched`; `no-match`; `pre-bound-misses-node` (scheduler path: a volume pre-bound to the claim
   * does not fit the node, nothing else is considered); `invalid-claim` (see `problems`).
   */
  outcome: "matched" | "no-match" | "pre-bound-misses-node" | "invalid-claim";
  /**
   * The volume the claim gets: the search's result — or, for a claim with `spec.volumeName` (never
   * searched for), the named volume when the PV controller binds it (`reason: "volume-name"`).
   */
  match?: { volume: string; capacity: string; reason: MatchReasonCode; message: string };
  /** Problems with the claim itself (then `volumes` is empty). */
  problems: ClaimProblem[];
  /** Controller path: the pool's access-mode groups in search order. */
  groups?: AccessModeGroupInfo[];
  /**
   * Every volume (names unique; the last of equal names kept), sorted by name — or, with
   * `maxVolumes`, the match, the volumes pre-bound to the claim, the closest ones and then the
   * first others by name up to that many (see `volumesOmitted`).
   */
  volumes: VolumeVerdict[];
  /** How many volumes `maxVolumes` left out of `volumes` (0 by default). */
  volumesOmitted: number;
  /** How many volumes pass every check (the match and the candidates that lost). */
  candidates: number;
  /** How many volumes fail each check (a volume failing several counts for each), over all volumes. */
  reasonCounts: Partial<Record<ReasonCode, number>>;
  /**
   * No match: up to three volumes that need the fewest / cheapest changes, best first (always
   * listed in `volumes`) — volumes of the claim's class; volumes of other classes only when no
   * volume has the claim's class and the class cannot provision. Empty for a claim with
   * `spec.volumeName` (it can only bind the named volume).
   */
  closest: ClosestCandidate[];
  /**
   * Whether some volume fails no permanent check (malformed, bound to another claim, being
   * deleted, excluded) — i.e. whether a static match is possible at all by changing the claim or the
   * volume's labels, class or phase.
   */
  staticMatchPossible: boolean;
  storageClass: StorageClassInfo;
  /** When the claim sets `spec.volumeName`: what the PV controller does instead of searching. */
  volumeNameCheck?: VolumeNameCheck;
  /**
   * One short line (about 100 characters) for a table: `Binds to pv-3 (20Gi): the smallest of 4
   * candidates`, or — when `outcome` is not `matched` — why the claim waits, e.g. `no volume of
   * class 'manual' is large enough (largest fitting: 200Gi < 500Gi)`, `waiting for ebs.csi.aws.com
   * to provision a volume`, `StorageClass 'gold' does not exist`.
   */
  headline: string;
  /** Readable lines for a terminal (the claim, the search, the outcome, the closest volumes, provisioning, counts). */
  summary: string[];
}
