/**
 * PersistentVolumeClaim validation: create, update (immutability, resize, the beta-annotation
 * upgrade) and status update (kubernetes/kubernetes pkg/apis/core/validation/validation.go, `ValidatePersistentVolumeClaim*`).
 *
 * @module
 */
import { AnnBetaStorageClass } from "../api/constants/index.js";
import { child, forbidden, invalid, notSupported, required, type FieldError } from "../field/index.js";
import { isQualifiedName, validateLabelSelector, type LabelSelector } from "../labels/index.js";
import { parseQuantity, type Quantity } from "../quantity/index.js";
import { dataSourceErrors, hasDataSourceAPIGroup, normalizeDataSources, prepareClaimSpec } from "./data-sources.js";
import { commonFieldsUpdateErrors, finish, objectMetaErrors, objectMetaUpdateErrors, readMeta } from "./object-meta.js";
import { resolveValidationOptions, type ValidationOptions } from "./options.js";
import { isRec, Reader, tryQuantity, type Rec } from "./reader.js";
import { describeDiff, structEqual, type EqSchema } from "./semantic-equal.js";
import {
  accessModeValueErrors,
  basicResourceErrors,
  classNameErrors,
  nonNegativeQuantityErrors,
  positiveQuantityErrors,
  sortedKeys,
  volumeModeErrors,
} from "./spec-common.js";

/**
 * Options of the claim-spec validator (`PersistentVolumeClaimSpecValidationOptions`).
 * @internal
 */
export interface PersistentVolumeClaimSpecOptions {
  /** RecoverVolumeExpansionFailure in effect. */
  enableRecoverFromExpansionFailure: boolean;
  /** Tolerate invalid label values in the selector (the old claim's selector was already invalid). */
  allowInvalidLabelValueInSelector: boolean;
  /** Skip the apiGroup check of data sources (the old claim already had an apiGroup). */
  allowInvalidAPIGroupInDataSourceOrRef: boolean;
  /** Validate volumeAttributesClassName (gate on, or the old claim had one). */
  enableVolumeAttributesClass: boolean;
}

const ZERO: Quantity = parseQuantity("0");

/**
 * Check a selector's JSON shape and hand the labels layer a clean copy (null list elements become
 * empty requirements, as Go decodes them).
 */
function readSelector(r: Reader, spec: Rec, sp: string): LabelSelector | undefined {
  const sel = r.obj(spec, "selector", sp);
  if (sel === undefined) return undefined;
  const p = child(sp, "selector");
  const out: LabelSelector = {};
  const matchLabels = r.strMap(sel, "matchLabels", p);
  if (matchLabels !== undefined) out.matchLabels = matchLabels;
  const exprs = r.objList(sel, "matchExpressions", p);
  if (exprs !== undefined) {
    out.matchExpressions = exprs.map((e, i) => {
      const ep = `${child(p, "matchExpressions")}[${i}]`;
      const values = r.strList(e, "values", ep);
      return { key: r.s(e, "key", ep), operator: r.s(e, "operator", ep), ...(values !== undefined ? { values } : {}) };
    });
  }
  return out;
}

/**
 * `ValidatePersistentVolumeClaimSpec` at `sp`, appended to `errs`.
 * @internal
 */
export function persistentVolumeClaimSpecErrors(
  r: Reader,
  spec: Rec,
  o: PersistentVolumeClaimSpecOptions,
  sp: string,
  errs: FieldError[],
): void {
  const modes = r.strList(spec, "accessModes", sp) ?? [];
  if (modes.length === 0) errs.push(required(child(sp, "accessModes"), "at least 1 access mode is required"));
  const selector = readSelector(r, spec, sp);
  if (selector !== undefined && r.typeErrors.length === 0) {
    errs.push(
      ...validateLabelSelector(selector, child(sp, "selector"), { allowInvalidLabelValueInSelector: o.allowInvalidLabelValueInSelector }),
    );
  }
  accessModeValueErrors(modes, child(sp, "accessModes"), errs);

  const resources = r.obj(spec, "resources", sp);
  const rp = child(sp, "resources");
  const requests = r.quantityMap(resources, "requests", rp);
  r.quantityMap(resources, "limits", rp);
  const storage = requests?.get("storage");
  const storagePath = `${rp}[storage]`;
  if (storage === undefined) {
    // (a present but unparseable value is a type error, reported instead of everything else)
    errs.push(required(storagePath));
  } else {
    const before = errs.length;
    positiveQuantityErrors(storage, storagePath, errs);
    if (errs.length === before) nonNegativeQuantityErrors(storage, storagePath, errs);
  }

  const className = r.str(spec, "storageClassName", sp);
  if (className !== undefined && className !== "") classNameErrors(className, child(sp, "storageClassName"), errs);
  volumeModeErrors(r.str(spec, "volumeMode", sp), child(sp, "volumeMode"), errs);
  dataSourceErrors(r, spec, sp, o.allowInvalidAPIGroupInDataSourceOrRef, errs);
  const vac = r.str(spec, "volumeAttributesClassName", sp);
  if (vac !== undefined && vac !== "" && o.enableVolumeAttributesClass) classNameErrors(vac, child(sp, "volumeAttributesClassName"), errs);
  r.str(spec, "volumeName", sp);
}

