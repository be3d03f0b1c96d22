/**
 * PersistentVolume validation: create, update and status update, as the API server runs them
 * (kubernetes/kubernetes pkg/apis/core/validation/validation.go, `ValidatePersistentVolume*`).
 *
 * @module
 */
import { AnnMountOptions } from "../api/constants/index.js";
import { child, forbidden, invalid, notSupported, required, type FieldError } from "../field/index.js";
import { hasInvalidLabelValueInNodeSelectorTerms, nodeSelectorErrors } from "./node-selector.js";
import { commonFieldsUpdateErrors, finish, objectMetaErrors, objectMetaUpdateErrors, readMeta } from "./object-meta.js";
import { resolveValidationOptions, type ValidationOptions } from "./options.js";
import { isRec, Reader, type Rec } from "./reader.js";
import { describeDiff, structEqual, type EqSchema } from "./semantic-equal.js";
import {
  accessModeValueErrors,
  basicResourceErrors,
  classNameErrors,
  positiveQuantityErrors,
  resourceListValue,
  sortedKeys,
  SUPPORTED_RECLAIM_POLICIES,
  volumeModeErrors,
} from "./spec-common.js";
import { MOUNT_OPTION_SOURCES, PV_SOURCE_FIELDS, volumeSourceErrors } from "./volume-sources.js";

/**
 * Options of the spec validator that depend on the old object (`PersistentVolumeSpecValidationOptions`).
 * @internal
 */
export interface PersistentVolumeSpecOptions {
  /** Validate `volumeAttributesClassName` (gate on, or the old PV already had one). */
  enableVolumeAttributesClass: boolean;
  /** Tolerate invalid label values in required node affinity (the old PV already had some). */
  allowInvalidLabelValueInRequiredNodeAffinity: boolean;
  /** The VolumeAttachment inline-spec mode (`ValidatePersistentVolumeSpec`'s `inlineSpec`). */
  inline?: boolean;
}

const INLINE = "may not be specified in the context of inline volumes";

/**
 * Go's `path.Clean`.
 * @example
 * ```ts
 * cleanPath("/a/.."); // "/"
 * cleanPath("a//b/./c/"); // "a/b/c"
 * ```
 */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const joined = out.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}

/**
 * `ValidatePersistentVolumeSpec`: every rule of upstream's function in Kubernetes' order, appended to `errs`.
 * @internal
 */
export function persistentVolumeSpecErrors(
  r: Reader,
  spec: Rec,
  pvName: string,
  o: PersistentVolumeSpecOptions,
  sp: string,
  errs: FieldError[],
): void {
  const inline = o.inline === true;
  if (inline) inlineOnlyErrors(r, spec, sp, errs);
  else r.obj(spec, "claimRef", sp);

  const modes = r.strList(spec, "accessModes", sp) ?? [];
  if (modes.length === 0) errs.push(required(child(sp, "accessModes")));
  accessModeValueErrors(modes, child(sp, "accessModes"), errs);
  if (!inline) capacityErrors(r, spec, sp, errs);
  const policy = reclaimPolicyErrors(r, spec, inline, sp, errs);
  const nodeAffinitySpecified = nodeAffinityErrors(r, spec, o, sp, errs);
  volumeSourceErrors(r, spec, { pvName, nodeAffinitySpecified, specPath: sp }, errs);

  const hostPath = r.obj(spec, "hostPath", sp);
  if (hostPath !== undefined && cleanPath(r.s(hostPath, "path", child(sp, "hostPath"))) === "/" && policy === "Recycle") {
    errs.push(forbidden(child(sp, "persistentVolumeReclaimPolicy"), "may not be 'recycle' for a hostPath mount of '/'"));
  }

  const className = r.s(spec, "storageClassName", sp);
  if (className !== "") {
    if (inline) errs.push(forbidden(child(sp, "storageClassName"), INLINE));
    else classNameErrors(className, child(sp, "storageClassName"), errs);
  }

  const mode = r.str(spec, "volumeMode", sp);
  if (!inline) volumeModeErrors(mode, child(sp, "volumeMode"), errs);
  else if (mode !== undefined && mode !== "Filesystem") {
    errs.push(forbidden(child(sp, "volumeMode"), "may not specify volumeMode other than Filesystem in the context of inline volumes"));
  }

  const vac = r.str(spec, "volumeAttributesClassName", sp);
  if (vac !== undefined && o.enableVolumeAttributesClass) {
    const vp = child(sp, "volumeAttributesClassName");
    if (vac === "") errs.push(required(vp, "an empty string is disallowed"));
    else classNameErrors(vac, vp, errs);
    if (r.obj(spec, "csi", sp) === undefined)
      errs.push(required(child(sp, "csi"), "has to be specified when using volumeAttributesClassName"));
  }
  r.strList(spec, "mountOptions", sp);
}

