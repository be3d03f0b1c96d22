/**
 * The PersistentVolume sources and their own rules (kubernetes/kubernetes pkg/apis/core/validation/validation.go, the source part of `ValidatePersistentVolumeSpec` and the per-source validators), in Kubernetes' order.
 *
 * @module
 */
import { child, forbidden, invalid, key as keyPath, notSupported, required, tooLong, type FieldError } from "../field/index.js";
import { isDNS1123Label, isDNS1123Subdomain } from "../labels/index.js";
import type { Reader, Rec } from "./reader.js";

/**
 * What a source rule needs to know about the rest of the PV.
 * @internal
 */
export interface SourceContext {
  /** `metadata.name` (the iSCSI length rule uses it). */
  readonly pvName: string;
  /** Whether `spec.nodeAffinity` is set (local volumes require it). */
  readonly nodeAffinitySpecified: boolean;
  /** Path of the spec (`spec`, or an inline spec's path). */
  readonly specPath: string;
}

type SourceRule = (r: Reader, src: Rec, path: string, errs: FieldError[], ctx: SourceContext) => void;

/**
 * One volume source: its JSON field, the path its own errors use, the "more than 1" path.
 * @internal
 */
export interface VolumeSourceKind {
  /** The JSON field name in the PV spec. */
  readonly field: string;
  /** The path segment used for the source's own sub-errors (`persistentDisk` for GCE). */
  readonly errorPath: string;
  /** The path segment of the "may not specify more than 1 volume type" error, or null when never reported. */
  readonly duplicatePath: string | null;
  /** The source's own rules. */
  readonly rule: SourceRule;
}

const RANGE_0_255 = "must be between 0 and 255, inclusive";
// Kubernetes' message for disk partitions says 1 although 0 is accepted.
const PARTITION_RANGE = "must be between 1 and 255, inclusive";

function requireStr(r: Reader, src: Rec, name: string, path: string, errs: FieldError[], detail = ""): string {
  const v = r.s(src, name, path);
  if (v === "") errs.push(required(child(path, name), detail));
  return v;
}

/** `validatePathNoBacksteps`: no `..` element after turning `\` into `/`. */
function noBacksteps(p: string, path: string, errs: FieldError[]): void {
  if (p.replace(/\\/g, "/").split("/").includes("..")) errs.push(invalid(path, p, "must not contain '..'"));
}

const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

const hostPath: SourceRule = (r, src, path, errs) => {
  const p = r.s(src, "path", path);
  if (p === "") {
    errs.push(required(child(path, "path")));
    return;
  }
  noBacksteps(p, child(path, "path"), errs);
  const t = r.str(src, "type", path);
  if (t !== undefined && !HOST_PATH_TYPES.includes(t)) errs.push(notSupported(child(path, "type"), t, HOST_PATH_TYPES));
};

const local: SourceRule = (r, src, path, errs, ctx) => {
  const p = r.s(src, "path", path);
  if (p === "") errs.push(required(child(path, "path")));
  else noBacksteps(p, child(path, "path"), errs);
  if (!ctx.nodeAffinitySpecified) errs.push(required(child(ctx.specPath, "nodeAffinity"), "Local volume requires node affinity"));
};

const nfs: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "server", path, errs);
  const p = requireStr(r, src, "path", path, errs);
  if (!p.startsWith("/")) errs.push(invalid(child(path, "path"), p, "must be an absolute path"));
};

const gcePersistentDisk: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "pdName", path, errs);
  const part = r.int(src, "partition", path) ?? 0;
  if (part < 0 || part > 255) errs.push(invalid(child(path, "partition"), part, PARTITION_RANGE));
};

const awsElasticBlockStore: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "volumeID", path, errs);
  const part = r.int(src, "partition", path) ?? 0;
  if (part < 0 || part > 255) errs.push(invalid(child(path, "partition"), part, PARTITION_RANGE));
};

const glusterfs: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "endpoints", path, errs);
  requireStr(r, src, "path", path, errs);
  const ns = r.str(src, "endpointsNamespace", path);
  if (ns !== undefined) {
    const p = child(path, "endpointsNamespace");
    if (ns === "") errs.push(invalid(p, ns, "if the endpointnamespace is set, it must be a valid namespace name"));
    else for (const msg of isDNS1123Label(ns)) errs.push(invalid(p, ns, msg));
  }
};

