/**
 * The stable reason codes of the matching checks and the failure shape every matching function,
 * the VolumeIndex and `explainClaim` share.
 *
 * @module
 */

/**
 * Why a volume is not a candidate for a claim. One code per check of Kubernetes'
 * `FindMatchingVolume` (component-helpers) plus the two defects Kubernetes cannot see (its API
 * server rejects such objects). The union is stable: codes are only ever added.
 *
 * | code | check |
 * |---|---|
 * | `malformed-volume` | the object cannot be read at all |
 * | `excluded` | the name is in `excluded` (scheduler: already chosen for another claim of the pod) |
 * | `claimed-by-other` | `spec.claimRef` is set and does not point at this claim (name, namespace, uid) |
 * | `capacity-malformed` | `spec.capacity.storage` is not a quantity |
 * | `too-small` | capacity < request (exact comparison) |
 * | `volume-mode` | `Filesystem` vs `Block` (missing = `Filesystem`) |
 * | `volume-attributes-class` | `volumeAttributesClassName` differs (missing = `""`) |
 * | `deleting` | `metadata.deletionTimestamp` is set |
 * | `delay-binding` | controller path, WaitForFirstConsumer: only pre-bound volumes are bound |
 * | `phase` | `status.phase` is not `Available` |
 * | `selector` | the claim's `spec.selector` does not match the volume's labels |
 * | `class` | `volumeClass(pv) !== claimClass(pvc)` |
 * | `node-affinity` | `spec.nodeAffinity.required` does not match the node |
 * | `access-modes` | the volume does not offer every requested access mode |
 *
 * @example
 * ```ts
 * const code: ReasonCode = "too-small";
 * ```
 */
export type ReasonCode =
  | "malformed-volume"
  | "excluded"
  | "claimed-by-other"
  | "capacity-malformed"
  | "too-small"
  | "volume-mode"
  | "volume-attributes-class"
  | "deleting"
  | "delay-binding"
  | "phase"
  | "selector"
  | "class"
  | "node-affinity"
  | "access-modes";

/**
 * Every {@link ReasonCode}, in the order Kubernetes' `FindMatchingVolume` evaluates the checks.
 *
 * @example
 * ```ts
 * REASON_CODES.indexOf("too-small") < REASON_CODES.indexOf("class"); // true
 * ```
 */
export const REASON_CODES: readonly ReasonCode[] = Object.freeze([
  "malformed-volume",
  "excluded",
  "claimed-by-other",
  "capacity-malformed",
  "too-small",
  "volume-mode",
  "volume-attributes-class",
  "deleting",
  "delay-binding",
  "phase",
  "selector",
  "class",
  "node-affinity",
  "access-modes",
] as const);

/**
 * One failed check for one volume, as plain JSON-serialisable data.
 *
 * @example
 * ```ts
 * const f: CheckFailure = {
 *   code: "too-small",
 *   volume: "pv-17",
 *   message: "pv-17 has 5Gi, the claim requests 10Gi",
 *   have: "5Gi",
 *   want: "10Gi",
 *   fix: "request at most 5Gi, or expand pv-17",
 * };
 * ```
 */
export interface CheckFailure {
  code: ReasonCode;
  /** The volume's name. */
  volume: string;
  /** A sentence a cluster operator understands. */
  message: string;
  /** The volume's side of the comparison as text (`"5Gi"`, `"'fast'"`, `"Block"`), when there is one. */
  have?: string;
  /** The claim's side of the comparison as text, when there is one. */
  want?: string;
  /** What would make this check pass, when something reasonable would. */
  fix?: string;
}

/**
 * The bit of each {@link ReasonCode} in a failure mask (bit `i` = `REASON_CODES[i]`). Masks let a
 * scan over a large pool record every failed check of every volume as one integer, and build
 * sentences only for the volumes it reports.
 *
 * @example
 * ```ts
 * const mask = REASON_BITS["too-small"] | REASON_BITS.class;
 * (mask & REASON_BITS.class) !== 0; // true
 * ```
 */
export const REASON_BITS: Readonly<Record<ReasonCode, number>> = Object.freeze(
  Object.fromEntries(REASON_CODES.map((code, i) => [code, 1 << i])) as Record<ReasonCode, number>,
);

/**
 * Every failure bit set: `mask & ALL_REASON_BITS` drops flags stored above the reason bits.
 *
 * @example
 * ```ts
 * (REASON_BITS.phase | (1 << 30)) & ALL_REASON_BITS; // REASON_BITS.phase
 * ```
 */
export const ALL_REASON_BITS: number = (1 << REASON_CODES.length) - 1;

/**
 * The codes of a failure mask in check order ({@link REASON_CODES}); bits above the reason bits
 * are ignored.
 *
 * @example
 * ```ts
 * reasonCodesOf(REASON_BITS.class | REASON_BITS["too-small"]); // ["too-small", "class"]
 * ```
 */
export function reasonCodesOf(mask: number): ReasonCode[] {
  const out: ReasonCode[] = [];
  if (typeof mask !== "number") return out;
  for (let i = 0; i < REASON_CODES.length; i++) if ((mask & (1 << i)) !== 0) out.push(REASON_CODES[i]!);
  return out;
}