/** Inline mode: what an inline (VolumeAttachment) spec may not have, and its required CSI source. */
function inlineOnlyErrors(r: Reader, spec: Rec, sp: string, errs: FieldError[]): void {
  if (r.obj(spec, "claimRef", sp) !== undefined) errs.push(forbidden(child(sp, "claimRef"), INLINE));
  if (Object.keys(r.obj(spec, "capacity", sp) ?? {}).length !== 0) errs.push(forbidden(child(sp, "capacity"), INLINE));
  if (r.obj(spec, "csi", sp) === undefined) errs.push(required(child(sp, "csi"), "has to be specified in the context of inline volumes"));
}

/** The reclaim policy (empty means the default, Retain). Returns the policy. */
function reclaimPolicyErrors(r: Reader, spec: Rec, inline: boolean, sp: string, errs: FieldError[]): string {
  const policy = r.s(spec, "persistentVolumeReclaimPolicy", sp);
  if (policy === "") return policy;
  const pp = child(sp, "persistentVolumeReclaimPolicy");
  if (inline) {
    if (policy !== "Retain") errs.push(forbidden(pp, "may only be Retain in the context of inline volumes"));
  } else if (!SUPPORTED_RECLAIM_POLICIES.includes(policy)) {
    errs.push(notSupported(pp, policy, SUPPORTED_RECLAIM_POLICIES));
  }
  return policy;
}

/** The node affinity; returns whether nodeAffinity counts as specified (for local volumes). */
function nodeAffinityErrors(r: Reader, spec: Rec, o: PersistentVolumeSpecOptions, sp: string, errs: FieldError[]): boolean {
  const nodeAffinity = r.obj(spec, "nodeAffinity", sp);
  if (nodeAffinity === undefined) return false;
  const np = child(sp, "nodeAffinity");
  if (o.inline === true) {
    errs.push(forbidden(np, INLINE));
    return false;
  }
  const req = r.obj(nodeAffinity, "required", np);
  if (req === undefined) errs.push(required(child(np, "required"), "must specify required node constraints"));
  else nodeSelectorErrors(r, req, o.allowInvalidLabelValueInRequiredNodeAffinity, child(np, "required"), errs);
  return true;
}

function capacityErrors(r: Reader, spec: Rec, sp: string, errs: FieldError[]): void {
  const cp = child(sp, "capacity");
  const capacity = r.quantityMap(spec, "capacity", sp);
  if (capacity === undefined || capacity.size === 0) errs.push(required(cp));
  if (capacity === undefined || !capacity.has("storage") || capacity.size > 1) {
    errs.push(notSupported(cp, resourceListValue(capacity), ["storage"]));
  }
  if (capacity === undefined) return;
  for (const k of sortedKeys(capacity)) {
    const q = capacity.get(k)!;
    basicResourceErrors(q, `${cp}[${k}]`, errs);
    positiveQuantityErrors(q, `${cp}[${k}]`, errs);
  }
}

/** The registry's mount-option check (`pkg/volume/validation`). */
function mountOptionErrors(r: Reader, meta: Rec, spec: Rec, errs: FieldError[]): void {
  for (const f of MOUNT_OPTION_SOURCES) if (r.has(spec, f)) return;
  const annotations = r.strMap(meta, "annotations", "metadata");
  if (annotations !== undefined && Object.hasOwn(annotations, AnnMountOptions)) {
    errs.push(forbidden(child(child("metadata", "annotations"), AnnMountOptions), "may not specify mount options for this volume type"));
  }
}

interface PvParts {
  meta: Rec;
  spec: Rec;
}

/** Read the root object; a non-object is a single type error. */
function readPv(r: Reader, pv: unknown, path: string): PvParts {
  if (!isRec(pv)) {
    r.fail(path, pv, "object");
    return { meta: {}, spec: {} };
  }
  const meta = readMeta(r, pv);
  const spec = r.obj(pv, "spec", "") ?? {};
  r.obj(pv, "status", "");
  return { meta, spec };
}

