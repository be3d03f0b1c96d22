/**
 * The VolumeBinding plugin's provisioning checks for unbound WaitForFirstConsumer claims
 * (kubernetes/kubernetes `pkg/scheduler/framework/plugins/volumebinding/binder.go`
 * `checkVolumeProvisions`, `hasEnoughCapacity`, `capacitySufficient`, `nodeHasAccess`), with the
 * per-call work (class lookups, CSIStorageCapacity selectors) done once per pod.
 *
 * @module
 */
import { NotSupportedProvisioner } from "../api/constants/index.js";
import { claimClass, claimKey, quantityText } from "../api/helpers/index.js";
import type { CSIStorageCapacity, Node, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import { labelSelectorAsSelector, type Selector, topologySelectorMatches } from "../labels/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { parseQuantity } from "../quantity/index.js";
import { nodeLabels, storageObjects } from "./snapshot.js";
import { str } from "../labels/strings.js";

/**
 * One claim to provision on a node: the claim and, when capacity tracking decided it, the
 * CSIStorageCapacity object that has room (used by `StorageCapacityScoring`).
 *
 * @example
 * ```ts
 * const p: DynamicProvision = { claim: pvc, capacity: csisc };
 * ```
 */
export interface DynamicProvision {
  readonly claim: PersistentVolumeClaim;
  readonly capacity?: CSIStorageCapacity;
}

/**
 * The outcome of `checkVolumeProvisions` on a node: an error text (`no class for claim …`,
 * `failed to find storage class …`, an unreadable request), or the two flags and, when both
 * hold, every claim's provision.
 *
 * @example
 * ```ts
 * const r: ProvisionCheck = { satisfied: true, sufficientStorage: false };
 * ```
 */
export type ProvisionCheck =
  | { readonly error: string }
  | { readonly satisfied: boolean; readonly sufficientStorage: boolean; readonly provisions?: readonly DynamicProvision[] };

interface CompiledCapacity {
  readonly object: CSIStorageCapacity;
  /** The limit in bytes (`maximumVolumeSize`, else `capacity`), undefined when neither is readable. */
  readonly limit: bigint | undefined;
  /** undefined: `nodeTopology` nil or not convertible (no node has access). */
  readonly selector: Selector | undefined;
}

/** What a claim's provisioning depends on, decided once per call. */
interface ClaimProvisioning {
  readonly error?: string;
  readonly class?: StorageClass;
  readonly supported?: boolean;
  /** Request bytes, or undefined when the claim requests nothing (capacity is not checked). */
  readonly request?: bigint;
  /** The capacities to scan (class matches, limit suffices), or undefined when not tracked. */
  readonly capacities?: readonly CompiledCapacity[];
}

function readLimit(c: CSIStorageCapacity): bigint | undefined {
  const raw: unknown = c.maximumVolumeSize != null ? c.maximumVolumeSize : c.capacity;
  if (raw == null) return undefined;
  try {
    return parseQuantity(quantityText(raw)).value();
  } catch {
    return undefined;
  }
}

function compileSelector(c: CSIStorageCapacity): Selector | undefined {
  if (c.nodeTopology == null) return undefined;
  try {
    return labelSelectorAsSelector(c.nodeTopology);
  } catch {
    return undefined;
  }
}

/**
 * The provisioning checks of one pod, prepared once (class, provisioner, request, candidate
 * CSIStorageCapacity objects per claim) and evaluated per node with {@link check}.
 *
 * Determinism: Kubernetes scans the CSIStorageCapacity lister in map order and takes the first
 * object with room; kubevol scans them by `namespace/name` ascending, so the object recorded for
 * scoring is the first by that order.
 *
 * @example
 * ```ts
 * const checks = new ProvisioningChecks(cluster);
 * const r = checks.check([pvc], node);
 * ```
 */
export class ProvisioningChecks {
  private readonly byClaim = new Map<PersistentVolumeClaim, ClaimProvisioning>();
  private capacitiesByClass: Map<string, CompiledCapacity[]> | undefined;

  constructor(private readonly cluster: Cluster) {}

  private capacities(className: string): CompiledCapacity[] {
    if (this.capacitiesByClass === undefined) {
      const m = new Map<string, CompiledCapacity[]>();
      const all = [...storageObjects(this.cluster).csiStorageCapacities.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [, c] of all) {
        if (typeof c !== "object" || c === null) continue;
        const cls = str(c.storageClassName);
        let list = m.get(cls);
        if (list === undefined) m.set(cls, (list = []));
        list.push({ object: c, limit: readLimit(c), selector: compileSelector(c) });
      }
      this.capacitiesByClass = m;
    }
    return this.capacitiesByClass.get(className) ?? [];
  }

  private prepare(claim: PersistentVolumeClaim): ClaimProvisioning {
    let p = this.byClaim.get(claim);
    if (p !== undefined) return p;
    p = this.compute(claim);
    this.byClaim.set(claim, p);
    return p;
  }

  private compute(claim: PersistentVolumeClaim): ClaimProvisioning {
    const className = claimClass(claim);
    if (className === "") return { error: `no class for claim ${JSON.stringify(claimKey(claim))}` };
    const sc = this.cluster.classes.get(className);
    if (sc === undefined || sc === null || typeof sc !== "object")
      return { error: `failed to find storage class ${JSON.stringify(className)}` };
    const provisioner = str(sc.provisioner);
    if (provisioner === "" || provisioner === NotSupportedProvisioner) return { class: sc, supported: false };
    const requests: unknown = claim.spec?.resources?.requests;
    const has = typeof requests === "object" && requests !== null && Object.hasOwn(requests, "storage");
    if (!has) return { class: sc, supported: true };
    let request: bigint;
    try {
      request = parseQuantity(quantityText((requests as Record<string, unknown>).storage)).value();
    } catch (e) {
      return { error: `claims[${claimKey(claim)}].spec.resources.requests.storage: Invalid value: ${(e as Error).message}` };
    }
    const driver = storageObjects(this.cluster).csiDrivers.get(provisioner);
    if (driver === undefined || driver === null || driver.spec?.storageCapacity !== true) return { class: sc, supported: true };
    const capacities = this.capacities(str(sc.metadata?.name)).filter((c) => c.limit !== undefined && c.limit >= request);
    return { class: sc, supported: true, request, capacities };
  }

  /**
   * Why one claim can or cannot be provisioned on a node — the check of {@link check} that decides
   * it: `ok`, `error` (no class / class not found / unreadable request, with the text),
   * `no-provisioner`, `topology` (outside `allowedTopologies`), `capacity` (no CSIStorageCapacity
   * with room; `request` in bytes).
   *
   * @example
   * ```ts
   * checks.diagnose(pvc, node); // { code: "topology", className: "zonal" }
   * ```
   */
  diagnose(
    claim: PersistentVolumeClaim,
    node: Node,
  ): {
    code: "ok" | "error" | "no-provisioner" | "topology" | "capacity";
    message?: string;
    className?: string;
    provisioner?: string;
    request?: bigint;
  } {
    const p = this.prepare(claim);
    if (p.error !== undefined) return { code: "error", message: p.error };
    const className = str(p.class?.metadata?.name);
    const provisioner = str(p.class?.provisioner);
    if (!p.supported) return { code: "no-provisioner", className, provisioner };
    const labels = nodeLabels(node);
    if (!topologySelectorMatches(p.class!.allowedTopologies, labels)) return { code: "topology", className, provisioner };
    if (p.capacities !== undefined && !p.capacities.some((c) => c.selector?.matches(labels) === true)) {
      return { code: "capacity", className, provisioner, ...(p.request !== undefined ? { request: p.request } : {}) };
    }
    return { code: "ok", className, provisioner };
  }

  /**
   * `checkVolumeProvisions` on a node: per claim, stop at the first failure — no class or class
   * not found (error); no provisioner or `kubernetes.io/no-provisioner`, or the node outside the
   * class's `allowedTopologies` (not satisfied); no CSIStorageCapacity of the class with a limit ≥
   * the request whose `nodeTopology` selects the node, for a driver whose CSIDriver sets
   * `storageCapacity: true` (satisfied, not enough storage).
   *
   * @example
   * ```ts
   * new ProvisioningChecks(cluster).check([pvc], node); // { satisfied: true, sufficientStorage: true, provisions: [...] }
   * ```
   */
  check(claims: readonly PersistentVolumeClaim[], node: Node): ProvisionCheck {
    const provisions: DynamicProvision[] = [];
    const labels = nodeLabels(node);
    for (const claim of claims) {
      const p = this.prepare(claim);
      if (p.error !== undefined) return { error: p.error };
      if (!p.supported) return { satisfied: false, sufficientStorage: true };
      if (!topologySelectorMatches(p.class!.allowedTopologies, labels)) return { satisfied: false, sufficientStorage: true };
      if (p.capacities === undefined) {
        provisions.push({ claim });
        continue;
      }
      const found = p.capacities.find((c) => c.selector?.matches(labels) === true);
      if (found === undefined) return { satisfied: true, sufficientStorage: false };
      provisions.push({ claim, capacity: found.object });
    }
    return { satisfied: true, sufficientStorage: true, provisions };
  }
}
