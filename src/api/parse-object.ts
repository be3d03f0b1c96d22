/**
 * `parseObject` / `KubernetesObjectSchema`: parse any object kubevol knows by its apiVersion and
 * kind, with typed errors (for the CLI and admission).
 *
 * @module
 */
import * as z from "zod";
import { lazySchema } from "./schemas/common.js";
import { fieldPathOf } from "./schemas/field-path.js";
import { kubernetesListSchema, StatusSchema } from "./schemas/meta.js";
import { PersistentVolumeSchema } from "./schemas/persistent-volume.js";
import { PersistentVolumeClaimSchema } from "./schemas/persistent-volume-claim.js";
import { StorageClassSchema } from "./schemas/storage-class.js";
import { PodSchema } from "./schemas/pod.js";
import { NodeSchema } from "./schemas/node.js";
import { VolumeSnapshotClassSchema, VolumeSnapshotContentSchema, VolumeSnapshotSchema } from "./schemas/volume-snapshot.js";
import { CSIDriverSchema, CSINodeSchema, CSIStorageCapacitySchema, VolumeAttributesClassSchema } from "./schemas/csi.js";
import type { CSIDriver, CSINode, CSIStorageCapacity } from "./types/csi.js";
import type { KubernetesList, Status } from "./types/meta.js";
import type { Node } from "./types/node.js";
import type { PersistentVolume } from "./types/persistent-volume.js";
import type { PersistentVolumeClaim } from "./types/persistent-volume-claim.js";
import type { Pod } from "./types/pod.js";
import type { StorageClass } from "./types/storage-class.js";
import type { VolumeAttributesClass } from "./types/volume-attributes-class.js";
import type { VolumeSnapshot, VolumeSnapshotClass, VolumeSnapshotContent } from "./types/volume-snapshot.js";

/**
 * Kind name → object type, for every kind {@link parseObject} knows.
 *
 * @example
 * ```ts
 * type PV = KindMap["PersistentVolume"]; // PersistentVolume
 * ```
 */
export interface KindMap {
  PersistentVolume: PersistentVolume;
  PersistentVolumeClaim: PersistentVolumeClaim;
  StorageClass: StorageClass;
  Pod: Pod;
  Node: Node;
  VolumeSnapshot: VolumeSnapshot;
  VolumeSnapshotContent: VolumeSnapshotContent;
  VolumeSnapshotClass: VolumeSnapshotClass;
  CSIDriver: CSIDriver;
  CSINode: CSINode;
  CSIStorageCapacity: CSIStorageCapacity;
  VolumeAttributesClass: VolumeAttributesClass;
  Status: Status;
}

/**
 * A kind {@link parseObject} knows (lists aside).
 *
 * @example
 * ```ts
 * const k: KnownKind = "StorageClass";
 * ```
 */
export type KnownKind = keyof KindMap;

/**
 * Any object {@link parseObject} returns: one of the known kinds or a list of them.
 *
 * @example
 * ```ts
 * const objects: KnownObject[] = manifests.map(parseObject);
 * ```
 */
export type KnownObject = KindMap[KnownKind] | KubernetesList<KnownObject>;

const STORAGE_V1 = "storage.k8s.io/v1";
const SNAPSHOT_V1 = "snapshot.storage.k8s.io/v1";

interface KindEntry {
  readonly kind: KnownKind;
  readonly apiVersions: readonly string[];
  readonly schema: z.ZodType<unknown>;
}

const ENTRIES: readonly KindEntry[] = [
  { kind: "PersistentVolume", apiVersions: ["v1"], schema: PersistentVolumeSchema },
  { kind: "PersistentVolumeClaim", apiVersions: ["v1"], schema: PersistentVolumeClaimSchema },
  { kind: "StorageClass", apiVersions: [STORAGE_V1], schema: StorageClassSchema },
  { kind: "Pod", apiVersions: ["v1"], schema: PodSchema },
  { kind: "Node", apiVersions: ["v1"], schema: NodeSchema },
  { kind: "VolumeSnapshot", apiVersions: [SNAPSHOT_V1], schema: VolumeSnapshotSchema },
  { kind: "VolumeSnapshotContent", apiVersions: [SNAPSHOT_V1], schema: VolumeSnapshotContentSchema },
  { kind: "VolumeSnapshotClass", apiVersions: [SNAPSHOT_V1], schema: VolumeSnapshotClassSchema },
  { kind: "CSIDriver", apiVersions: [STORAGE_V1], schema: CSIDriverSchema },
  { kind: "CSINode", apiVersions: [STORAGE_V1], schema: CSINodeSchema },
  { kind: "CSIStorageCapacity", apiVersions: [STORAGE_V1], schema: CSIStorageCapacitySchema },
  {
    kind: "VolumeAttributesClass",
    apiVersions: [STORAGE_V1, "storage.k8s.io/v1beta1", "storage.k8s.io/v1alpha1"],
    schema: VolumeAttributesClassSchema,
  },
  { kind: "Status", apiVersions: ["v1"], schema: StatusSchema },
];