/** The API server drops `volumeAttributesClassName` when the gate is off, unless the old PV used it. */
function prepareSpec(spec: Rec, prevSpec: Rec | undefined, o: ValidationOptions): Rec {
  if (!o.prepare || o.volumeAttributesClass) return spec;
  if (prevSpec !== undefined && prevSpec.volumeAttributesClassName != null) return spec;
  if (spec.volumeAttributesClassName === undefined) return spec;
  const { volumeAttributesClassName: _dropped, ...rest } = spec;
  return rest;
}

function createErrors(r: Reader, meta: Rec, spec: Rec, so: PersistentVolumeSpecOptions, errs: FieldError[]): void {
  objectMetaErrors(r, meta, false, "dns-subdomain", "metadata", true, errs);
  persistentVolumeSpecErrors(r, spec, r.s(meta, "name", "metadata"), so, "spec", errs);
}

/**
 * Validate a PersistentVolume on create, exactly as the API server's registry does
 * (`ValidatePersistentVolume` then the mount-option annotation check). Returns the errors in
 * Kubernetes' order (capacity entries in key order); `[]` when valid. Wrong JSON types give type
 * errors only (the API server rejects such bodies before validating).
 *
 * @param pv - a PersistentVolume (any value; garbage gives errors, never exceptions)
 * @param opts - feature gates; defaults to {@link defaultValidationOptions}
 * @example
 * ```ts
 * const pv = { metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "80Gi" } } };
 * validatePersistentVolume(pv).map(String); // ["spec: Required value: must specify a volume type"]
 * ```
 */
export function validatePersistentVolume(pv: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  const { meta, spec: raw } = readPv(r, pv, "");
  const spec = prepareSpec(raw, undefined, o);
  createErrors(
    r,
    meta,
    spec,
    { enableVolumeAttributesClass: o.volumeAttributesClass, allowInvalidLabelValueInRequiredNodeAffinity: false },
    errs,
  );
  mountOptionErrors(r, meta, spec, errs);
  return finish(r, errs);
}

/**
 * Validate a bare PersistentVolumeSpec at `path` (`ValidatePersistentVolumeSpec`), e.g. the inline
 * spec of a VolumeAttachment (`inline: true`).
 *
 * @example
 * ```ts
 * validatePersistentVolumeSpec({ accessModes: ["ReadWriteOnce"], csi: { driver: "d", volumeHandle: "h" } },
 *   { inline: true, path: "spec.source.inlineVolumeSpec" }); // []
 * ```
 */
export function validatePersistentVolumeSpec(
  spec: unknown,
  options: { inline?: boolean; path?: string; pvName?: string } & Partial<ValidationOptions> = {},
): FieldError[] {
  const o = resolveValidationOptions(options);
  const r = new Reader();
  const errs: FieldError[] = [];
  const path = options.path ?? "spec";
  if (!isRec(spec)) {
    r.fail(path, spec, "object");
    return finish(r, errs);
  }
  const so = {
    enableVolumeAttributesClass: o.volumeAttributesClass,
    allowInvalidLabelValueInRequiredNodeAffinity: false,
    inline: options.inline === true,
  };
  persistentVolumeSpecErrors(r, spec, options.pvName ?? "", so, path, errs);
  return finish(r, errs);
}

/** Struct fields of PV sources that are Go pointers (absent differs from the zero value). */
const SOURCE_SCHEMA: EqSchema = {
  children: {
    hostPath: { ptr: new Set(["type"]) },
    iscsi: { ptr: new Set(["initiatorName"]) },
    glusterfs: { ptr: new Set(["endpointsNamespace"]) },
    azureFile: { ptr: new Set(["secretNamespace"]) },
    azureDisk: { ptr: new Set(["cachingMode", "fsType", "readOnly", "kind"]) },
    fc: { ptr: new Set(["lun"]) },
  },
};

function pickSources(spec: Rec): Rec {
  const out: Rec = {};
  for (const f of PV_SOURCE_FIELDS) if (spec[f] !== undefined && spec[f] !== null) out[f] = spec[f];
  return out;
}

const BETA_TO_GA: Readonly<Record<string, string>> = {
  "failure-domain.beta.kubernetes.io/zone": "topology.kubernetes.io/zone",
  "failure-domain.beta.kubernetes.io/region": "topology.kubernetes.io/region",
  "beta.kubernetes.io/os": "kubernetes.io/os",
  "beta.kubernetes.io/arch": "kubernetes.io/arch",
  "beta.kubernetes.io/instance-type": "node.kubernetes.io/instance-type",
};

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function requirementsEqual(next: unknown, prev: unknown, allowGA: boolean): boolean {
  const a = asList(next);
  const b = asList(prev);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = isRec(a[i]) ? (a[i] as Rec) : {};
    const y = isRec(b[i]) ? (b[i] as Rec) : {};
    const kx = x.key ?? "";
    const ky = y.key ?? "";
    const keyOk = kx === ky || (allowGA && typeof ky === "string" && BETA_TO_GA[ky] === kx);
    if (!keyOk || (x.operator ?? "") !== (y.operator ?? "")) return false;
    const vx = asList(x.values);
    const vy = asList(y.values);
    if (vx.length !== vy.length || vx.some((v, j) => v !== vy[j])) return false;
  }
  return true;
}

