/**
 * PVC data sources: the API server's fix-ups before validation (kubernetes/kubernetes pkg/api/persistentvolumeclaim/util.go, `NormalizeDataSources`) and the
 * `dataSource` / `dataSourceRef` rules (kubernetes/kubernetes pkg/apis/core/validation/validation.go, `ValidatePersistentVolumeClaimSpec`).
 *
 * @module
 */
import { child, invalid, required, type FieldError } from "../field/index.js";
import { isDNS1123Label, isDNS1123Subdomain } from "../labels/index.js";
import type { ValidationOptions } from "./options.js";
import { isRec, type Reader, type Rec } from "./reader.js";

const SNAPSHOT_GROUP = "snapshot.storage.k8s.io";

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A dataSource naming a PVC (core group) or a VolumeSnapshot (snapshot.storage.k8s.io). */
function isPvcOrSnapshot(ds: unknown): boolean {
  if (!isRec(ds)) return false;
  const group = typeof ds.apiGroup === "string" ? ds.apiGroup : "";
  return (ds.kind === "PersistentVolumeClaim" && group === "") || (ds.kind === "VolumeSnapshot" && group === SNAPSHOT_GROUP);
}

/** Copy kind, name and apiGroup (when set) of one reference into a new one. */
function copyRef(ref: Rec): Rec {
  const out: Rec = { kind: ref.kind ?? "", name: ref.name ?? "" };
  if (isSet(ref.apiGroup)) out.apiGroup = ref.apiGroup;
  return out;
}

/**
 * `NormalizeDataSources`: when only one of `dataSource` / `dataSourceRef` is set, fill in the other
 * (a namespaced `dataSourceRef` has no `dataSource` twin). Returns a new spec (the input is not
 * modified).
 *
 * @example
 * ```ts
 * normalizeDataSources({ dataSource: { kind: "PersistentVolumeClaim", name: "src" } }).dataSourceRef;
 * // { kind: "PersistentVolumeClaim", name: "src" }
 * ```
 */
export function normalizeDataSources(spec: Rec): Rec {
  const ds = spec.dataSource;
  const ref = spec.dataSourceRef;
  if (isRec(ds) && !isSet(ref)) return { ...spec, dataSourceRef: copyRef(ds) };
  if (isRec(ref) && !isSet(ds)) {
    const ns = ref.namespace;
    if (!isSet(ns) || ns === "") return { ...spec, dataSource: copyRef(ref) };
  }
  return spec;
}

/**
 * The API server's preparation of a claim spec before validation (`DropDisabledFields`,
 * `EnforceDataSourceBackwardsCompatibility`, `NormalizeDataSources`), given the old spec on update.
 * Returns a new spec; the input is not modified.
 *
 * @example
 * ```ts
 * prepareClaimSpec({ dataSource: { kind: "Foo", name: "x" } }, undefined, defaultValidationOptions);
 * // {} — an unknown dataSource without dataSourceRef is silently dropped on create
 * ```
 */
export function prepareClaimSpec(spec: Rec, old: Rec | undefined, o: ValidationOptions): Rec {
  let s = spec;
  const drop = (field: string): void => {
    if (s[field] === undefined) return;
    const copy = { ...s };
    delete copy[field];
    s = copy;
  };
  const refInUse = old !== undefined && isSet(old.dataSourceRef);
  if (!o.volumeAttributesClass && (old === undefined || !isSet(old.volumeAttributesClassName))) drop("volumeAttributesClassName");
  if (!o.anyVolumeDataSource && !refInUse) drop("dataSourceRef");
  const ref = s.dataSourceRef;
  if (!o.crossNamespaceVolumeDataSource && isRec(ref) && typeof ref.namespace === "string" && ref.namespace !== "" && !refInUse) {
    drop("dataSourceRef");
  }
  const sourceInUse = old !== undefined && (isSet(old.dataSource) || isSet(old.dataSourceRef));
  if (!sourceInUse && !isSet(s.dataSourceRef) && isSet(s.dataSource) && !isPvcOrSnapshot(s.dataSource)) drop("dataSource");
  if (o.anyVolumeDataSource) s = normalizeDataSources(s);
  return s;
}

function refErrors(r: Reader, ref: Rec, path: string, allowInvalidAPIGroup: boolean, errs: FieldError[]): void {
  const name = r.s(ref, "name", path);
  const kind = r.s(ref, "kind", path);
  if (name === "") errs.push(required(child(path, "name")));
  if (kind === "") errs.push(required(child(path, "kind")));
  const group = r.s(ref, "apiGroup", path);
  if (group === "" && kind !== "PersistentVolumeClaim") {
    errs.push(invalid(path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  if (group !== "" && !allowInvalidAPIGroup) {
    for (const msg of isDNS1123Subdomain(group)) errs.push(invalid(child(path, "apiGroup"), group, msg));
  }
}

/**
 * The data-source part of `ValidatePersistentVolumeClaimSpec`: `dataSource`, `dataSourceRef` and their consistency, appended to `errs`.
 * @internal
 */
export function dataSourceErrors(r: Reader, spec: Rec, sp: string, allowInvalidAPIGroup: boolean, errs: FieldError[]): void {
  const ds = r.obj(spec, "dataSource", sp);
  const ref = r.obj(spec, "dataSourceRef", sp);
  if (ds !== undefined) refErrors(r, ds, child(sp, "dataSource"), allowInvalidAPIGroup, errs);
  let namespace = "";
  if (ref !== undefined) {
    const rp = child(sp, "dataSourceRef");
    refErrors(r, ref, rp, allowInvalidAPIGroup, errs);
    namespace = r.s(ref, "namespace", rp);
    if (namespace !== "") for (const msg of isDNS1123Label(namespace)) errs.push(invalid(child(rp, "namespace"), namespace, msg));
  }
  if (ref !== undefined && namespace !== "") {
    if (ds !== undefined) errs.push(invalid(sp, {}, "may not be specified when dataSourceRef.namespace is specified"));
  } else if (ds !== undefined && ref !== undefined) {
    const sameGroup = isSet(ds.apiGroup) === isSet(ref.apiGroup) && (!isSet(ds.apiGroup) || ds.apiGroup === ref.apiGroup);
    if (!sameGroup || (ds.kind ?? "") !== (ref.kind ?? "") || (ds.name ?? "") !== (ref.name ?? "")) {
      errs.push(invalid(sp, {}, "must match dataSourceRef"));
    }
  }
}

/**
 * Old claims that already had an apiGroup keep being accepted with an invalid one.
 * @internal
 */
export function hasDataSourceAPIGroup(spec: Rec): boolean {
  return (isRec(spec.dataSource) && isSet(spec.dataSource.apiGroup)) || (isRec(spec.dataSourceRef) && isSet(spec.dataSourceRef.apiGroup));
}