interface PvcParts {
  meta: Rec;
  spec: Rec;
  status: Rec;
}

function readPvc(r: Reader, pvc: unknown): PvcParts {
  if (!isRec(pvc)) {
    r.fail("", pvc, "object");
    return { meta: {}, spec: {}, status: {} };
  }
  return { meta: readMeta(r, pvc), spec: r.obj(pvc, "spec", "") ?? {}, status: r.obj(pvc, "status", "") ?? {} };
}

/** `ValidationOptionsForPersistentVolumeClaim(pvc, old)`. */
function claimSpecOptions(o: ValidationOptions, old: PvcParts | undefined): PersistentVolumeClaimSpecOptions {
  const opts: PersistentVolumeClaimSpecOptions = {
    enableRecoverFromExpansionFailure: o.recoverVolumeExpansionFailure,
    allowInvalidLabelValueInSelector: false,
    allowInvalidAPIGroupInDataSourceOrRef: false,
    enableVolumeAttributesClass: o.volumeAttributesClass,
  };
  if (old === undefined) return opts;
  opts.allowInvalidAPIGroupInDataSourceOrRef = hasDataSourceAPIGroup(old.spec);
  if (old.spec.volumeAttributesClassName != null) opts.enableVolumeAttributesClass = true;
  const sel = old.spec.selector;
  if (isRec(sel)) {
    const probe = new Reader();
    const s = readSelector(probe, old.spec, "spec");
    if (probe.typeErrors.length > 0 || (s !== undefined && validateLabelSelector(s, "spec.selector").length > 0)) {
      opts.allowInvalidLabelValueInSelector = true;
    }
  }
  if (old.status.allocatedResources != null || old.status.allocatedResourceStatuses != null) opts.enableRecoverFromExpansionFailure = true;
  return opts;
}

function createErrors(r: Reader, parts: PvcParts, spec: Rec, so: PersistentVolumeClaimSpecOptions, errs: FieldError[]): void {
  objectMetaErrors(r, parts.meta, true, "dns-subdomain", "metadata", true, errs);
  persistentVolumeClaimSpecErrors(r, spec, so, "spec", errs);
}

/**
 * Validate a PersistentVolumeClaim on create, as the API server does: the data-source fix-ups
 * (kubernetes/kubernetes pkg/api/persistentvolumeclaim/util.go `NormalizeDataSources`: an unknown `dataSource` without `dataSourceRef` is dropped, the two fields are mirrored)
 * unless `prepare: false`, then ObjectMeta (namespace required) and the spec rules in Kubernetes'
 * order. Wrong JSON types give type errors only.
 *
 * @example
 * ```ts
 * const pvc = { metadata: { name: "c", namespace: "ns" }, spec: { accessModes: ["ReadWriteOnce"] } };
 * validatePersistentVolumeClaim(pvc).map(String); // ["spec.resources[storage]: Required value"]
 * ```
 */
export function validatePersistentVolumeClaim(pvc: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  const parts = readPvc(r, pvc);
  const spec = o.prepare ? prepareClaimSpec(parts.spec, undefined, o) : parts.spec;
  createErrors(r, parts, spec, claimSpecOptions(o, undefined), errs);
  return finish(r, errs);
}

const CLAIM_SPEC_SCHEMA: EqSchema = {
  ptr: new Set(["storageClassName", "volumeMode", "volumeAttributesClassName"]),
  values: new Set(["resources"]),
  children: {
    dataSource: { ptr: new Set(["apiGroup"]) },
    dataSourceRef: { ptr: new Set(["apiGroup", "namespace"]) },
  },
};