/** Node affinity unchanged, except requirement keys moving from a beta label to its GA label. */
function nodeAffinityUnchanged(next: Rec | undefined, prev: Rec): boolean {
  if (next === undefined) return false;
  const rn = isRec(next.required) ? next.required : undefined;
  const rp = isRec(prev.required) ? prev.required : undefined;
  if (rn === undefined || rp === undefined) return rn === rp;
  const tn = asList(rn.nodeSelectorTerms);
  const tp = asList(rp.nodeSelectorTerms);
  if (tn.length !== tp.length) return false;
  for (let i = 0; i < tn.length; i++) {
    const a = isRec(tn[i]) ? (tn[i] as Rec) : {};
    const b = isRec(tp[i]) ? (tp[i] as Rec) : {};
    if (!requirementsEqual(a.matchExpressions, b.matchExpressions, true)) return false;
    if (!requirementsEqual(a.matchFields, b.matchFields, false)) return false;
  }
  return true;
}

/** The value Kubernetes prints for a node affinity: its internal Go struct, JSON-encoded. */
function goNodeAffinity(na: Rec | undefined): unknown {
  if (na === undefined) return null;
  const req = isRec(na.required) ? na.required : undefined;
  const exprs = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map((e) => {
          const x = isRec(e) ? e : {};
          return { Key: x.key ?? "", Operator: x.operator ?? "", Values: Array.isArray(x.values) ? x.values : null };
        })
      : null;
  if (req === undefined) return { Required: null };
  const terms = Array.isArray(req.nodeSelectorTerms)
    ? req.nodeSelectorTerms.map((t) => {
        const x = isRec(t) ? t : {};
        return { MatchExpressions: exprs(x.matchExpressions), MatchFields: exprs(x.matchFields) };
      })
    : null;
  return { Required: { NodeSelectorTerms: terms } };
}

/** The spec's volume mode as the API server stores it (absent → Filesystem once defaulted). */
function storedVolumeMode(r: Reader, spec: Rec, o: ValidationOptions): string | null {
  const m = r.str(spec, "volumeMode", "spec");
  return m ?? (o.prepare ? "Filesystem" : null);
}

/** `ValidatePersistentVolumeUpdate`: the source is immutable, except that a CSI `controllerExpandSecretRef` may be added. */
function sourceImmutableErrors(spec: Rec, prevSpec: Rec, errs: FieldError[]): void {
  const nextSources = pickSources(spec);
  const prevSources = pickSources(prevSpec);
  const prevCsi = prevSources.csi;
  const nextCsi = nextSources.csi;
  if (isRec(prevCsi) && prevCsi.controllerExpandSecretRef == null && isRec(nextCsi) && nextCsi.controllerExpandSecretRef != null) {
    const { controllerExpandSecretRef: _setOnce, ...rest } = nextCsi;
    nextSources.csi = rest;
  }
  if (!structEqual(nextSources, prevSources, SOURCE_SCHEMA)) {
    const diff = describeDiff(prevSources, nextSources, "spec");
    errs.push(forbidden("spec.persistentvolumesource", `spec.persistentvolumesource is immutable after creation\n${diff}`));
  }
}

/** `ValidatePersistentVolumeUpdate`: an existing node affinity only changes beta label keys to their GA names. */
function nodeAffinityUpdateErrors(spec: Rec, prevSpec: Rec, errs: FieldError[]): void {
  const prevAffinity = isRec(prevSpec.nodeAffinity) ? prevSpec.nodeAffinity : undefined;
  if (prevAffinity === undefined) return;
  const nextAffinity = isRec(spec.nodeAffinity) ? spec.nodeAffinity : undefined;
  if (!nodeAffinityUnchanged(nextAffinity, prevAffinity)) {
    errs.push(invalid("nodeAffinity", goNodeAffinity(nextAffinity), "field is immutable, except for updating from beta label to GA"));
  }
}