const BY_KEY: ReadonlyMap<string, KindEntry> = new Map(
  ENTRIES.flatMap((entry) => entry.apiVersions.map((v) => [`${v}|${entry.kind}`, entry] as const)),
);

const LIST_SCHEMAS: ReadonlyMap<string, z.ZodType<unknown>> = new Map(
  ENTRIES.filter((e) => e.kind !== "Status").flatMap((entry) => {
    const list = lazySchema(() => kubernetesListSchema(entry.schema));
    return entry.apiVersions.map((v) => [`${v}|${entry.kind}List`, list] as const);
  }),
);

/**
 * Thrown by {@link parseObject} when `apiVersion`/`kind` is missing or names a kind kubevol does not
 * know. The message follows the API server's wording.
 *
 * @example
 * ```ts
 * try { parseObject({ apiVersion: "v1", kind: "ConfigMap", metadata: {} }); }
 * catch (e) { if (e instanceof UnknownKindError) console.log(e.message); } // no kind "ConfigMap" is registered for version "v1"
 * ```
 */
export class UnknownKindError extends Error {
  /** The object's `apiVersion` (`""` when missing or not a string). */
  readonly apiVersion: string;
  /** The object's `kind` (`""` when missing or not a string). */
  readonly kind: string;

  /**
   * @param apiVersion - the object's apiVersion
   * @param kind - the object's kind
   */
  constructor(apiVersion: string, kind: string) {
    super(
      kind === ""
        ? "Object 'Kind' is missing"
        : apiVersion === ""
          ? "Object 'apiVersion' is missing"
          : `no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)}`,
    );
    this.name = "UnknownKindError";
    this.apiVersion = apiVersion;
    this.kind = kind;
  }
}

/**
 * One problem found by a schema: the field path (Kubernetes rendering) and the message.
 *
 * @example
 * ```ts
 * const issue: ObjectIssue = { path: "spec.capacity[storage]", message: "unable to parse quantity's suffix" };
 * ```
 */
export interface ObjectIssue {
  path: string;
  message: string;
}

/**
 * Thrown by {@link parseObject} (and {@link parseKind}) when an object of a known kind has the
 * wrong shape. `issues` lists every problem with its field path; the message joins them as
 * `<Kind> "<name>": <path>: <message>; ...`.
 *
 * @example
 * ```ts
 * try { parseObject({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { capacity: { storage: "1GB" } } }); }
 * catch (e) { if (e instanceof ObjectParseError) console.log(e.issues[0]?.path); } // "spec.capacity[storage]"
 * ```
 */
export class ObjectParseError extends Error {
  /** The kind the object claimed. */
  readonly kind: string;
  /** The object's name, when it had one. */
  readonly objectName: string | undefined;
  /** Every problem, in the order the schema found them. */
  readonly issues: readonly ObjectIssue[];

  /**
   * @param kind - the object's kind
   * @param objectName - the object's `metadata.name`
   * @param issues - the problems
   */
  constructor(kind: string, objectName: string | undefined, issues: readonly ObjectIssue[]) {
    const subject = objectName === undefined ? kind : `${kind} ${JSON.stringify(objectName)}`;
    const detail = issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
    super(subject === "" ? detail : `${subject}: ${detail}`);
    this.name = "ObjectParseError";
    this.kind = kind;
    this.objectName = objectName;
    this.issues = issues;
  }
}

/**
 * The issues of a failed zod parse, with Kubernetes field paths.
 *
 * @param error - a zod error
 * @returns one entry per zod issue
 * @example
 * ```ts
 * const r = PersistentVolumeSchema.safeParse(raw);
 * if (!r.success) for (const i of issuesOf(r.error)) console.log(i.path, i.message);
 * ```
 */