function annotations(meta: Rec): Record<string, unknown> {
  return isRec(meta.annotations) ? meta.annotations : {};
}

function has(m: Record<string, unknown>, k: string): boolean {
  return Object.hasOwn(m, k);
}

function requestOf(spec: Rec, name = "storage"): Quantity {
  const res = isRec(spec.resources) ? spec.resources : {};
  const req = isRec(res.requests) ? res.requests : {};
  return tryQuantityOrZero(req[name]);
}

function tryQuantityOrZero(v: unknown): Quantity {
  return tryQuantity(v) ?? ZERO;
}

function withDefaultMode(spec: Rec, o: ValidationOptions): Rec {
  return o.prepare && (spec.volumeMode === undefined || spec.volumeMode === null) ? { ...spec, volumeMode: "Filesystem" } : spec;
}

/** The two claims of an update, prepared as the server prepares them. */
interface UpdateContext {
  n: PvcParts;
  p: PvcParts;
  newSpec: Rec;
  oldSpec: Rec;
  o: ValidationOptions;
  so: PersistentVolumeClaimSpecOptions;
}

/**
 * `ValidatePersistentVolumeClaimUpdate`, first: compare copies of the specs after neutralising what may change — `volumeName`
 * set once, the storage-class upgrade (from the beta annotation or from unset), and for Bound
 * claims the storage request and `volumeAttributesClassName`. The beta annotation itself is
 * immutable unless it is being upgraded.
 */