const flocker: SourceRule = (r, src, path, errs) => {
  const name = r.s(src, "datasetName", path);
  const uuid = r.s(src, "datasetUUID", path);
  if (name === "" && uuid === "") errs.push(required(path, "one of datasetName and datasetUUID is required"));
  if (name !== "" && uuid !== "") errs.push(invalid(path, "resource", "datasetName and datasetUUID can not be specified simultaneously"));
  if (name.includes("/")) errs.push(invalid(child(path, "datasetName"), name, "must not contain '/'"));
};

const rbd: SourceRule = (r, src, path, errs) => {
  if ((r.strList(src, "monitors", path) ?? []).length === 0) errs.push(required(child(path, "monitors")));
  requireStr(r, src, "image", path, errs);
};

/** Go's `net.SplitHostPort` succeeds (same checks, same order of failure). */
function isHostPort(s: string): boolean {
  const i = s.lastIndexOf(":");
  if (i < 0) return false;
  let j = 0;
  let k = 0;
  if (s.startsWith("[")) {
    const end = s.indexOf("]");
    if (end < 0 || end + 1 !== i) return false;
    j = 1;
    k = end + 1;
  } else if (s.slice(0, i).includes(":")) {
    return false;
  }
  return !s.slice(j).includes("[") && !s.slice(k).includes("]");
}

const quobyte: SourceRule = (r, src, path, errs) => {
  const registry = r.s(src, "registry", path);
  const tenant = r.s(src, "tenant", path);
  const hostPortMsg = "must be a host:port pair or multiple pairs separated by commas";
  if (registry === "") errs.push(required(child(path, "registry"), hostPortMsg));
  else if (tenant.length >= 65) errs.push(required(child(path, "tenant"), "must be a UUID and may not exceed a length of 64 characters"));
  else {
    for (const pair of registry.split(",")) if (!isHostPort(pair)) errs.push(invalid(child(path, "registry"), registry, hostPortMsg));
  }
  requireStr(r, src, "volume", path, errs);
};

const cephfs: SourceRule = (r, src, path, errs) => {
  if ((r.strList(src, "monitors", path) ?? []).length === 0) errs.push(required(child(path, "monitors")));
};

/** iSCSI qualified names: `iqn.YYYY-MM.reversed.domain[:id]`, `eui.` + 16 hex, `naa.` + 32 hex. */
function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
/** Go's `\s` (ASCII whitespace) for the iqn pattern. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d && c !== 0x0b);
}
/**
 * The unanchored-start pattern `iqn\.\d{4}-\d{2}\.([[:alnum:]-.]+)(:[^,;*&$|\s]+)$`: some
 * occurrence of `iqn.dddd-dd.` followed by domain characters, one `:` and a suffix that reaches the
 * end. Checked by scanning from every `iqn` position (linear per start, no backtracking blow-up).
 * @example
 * ```ts
 * matchesIqn("iqn.2015-02.example.com:disk1"); // true
 * matchesIqn("iqn.2015-02.example.com");       // false (no ":<id>")
 * ```
 */