export function issuesOf(error: z.ZodError): ObjectIssue[] {
  return error.issues.map((issue) => ({ path: fieldPathOf(issue.path), message: issue.message }));
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function nameOf(obj: unknown): string | undefined {
  if (typeof obj !== "object" || obj === null) return undefined;
  const meta = (obj as { metadata?: unknown }).metadata;
  if (typeof meta !== "object" || meta === null) return undefined;
  const name = (meta as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

/**
 * The schema for an apiVersion/kind pair (typed lists `<Kind>List` included; `v1 List` excluded:
 * its items are dispatched one by one by {@link parseObject}), or `undefined` for an unknown pair.
 *
 * @param apiVersion - e.g. `"storage.k8s.io/v1"`
 * @param kind - e.g. `"StorageClass"`
 * @returns the zod schema
 * @example
 * ```ts
 * schemaFor("v1", "PersistentVolume") === PersistentVolumeSchema; // true
 * ```
 */
export function schemaFor(apiVersion: string, kind: string): z.ZodType<unknown> | undefined {
  const k = `${apiVersion}|${kind}`;
  return BY_KEY.get(k)?.schema ?? LIST_SCHEMAS.get(k);
}

function parseWith(schema: z.ZodType<unknown>, obj: unknown, kind: string): unknown {
  const result = schema.safeParse(obj);
  if (!result.success) throw new ObjectParseError(kind, nameOf(obj), issuesOf(result.error));
  return result.data;
}

function parseGenericList(obj: Record<string, unknown>): KubernetesList<KnownObject> {
  const items = obj["items"];
  if (!Array.isArray(items)) {
    throw new ObjectParseError("List", undefined, [{ path: "items", message: "Invalid input: expected array" }]);
  }
  const shell = parseWith(kubernetesListSchema(z.unknown()), obj, "List") as KubernetesList<unknown>;
  const parsed: KnownObject[] = [];
  items.forEach((item, i) => {
    try {
      parsed.push(parseObject(item));
    } catch (e) {
      if (e instanceof ObjectParseError) {
        const issues = e.issues.map((issue) => ({
          path: issue.path === "" ? `items[${i}]` : `items[${i}].${issue.path}`,
          message: issue.message,
        }));
        throw new ObjectParseError("List", undefined, issues);
      }
      throw e;
    }
  });
  return { ...shell, items: parsed };
}

/**
 * Parse any object kubevol knows, chosen by its `apiVersion` and `kind`: PersistentVolume,
 * PersistentVolumeClaim, Pod, Node, Status (`v1`); StorageClass, CSIDriver, CSINode,
 * CSIStorageCapacity, VolumeAttributesClass (`storage.k8s.io/v1`, VolumeAttributesClass also
 * `v1beta1`/`v1alpha1`); VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass
 * (`snapshot.storage.k8s.io/v1`); typed lists (`PersistentVolumeList`, …) and `v1 List` (each item
 * dispatched on its own apiVersion/kind). Unknown fields are kept; the input is not mutated.
 *
 * @param obj - a value from a parsed manifest or API response
 * @returns the typed object
 * @throws UnknownKindError when apiVersion/kind is missing or unknown
 * @throws ObjectParseError when the shape is wrong (with field paths)
 * @example
 * ```ts
 * const obj = parseObject(yaml.parse(text));
 * if (obj.kind === "PersistentVolumeClaim") console.log(claimKey(obj as PersistentVolumeClaim));
 * ```
 */
export function parseObject(obj: unknown): KnownObject {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    throw new ObjectParseError("", undefined, [{ path: "", message: "Invalid input: expected a JSON object" }]);
  }
  const record = obj as Record<string, unknown>;
  const apiVersion = text(record["apiVersion"]);
  const kind = text(record["kind"]);
  if (kind === "" || apiVersion === "") throw new UnknownKindError(apiVersion, kind);
  if (apiVersion === "v1" && kind === "List") return parseGenericList(record);
  const schema = schemaFor(apiVersion, kind);
  if (schema === undefined) throw new UnknownKindError(apiVersion, kind);
  return parseWith(schema, obj, kind) as KnownObject;
}

/**
 * Parse an object as one given kind (apiVersion/kind may be absent, as in API list items; when
 * present they must match).
 *
 * @param kind - the expected kind
 * @param obj - the value
 * @returns the typed object
 * @throws ObjectParseError when the shape is wrong (a mismatching `kind` is reported at `kind`)
 * @example
 * ```ts
 * const pv = parseKind("PersistentVolume", raw); // PersistentVolume
 * ```
 */
export function parseKind<K extends KnownKind>(kind: K, obj: unknown): KindMap[K] {
  const entry = ENTRIES.find((e) => e.kind === kind);
  if (entry === undefined) throw new UnknownKindError("", String(kind));
  return parseWith(entry.schema, obj, kind) as KindMap[K];
}

/**
 * Whether a parsed object is of the given kind (by its `kind` field), narrowing its type.
 *
 * @param obj - a parsed object
 * @param kind - the kind to test
 * @returns whether `obj.kind === kind`
 * @example
 * ```ts
 * const obj = parseObject(raw);
 * if (isKind(obj, "StorageClass")) console.log(obj.provisioner);
 * ```
 */
export function isKind<K extends KnownKind>(obj: unknown, kind: K): obj is KindMap[K] {
  return typeof obj === "object" && obj !== null && (obj as { kind?: unknown }).kind === kind;
}

/**
 * A zod schema that dispatches on apiVersion/kind exactly like {@link parseObject} (unknown kinds
 * fail with the {@link UnknownKindError} message at path `kind`), for composing into larger
 * schemas (e.g. an AdmissionReview's `request.object`).
 *
 * @example
 * ```ts
 * const r = KubernetesObjectSchema.safeParse(raw);
 * if (!r.success) console.log(r.error.issues[0]?.message);
 * ```
 */
export const KubernetesObjectSchema: z.ZodType<KnownObject> = lazySchema(() =>
  z.unknown().transform((value, ctx) => {
    try {
      return parseObject(value);
    } catch (e) {
      if (e instanceof UnknownKindError) {
        ctx.issues.push({ code: "custom", message: e.message, input: value, path: ["kind"] });
        return z.NEVER;
      }
      if (e instanceof ObjectParseError) {
        for (const issue of e.issues) {
          ctx.issues.push({ code: "custom", message: issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`, input: value });
        }
        return z.NEVER;
      }
      throw e;
    }
  }),
);