function immutableSpecErrors({ n, p, newSpec, oldSpec, o }: UpdateContext, errs: FieldError[]): void {
  let nClone: Rec = withDefaultMode(newSpec, o);
  let oClone: Rec = withDefaultMode(oldSpec, o);
  if (typeof oldSpec.volumeName !== "string" || oldSpec.volumeName === "") oClone = { ...oClone, volumeName: nClone.volumeName };

  const oldAnn = annotations(p.meta);
  const newAnn = annotations(n.meta);
  const oldSc = oldSpec.storageClassName ?? null;
  const newSc = newSpec.storageClassName ?? null;
  const oldBeta = oldAnn[AnnBetaStorageClass];
  const upgradeFromAnnotation =
    has(oldAnn, AnnBetaStorageClass) &&
    oldSc === null &&
    newSc !== null &&
    newSc === oldBeta &&
    (!has(newAnn, AnnBetaStorageClass) || newAnn[AnnBetaStorageClass] === oldBeta);
  if (upgradeFromAnnotation) {
    nClone = without(nClone, "storageClassName");
  } else {
    const nv = typeof newAnn[AnnBetaStorageClass] === "string" ? newAnn[AnnBetaStorageClass] : "";
    const ov = typeof oldBeta === "string" ? oldBeta : "";
    if (nv !== ov) errs.push(invalid(`metadata.annotations.${AnnBetaStorageClass}`, nv, "field is immutable"));
    // upgrade from unset: the old (unset) value is copied over for the comparison
    if (newSc !== null && oldSc === null && (!has(oldAnn, AnnBetaStorageClass) || newSc === oldBeta))
      nClone = without(nClone, "storageClassName");
  }

  // Upstream's function reads the new object's phase; the server has copied the stored status
  // into it first (PrepareForUpdate), so under `prepare` that is the old phase.
  const bound = (o.prepare ? p.status : n.status).phase === "Bound";
  const nRes = isRec(nClone.resources) ? nClone.resources : undefined;
  if (bound && nRes !== undefined && nRes.requests != null) {
    const requests = isRec(nRes.requests) ? { ...nRes.requests } : {};
    const oldRes = isRec(oldSpec.resources) && isRec(oldSpec.resources.requests) ? oldSpec.resources.requests : {};
    requests.storage = has(oldRes, "storage") ? oldRes.storage : "0";
    nClone = { ...nClone, resources: { ...nRes, requests } };
  }
  if (bound && nClone.volumeAttributesClassName != null)
    nClone = { ...nClone, volumeAttributesClassName: oClone.volumeAttributesClassName };

  if (!structEqual(nClone, oClone, CLAIM_SPEC_SCHEMA)) {
    const diff = describeDiff(oClone, nClone, "spec");
    errs.push(
      forbidden(
        "spec",
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${diff}`,
      ),
    );
  }
}

function without(spec: Rec, field: string): Rec {
  const { [field]: _dropped, ...rest } = spec;
  return rest;
}

/** `ValidatePersistentVolumeClaimUpdate`: a lower request is forbidden, or (recovery on) allowed only above status.capacity. */
function shrinkErrors({ p, newSpec, oldSpec, so }: UpdateContext, errs: FieldError[]): void {
  const newSize = requestOf(newSpec);
  if (newSize.cmp(requestOf(oldSpec)) >= 0) return;
  const statusCapacity = isRec(p.status.capacity) ? tryQuantityOrZero(p.status.capacity.storage) : ZERO;
  if (!so.enableRecoverFromExpansionFailure) {
    errs.push(forbidden("spec.resources.requests.storage", "field can not be less than previous value"));
  } else if (newSize.cmp(statusCapacity) <= 0) {
    errs.push(forbidden("spec.resources.requests.storage", "field can not be less than status.capacity"));
  }
}

/** `ValidatePersistentVolumeClaimUpdate`: class changes need the gate; a set class may not be unset or emptied. */
function volumeAttributesClassUpdateErrors({ newSpec, oldSpec, o, so }: UpdateContext, errs: FieldError[]): void {
  const nv = newSpec.volumeAttributesClassName ?? null;
  const ov = oldSpec.volumeAttributesClassName ?? null;
  if (nv === ov) return;
  if (!o.volumeAttributesClass) {
    errs.push(forbidden("spec.volumeAttributesClassName", "update is forbidden when the VolumeAttributesClass feature gate is disabled"));
  }
  if (so.enableVolumeAttributesClass && ov !== null) {
    if (nv === null) errs.push(forbidden("spec.volumeAttributesClassName", "update from non-nil value to nil is forbidden"));
    else if (nv === "") errs.push(forbidden("spec.volumeAttributesClassName", "update from non-nil value to an empty string is forbidden"));
  }
}

/**
 * Validate a PersistentVolumeClaim update as the API server does: the generic ObjectMeta update
 * checks, create-validation of the new claim (run twice as upstream does; the aggregated message
 * de-duplicates), then the update rules (`ValidatePersistentVolumeClaimUpdate`): the spec is immutable except `volumeName` (set
 * once), the storage-class upgrade from the beta annotation or from unset, and — for **Bound**
 * claims — the storage request
 * and `volumeAttributesClassName`; shrinking below the previous request (or, with
 * RecoverVolumeExpansionFailure, to or below `status.capacity`) is forbidden; `volumeMode` is
 * immutable; `volumeAttributesClassName` may not be unset or emptied. Growing is then subject to
 * the PersistentVolumeClaimResize admission plugin (see the admission layer).
 *
 * "Bound" is the phase of the claim as validated: with `prepare` (the default) the stored one, as
 * the server copies the old status into the new object before validating; with `prepare: false`
 * the new object's own, as upstream's `ValidatePersistentVolumeClaimUpdate` reads it
 * (kubernetes/kubernetes `pkg/apis/core/validation/validation.go`).
 *
 * @example
 * ```ts
 * const prev = { metadata: { name: "c", namespace: "ns", resourceVersion: "1" },
 *   spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
 *   status: { phase: "Bound", capacity: { storage: "10Gi" } } };
 * const next = { ...prev, spec: { ...prev.spec, resources: { requests: { storage: "5Gi" } } } };
 * validatePersistentVolumeClaimUpdate(next, prev).map(String);
 * // ["spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"]
 * ```
 */
export function validatePersistentVolumeClaimUpdate(next: unknown, prev: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  const n = readPvc(r, next);
  const p = readPvc(new Reader(), prev);
  const newSpec = o.prepare ? prepareClaimSpec(n.spec, p.spec, o) : n.spec;
  const oldSpec = o.prepare && o.anyVolumeDataSource ? normalizeDataSources(p.spec) : p.spec;
  const oldParts: PvcParts = { ...p, spec: oldSpec };
  const so = claimSpecOptions(o, oldParts);

  commonFieldsUpdateErrors(r, n.meta, p.meta, true, errs);
  // Upstream runs create-validation twice (registry, then inside the update validator); the
  // results are identical, so compute once and repeat them.
  const created: FieldError[] = [];
  createErrors(r, n, newSpec, so, created);
  errs.push(...created);
  objectMetaUpdateErrors(r, n.meta, p.meta, "metadata", true, errs);
  errs.push(...created);

  const ctx: UpdateContext = { n, p, newSpec, oldSpec, o, so };
  immutableSpecErrors(ctx, errs);
  shrinkErrors(ctx, errs);
  const nm = withDefaultMode(newSpec, o).volumeMode ?? null;
  const om = withDefaultMode(oldSpec, o).volumeMode ?? null;
  if (nm !== om) errs.push(invalid("volumeMode", nm, "field is immutable"));
  volumeAttributesClassUpdateErrors(ctx, errs);
  return finish(r, errs);
}

const RESIZE_STATUSES = [
  "ControllerResizeInProgress",
  "ControllerResizeInfeasible",
  "NodeResizeInProgress",
  "NodeResizeInfeasible",
  "NodeResizePending",
];

/** `validatePersistentVolumeClaimResourceKey`: a qualified name; native names must be `storage`. */
function resourceKeyErrors(k: string, path: string): FieldError[] {
  const msgs = isQualifiedName(k);
  if (msgs.length > 0) return msgs.map((m) => invalid(path, k, m));
  const native = !k.includes("/") || k.includes("kubernetes.io/");
  return native && k !== "storage" ? [notSupported(path, k, ["storage"])] : [];
}

/**
 * Validate a PersistentVolumeClaim status update (the `status` subresource, `ValidatePersistentVolumeClaimStatusUpdate`): the ObjectMeta
 * update rules, a non-empty resourceVersion, access modes present in the (stored) spec
 * (`Spec.accessModes`, capital S as upstream), non-negative `status.capacity`, and — with
 * RecoverVolumeExpansionFailure — the keys and values of `allocatedResources` and
 * `allocatedResourceStatuses`.
 *
 * @example
 * ```ts
 * const prev = { metadata: { name: "c", namespace: "ns", resourceVersion: "1" }, spec: { accessModes: ["ReadWriteOnce"] } };
 * validatePersistentVolumeClaimStatusUpdate({ ...prev, status: { capacity: { storage: "-1" } } }, prev).map(String);
 * // ["status.capacity[storage]: Invalid value: -1: must be a valid resource quantity"]
 * ```
 */
export function validatePersistentVolumeClaimStatusUpdate(next: unknown, prev: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  const n = readPvc(r, next);
  const p = readPvc(new Reader(), prev);
  const so = claimSpecOptions(o, p);
  commonFieldsUpdateErrors(r, n.meta, p.meta, true, errs);
  objectMetaUpdateErrors(r, n.meta, p.meta, "metadata", true, errs);
  if (r.s(n.meta, "resourceVersion", "metadata") === "") errs.push(required("resourceVersion"));
  // The server copies the stored spec into the new object before validating.
  const modes = Array.isArray(p.spec.accessModes) ? p.spec.accessModes : [];
  if (modes.length === 0) errs.push(required("Spec.accessModes"));

  const capacity = r.quantityMap(n.status, "capacity", "status");
  if (capacity) for (const k of sortedKeys(capacity)) basicResourceErrors(capacity.get(k)!, `status.capacity[${k}]`, errs);
  if (so.enableRecoverFromExpansionFailure) {
    const statuses = r.strMap(n.status, "allocatedResourceStatuses", "status");
    if (statuses) {
      for (const k of Object.keys(statuses).sort()) {
        errs.push(...resourceKeyErrors(k, "status.allocatedResourceStatus"));
        if (!RESIZE_STATUSES.includes(statuses[k]!)) errs.push(notSupported("status.allocatedResourceStatus", k, RESIZE_STATUSES));
      }
    }
    const allocated = r.quantityMap(n.status, "allocatedResources", "status");
    if (allocated) {
      for (const k of sortedKeys(allocated)) {
        const keyErrs = resourceKeyErrors(k, "status.allocatedResources");
        if (keyErrs.length > 0) {
          errs.push(...keyErrs);
          continue;
        }
        const before = errs.length;
        basicResourceErrors(allocated.get(k)!, `status.allocatedResources[${k}]`, errs);
        if (errs.length === before) nonNegativeQuantityErrors(allocated.get(k)!, `status.allocatedResources[${k}]`, errs);
      }
    }
  }
  return finish(r, errs);
}