export function matchesIqn(s: string): boolean {
  for (let start = s.indexOf("iqn"); start >= 0; start = s.indexOf("iqn", start + 1)) {
    if (iqnAt(s, start)) return true;
  }
  return false;
}
function iqnAt(s: string, i: number): boolean {
  let p = i + 3;
  if (s[p] !== ".") return false;
  p++;
  for (let k = 0; k < 4; k++, p++) if (!isDigit(s.charCodeAt(p))) return false;
  if (s[p] !== "-") return false;
  p++;
  for (let k = 0; k < 2; k++, p++) if (!isDigit(s.charCodeAt(p))) return false;
  if (s[p] !== ".") return false;
  p++;
  // domain: one or more of [A-Za-z0-9-.]; then ':' and a suffix without , ; * & $ | whitespace to the end
  const domStart = p;
  while (p < s.length && (isAlnum(s.charCodeAt(p)) || s[p] === "-" || s[p] === ".")) p++;
  if (p === domStart || s[p] !== ":") return false;
  p++;
  if (p >= s.length) return false;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (",;*&$|".includes(s[p]!) || isSpace(c)) return false;
  }
  return true;
}
function matchesHexName(s: string, prefix: string, n: number): boolean {
  // ^eui.[[:alnum:]]{16}$ — the dot in the pattern matches any character
  if (s.length !== prefix.length + 1 + n || !s.startsWith(prefix) || s[prefix.length] === "\n") return false;
  for (let i = prefix.length + 1; i < s.length; i++) if (!isAlnum(s.charCodeAt(i))) return false;
  return true;
}
function iscsiNameErrors(v: string, path: string, errs: FieldError[], alwaysCheckPrefix: boolean): void {
  const known = v.startsWith("iqn") || v.startsWith("eui") || v.startsWith("naa");
  if (!known) {
    errs.push(invalid(path, v, "must be valid format"));
    if (!alwaysCheckPrefix) return;
  }
  if (v.startsWith("iqn")) {
    if (!matchesIqn(v)) errs.push(invalid(path, v, "must be valid format"));
  } else if (v.startsWith("eui")) {
    if (!matchesHexName(v, "eui", 16)) errs.push(invalid(path, v, "must be valid format"));
  } else if (v.startsWith("naa")) {
    if (!matchesHexName(v, "naa", 32)) errs.push(invalid(path, v, "must be valid format"));
  }
}

const iscsi: SourceRule = (r, src, path, errs, { pvName }) => {
  const portal = requireStr(r, src, "targetPortal", path, errs);
  const initiator = r.str(src, "initiatorName", path);
  if (initiator !== undefined && (pvName + ":" + portal).length > 64) {
    errs.push(
      invalid(
        child(path, "targetportal"),
        portal,
        "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.",
      ),
    );
  }
  const iqn = r.s(src, "iqn", path);
  if (iqn === "") errs.push(required(child(path, "iqn")));
  else iscsiNameErrors(iqn, child(path, "iqn"), errs, false);
  const lun = r.int(src, "lun", path) ?? 0;
  if (lun < 0 || lun > 255) errs.push(invalid(child(path, "lun"), lun, RANGE_0_255));
  const secretRef = r.obj(src, "secretRef", path);
  if ((r.bool(src, "chapAuthDiscovery", path) || r.bool(src, "chapAuthSession", path)) && secretRef === undefined) {
    errs.push(required(child(path, "secretRef")));
  }
  if (secretRef !== undefined && r.s(secretRef, "name", child(path, "secretRef")) === "")
    errs.push(required(child(child(path, "secretRef"), "name")));
  if (initiator !== undefined) iscsiNameErrors(initiator, child(path, "initiatorname"), errs, true);
};

const cinder: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "volumeID", path, errs);
  const ref = r.obj(src, "secretRef", path);
  if (ref !== undefined) {
    const rp = child(path, "secretRef");
    requireStr(r, ref, "name", rp, errs);
    requireStr(r, ref, "namespace", rp, errs);
  }
};

const fc: SourceRule = (r, src, path, errs) => {
  const wwns = r.strList(src, "targetWWNs", path) ?? [];
  const wwids = r.strList(src, "wwids", path) ?? [];
  if (wwns.length < 1 && wwids.length < 1)
    errs.push(required(child(path, "targetWWNs"), "must specify either targetWWNs or wwids, but not both"));
  if (wwns.length !== 0 && wwids.length !== 0) {
    errs.push(invalid(child(path, "targetWWNs"), wwns, "targetWWNs and wwids can not be specified simultaneously"));
  }
  if (wwns.length !== 0) {
    const lun = r.int(src, "lun", path);
    if (lun === undefined) errs.push(required(child(path, "lun"), "lun is required if targetWWNs is specified"));
    else if (lun < 0 || lun > 255) errs.push(invalid(child(path, "lun"), lun, RANGE_0_255));
  }
};

const flexVolume: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "driver", path, errs);
  const options = r.strMap(src, "options", path) ?? {};
  for (const k of Object.keys(options).sort()) {
    const slash = k.indexOf("/");
    const namespace = slash >= 0 ? k.slice(0, slash) : k;
    const normalized = "." + namespace.toLowerCase();
    if (normalized.endsWith(".kubernetes.io") || normalized.endsWith(".k8s.io")) {
      errs.push(invalid(keyPath(child(path, "options"), k), k, "kubernetes.io and k8s.io namespaces are reserved"));
    }
  }
};