/** `ValidatePersistentVolumeUpdate`: class changes need the gate; a set class may not be unset. */
function volumeAttributesClassUpdateErrors(
  spec: Rec,
  prevSpec: Rec,
  o: ValidationOptions,
  so: PersistentVolumeSpecOptions,
  errs: FieldError[],
): void {
  const nv = spec.volumeAttributesClassName ?? null;
  const pv = prevSpec.volumeAttributesClassName ?? null;
  if (nv === pv) return;
  if (!o.volumeAttributesClass) {
    errs.push(forbidden("spec.volumeAttributesClassName", "update is forbidden when the VolumeAttributesClass feature gate is disabled"));
  }
  if (so.enableVolumeAttributesClass && pv !== null && nv === null) {
    errs.push(forbidden("spec.volumeAttributesClassName", "update from non-nil value to nil is forbidden"));
  }
}

/**
 * Validate a PersistentVolume update as the API server does: the generic ObjectMeta update checks,
 * create-validation of the new object (twice, as upstream; causes repeat, the aggregated message
 * de-duplicates), the mount-option check, then the update rules: the volume source is immutable
 * (adding a CSI `controllerExpandSecretRef` is allowed), `volumeMode` is immutable, an existing
 * node affinity may only change beta labels to their GA names, and `volumeAttributesClassName`
 * changes need the feature gate and may not go back to unset.
 *
 * @example
 * ```ts
 * const prev = { metadata: { name: "pv", resourceVersion: "1" }, spec: { accessModes: ["ReadWriteOnce"],
 *   capacity: { storage: "1Gi" }, nfs: { server: "s", path: "/a" } } };
 * const next = { ...prev, spec: { ...prev.spec, nfs: { server: "s", path: "/b" } } };
 * validatePersistentVolumeUpdate(next, prev)[0]?.field; // "spec.persistentvolumesource"
 * ```
 */
export function validatePersistentVolumeUpdate(next: unknown, prev: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  const n = readPv(r, next, "");
  const p = readPv(new Reader(), prev, "");
  const prevSpec = p.spec;
  const spec = prepareSpec(n.spec, prevSpec, o);
  const so: PersistentVolumeSpecOptions = {
    enableVolumeAttributesClass: o.volumeAttributesClass || prevSpec.volumeAttributesClassName != null,
    allowInvalidLabelValueInRequiredNodeAffinity: hasInvalidLabelValueInNodeSelectorTerms(
      (isRec(prevSpec.nodeAffinity) && isRec(prevSpec.nodeAffinity.required) ? prevSpec.nodeAffinity.required : {}).nodeSelectorTerms,
    ),
  };

  commonFieldsUpdateErrors(r, n.meta, p.meta, false, errs);
  // Upstream runs create-validation twice (registry, then inside the update validator); the
  // results are identical, so compute once and repeat them.
  const created: FieldError[] = [];
  createErrors(r, n.meta, spec, so, created);
  errs.push(...created);
  mountOptionErrors(r, n.meta, spec, errs);
  errs.push(...created);

  sourceImmutableErrors(spec, prevSpec, errs);
  const nm = storedVolumeMode(r, spec, o);
  const pm = storedVolumeMode(new Reader(), prevSpec, o);
  if (nm !== pm) errs.push(invalid("volumeMode", nm, "field is immutable"));
  nodeAffinityUpdateErrors(spec, prevSpec, errs);
  volumeAttributesClassUpdateErrors(spec, prevSpec, o, so, errs);
  return finish(r, errs);
}

/**
 * Validate a PersistentVolume status update (the `status` subresource): only the ObjectMeta
 * update rules and a non-empty resourceVersion (`resourceVersion: Required value`, bare path).
 * Phases are not validated; spec changes are discarded by the server.
 *
 * @example
 * ```ts
 * validatePersistentVolumeStatusUpdate({ metadata: { name: "pv" }, status: { phase: "Bound" } },
 *   { metadata: { name: "pv" } }).map(String);
 * // ['metadata.resourceVersion: Invalid value: "": must be specified for an update', ..., "resourceVersion: Required value"]
 * ```
 */
export function validatePersistentVolumeStatusUpdate(next: unknown, prev: unknown): FieldError[] {
  const r = new Reader();
  const errs: FieldError[] = [];
  const n = readPv(r, next, "");
  const p = readPv(new Reader(), prev, "");
  commonFieldsUpdateErrors(r, n.meta, p.meta, false, errs);
  objectMetaUpdateErrors(r, n.meta, p.meta, "metadata", true, errs);
  if (r.s(n.meta, "resourceVersion", "metadata") === "") errs.push(required("resourceVersion"));
  return finish(r, errs);
}
