/**
 * A PersistentVolumeClaim pre-parsed once for matching.
 *
 * @module
 */
import { str } from "../labels/strings.js";
import type { PersistentVolumeClaim } from "../api/index.js";
import { claimClass, claimRequest, volumeModeOf } from "../api/helpers/index.js";
import type { Selector } from "../labels/index.js";
import { labelSelectorAsSelector } from "../labels/index.js";
import type { Quantity } from "../quantity/index.js";
import { modeBitsOf, modesKeyOfBits } from "./access-mode-bits.js";
import { capacityInfoOf } from "./capacity-texts.js";
import type { ClaimProblem } from "./matching-error.js";

/**
 * A claim with everything the checks read decoded once. Build it with {@link decodeClaim}.
 *
 * - `namespace`, `name`, `uid`: from `metadata` (`""` when missing); `key` is `"namespace/name"`.
 * - `request`: `spec.resources.requests.storage` parsed (missing → 0); `undefined` iff a
 *   `claim-request-malformed` problem was found.
 * - `reqKey` / `reqExact`: the request's nearest double (`NaN` without a request) and whether it is
 *   exactly the request (see `CapacityInfo`).
 * - `requestText`: the request as written (`"0"` when missing).
 * - `class`: `claimClass(pvc)` — beta annotation first (even `""`), then `spec.storageClassName`,
 *   `null`/missing → `""`. For matching, unset and `""` are the same: only class-less volumes.
 * - `accessModes` / `modesKey`: the requested modes as written and their canonical key; `modeBits`
 *   the known modes as bits and `unknownModes` whether some requested entry is not one of the four.
 * - `volumeMode`: missing → `Filesystem`. `vac`: `spec.volumeAttributesClassName ?? ""`.
 * - `selector`: the parsed `spec.selector`, or `undefined` when the claim has none (no filtering —
 *   note that `{}` parses to "everything", while a *missing* selector is not parsed at all).
 * - `volumeName`: `spec.volumeName` (`""` when missing).
 * - `problems`: claim-level problems; the search functions throw a `MatchingError` with them,
 *   `explainClaim` reports them.
 *
 * @example
 * ```ts
 * const c = decodeClaim(pvc);
 * if (c.problems.length === 0) console.log(c.key, c.request!.toString(), c.class);
 * ```
 */
export interface DecodedClaim {
  readonly pvc: PersistentVolumeClaim;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly key: string;
  readonly request: Quantity | undefined;
  readonly reqKey: number;
  readonly reqExact: boolean;
  readonly requestText: string;
  readonly class: string;
  readonly accessModes: readonly string[];
  readonly modeBits: number;
  readonly unknownModes: boolean;
  readonly modesKey: string;
  readonly volumeMode: string;
  readonly vac: string;
  readonly selector: Selector | undefined;
  readonly volumeName: string;
  readonly problems: readonly ClaimProblem[];
}

/** The problems of a well-formed claim (shared: nothing appends to a decoded claim's list). */
const NO_PROBLEMS: readonly ClaimProblem[] = Object.freeze([]);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function malformedClaim(pvc: unknown, message: string): DecodedClaim {
  const meta = isObject(pvc) && isObject(pvc.metadata) ? pvc.metadata : {};
  const namespace = str(meta.namespace);
  const name = str(meta.name);
  return {
    pvc: pvc as PersistentVolumeClaim,
    namespace,
    name,
    uid: str(meta.uid),
    key: `${namespace}/${name}`,
    request: undefined,
    reqKey: Number.NaN,
    reqExact: false,
    requestText: "",
    class: "",
    accessModes: [],
    modeBits: 0,
    unknownModes: false,
    modesKey: "",
    volumeMode: "Filesystem",
    vac: "",
    selector: undefined,
    volumeName: "",
    problems: [{ code: "claim-malformed", field: "", message: `the claim is malformed: ${message}` }],
  };
}

/**
 * Decodes a claim for matching. Never throws: problems with the claim (malformed request, invalid
 * selector, wrong shape) are collected in `problems`.
 *
 * @param pvc - the claim (Kubernetes JSON shape); not mutated, kept as `result.pvc`.
 * @returns the {@link DecodedClaim}.
 *
 * @example
 * ```ts
 * const c = decodeClaim({
 *   metadata: { name: "data", namespace: "default" },
 *   spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, storageClassName: "" },
 * });
 * c.class;    // ""
 * c.modesKey; // "RWO"
 * ```
 */
export function decodeClaim(pvc: PersistentVolumeClaim): DecodedClaim {
  if (!isObject(pvc)) return malformedClaim(pvc, "not an object");
  if (!isObject(pvc.metadata)) return malformedClaim(pvc, "metadata is not an object");
  if (!isObject(pvc.spec)) return malformedClaim(pvc, "spec is not an object");
  try {
    const spec = pvc.spec;
    const meta = pvc.metadata;
    let problems: ClaimProblem[] | undefined;
    const rawModes: unknown = spec.accessModes;
    if (rawModes != null && !Array.isArray(rawModes)) return malformedClaim(pvc, "spec.accessModes is not a list");
    const accessModes: readonly string[] = (rawModes as string[] | null | undefined) ?? [];
    const requests = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests : undefined;
    const rawRequest: unknown = requests?.storage;
    const requestText = rawRequest == null ? "0" : String(rawRequest);
    let request: Quantity | undefined;
    try {
      request = claimRequest(pvc);
    } catch (e) {
      (problems ??= []).push({
        code: "claim-request-malformed",
        field: "spec.resources.requests.storage",
        message: `the claim requests "${requestText}", which is not a valid quantity (${errorText(e)})`,
      });
    }
    let selector: Selector | undefined;
    if (spec.selector != null) {
      try {
        selector = labelSelectorAsSelector(spec.selector);
      } catch (e) {
        (problems ??= []).push({
          code: "claim-selector-invalid",
          field: "spec.selector",
          message: `the claim's selector is invalid: ${errorText(e)}`,
        });
      }
    }
    const namespace = typeof meta.namespace === "string" ? meta.namespace : "";
    const name = typeof meta.name === "string" ? meta.name : "";
    const bits = modeBitsOf(accessModes);
    const info = request === undefined ? undefined : capacityInfoOf(request);
    return {
      pvc,
      namespace,
      name,
      uid: typeof meta.uid === "string" ? meta.uid : "",
      key: `${namespace}/${name}`,
      request,
      reqKey: info === undefined ? Number.NaN : info.key,
      reqExact: info?.exact === true,
      requestText,
      class: claimClass(pvc),
      accessModes,
      modeBits: bits.bits,
      unknownModes: bits.unknown,
      modesKey: modesKeyOfBits(bits.bits),
      volumeMode: volumeModeOf(pvc),
      vac: typeof spec.volumeAttributesClassName === "string" ? spec.volumeAttributesClassName : "",
      selector,
      volumeName: typeof spec.volumeName === "string" ? spec.volumeName : "",
      problems: problems ?? NO_PROBLEMS,
    };
  } catch (e) {
    return malformedClaim(pvc, errorText(e));
  }
}