const azureFile: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "secretName", path, errs);
  requireStr(r, src, "shareName", path, errs);
  const ns = r.str(src, "secretNamespace", path);
  if (ns !== undefined && ns === "") errs.push(required(child(path, "secretNamespace")));
};

const vsphereVolume: SourceRule = (r, src, path, errs) => void requireStr(r, src, "volumePath", path, errs);
const photonPersistentDisk: SourceRule = (r, src, path, errs) => void requireStr(r, src, "pdID", path, errs);
const portworxVolume: SourceRule = (r, src, path, errs) => void requireStr(r, src, "volumeID", path, errs);

const CACHING_MODES = ["None", "ReadOnly", "ReadWrite"];
const DISK_KINDS = ["Dedicated", "Managed", "Shared"];
const azureDisk: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "diskName", path, errs);
  const uri = requireStr(r, src, "diskURI", path, errs);
  const caching = r.str(src, "cachingMode", path);
  if (caching !== undefined && !CACHING_MODES.includes(caching))
    errs.push(notSupported(child(path, "cachingMode"), caching, CACHING_MODES));
  const kind = r.str(src, "kind", path);
  if (kind !== undefined && !DISK_KINDS.includes(kind)) errs.push(notSupported(child(path, "kind"), kind, DISK_KINDS));
  if (kind === "Managed" && !uri.startsWith("/subscriptions/")) {
    errs.push(
      notSupported(child(path, "diskURI"), uri, [
        "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}",
      ]),
    );
  }
  if (kind !== undefined && kind !== "Managed" && !uri.startsWith("https://")) {
    errs.push(notSupported(child(path, "diskURI"), uri, ["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"]));
  }
};

const scaleIO: SourceRule = (r, src, path, errs) => {
  requireStr(r, src, "gateway", path, errs);
  requireStr(r, src, "system", path, errs);
  requireStr(r, src, "volumeName", path, errs);
};

const storageos: SourceRule = (r, src, path, errs) => {
  const name = r.s(src, "volumeName", path);
  if (name === "") errs.push(required(child(path, "volumeName")));
  else for (const msg of isDNS1123Label(name)) errs.push(invalid(child(path, "volumeName"), name, msg));
  const ns = r.s(src, "volumeNamespace", path);
  if (ns !== "") for (const msg of isDNS1123Label(ns)) errs.push(invalid(child(path, "volumeNamespace"), ns, msg));
  const ref = r.obj(src, "secretRef", path);
  if (ref !== undefined) {
    const rp = child(path, "secretRef");
    requireStr(r, ref, "name", rp, errs);
    requireStr(r, ref, "namespace", rp, errs);
  }
};

/**
 * `ValidateCSIDriverName`: required, at most 63 bytes, lower-cased form a DNS-1123 subdomain.
 * @internal
 */
export function csiDriverNameErrors(driver: string, path: string, errs: FieldError[]): void {
  if (driver === "") errs.push(required(path));
  if (driver.length > 63) errs.push(tooLong(path, 63));
  for (const msg of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(path, driver, msg));
}

function secretReferenceErrors(r: Reader, ref: Rec, path: string, errs: FieldError[]): void {
  const name = r.s(ref, "name", path);
  if (name === "") errs.push(required(child(path, "name")));
  else for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(child(path, "name"), name, msg));
  const ns = r.s(ref, "namespace", path);
  if (ns === "") errs.push(required(child(path, "namespace")));
  else for (const msg of isDNS1123Label(ns)) errs.push(invalid(child(path, "namespace"), ns, msg));
}

const csi: SourceRule = (r, src, path, errs) => {
  csiDriverNameErrors(r.s(src, "driver", path), child(path, "driver"), errs);
  requireStr(r, src, "volumeHandle", path, errs);
  for (const name of ["controllerPublishSecretRef", "controllerExpandSecretRef", "nodePublishSecretRef", "nodeExpandSecretRef"]) {
    const ref = r.obj(src, name, path);
    if (ref !== undefined) secretReferenceErrors(r, ref, child(path, name), errs);
  }
  // nodeStageSecretRef is not validated by Kubernetes; still read it for its type.
  r.obj(src, "nodeStageSecretRef", path);
};

/**
 * The 22 PV sources in the order Kubernetes examines them.
 * @internal
 */
export const PV_SOURCES: readonly VolumeSourceKind[] = [
  { field: "hostPath", errorPath: "hostPath", duplicatePath: "hostPath", rule: hostPath },
  { field: "gcePersistentDisk", errorPath: "persistentDisk", duplicatePath: "gcePersistentDisk", rule: gcePersistentDisk },
  { field: "awsElasticBlockStore", errorPath: "awsElasticBlockStore", duplicatePath: "awsElasticBlockStore", rule: awsElasticBlockStore },
  { field: "glusterfs", errorPath: "glusterfs", duplicatePath: "glusterfs", rule: glusterfs },
  { field: "flocker", errorPath: "flocker", duplicatePath: "flocker", rule: flocker },
  { field: "nfs", errorPath: "nfs", duplicatePath: "nfs", rule: nfs },
  { field: "rbd", errorPath: "rbd", duplicatePath: "rbd", rule: rbd },
  { field: "quobyte", errorPath: "quobyte", duplicatePath: "quobyte", rule: quobyte },
  { field: "cephfs", errorPath: "cephfs", duplicatePath: "cephFS", rule: cephfs },
  { field: "iscsi", errorPath: "iscsi", duplicatePath: "iscsi", rule: iscsi },
  { field: "cinder", errorPath: "cinder", duplicatePath: "cinder", rule: cinder },
  { field: "fc", errorPath: "fc", duplicatePath: "fc", rule: fc },
  { field: "flexVolume", errorPath: "flexVolume", duplicatePath: null, rule: flexVolume },
  { field: "azureFile", errorPath: "azureFile", duplicatePath: "azureFile", rule: azureFile },
  { field: "vsphereVolume", errorPath: "vsphereVolume", duplicatePath: "vsphereVolume", rule: vsphereVolume },
  { field: "photonPersistentDisk", errorPath: "photonPersistentDisk", duplicatePath: "photonPersistentDisk", rule: photonPersistentDisk },
  { field: "portworxVolume", errorPath: "portworxVolume", duplicatePath: "portworxVolume", rule: portworxVolume },
  { field: "azureDisk", errorPath: "azureDisk", duplicatePath: "azureDisk", rule: azureDisk },
  { field: "scaleIO", errorPath: "scaleIO", duplicatePath: "scaleIO", rule: scaleIO },
  { field: "local", errorPath: "local", duplicatePath: "local", rule: local },
  { field: "storageos", errorPath: "storageos", duplicatePath: "storageos", rule: storageos },
  { field: "csi", errorPath: "csi", duplicatePath: "csi", rule: csi },
];

/**
 * The JSON names of all PV sources, in order.
 * @internal
 */
export const PV_SOURCE_FIELDS: readonly string[] = PV_SOURCES.map((s) => s.field);

/**
 * Sources for which the legacy mount-options annotation is allowed.
 * @internal
 */
export const MOUNT_OPTION_SOURCES: ReadonlySet<string> = new Set([
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "glusterfs",
  "nfs",
  "rbd",
  "quobyte",
  "iscsi",
  "cinder",
  "cephfs",
  "azureFile",
  "vsphereVolume",
  "azureDisk",
  "photonPersistentDisk",
]);

/**
 * The "exactly one source" step: validate the first present source, forbid every later one
 * (flexVolume counts but never reports), require one. Returns the field name of the validated
 * source (or undefined).
 * @internal
 */
export function volumeSourceErrors(r: Reader, spec: Rec, ctx: SourceContext, errs: FieldError[]): string | undefined {
  let found: string | undefined;
  let count = 0;
  const sp = ctx.specPath;
  for (const kind of PV_SOURCES) {
    const src = r.obj(spec, kind.field, sp);
    if (src === undefined) continue;
    if (kind.duplicatePath === null) {
      // flexVolume: validated and counted even after another source
      count++;
      found ??= kind.field;
      kind.rule(r, src, child(sp, kind.errorPath), errs, ctx);
      continue;
    }
    if (count > 0) {
      errs.push(forbidden(child(sp, kind.duplicatePath), "may not specify more than 1 volume type"));
      continue;
    }
    count++;
    found = kind.field;
    kind.rule(r, src, child(sp, kind.errorPath), errs, ctx);
  }
  if (count === 0) errs.push(required(sp, "must specify a volume type"));
  return found;
}
