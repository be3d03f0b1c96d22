/**
 * What each in-tree volume source can actually provide, from the Kubernetes documentation's
 * access-mode table and the PV controller's recycler list. The API server accepts any access mode
 * on any source; this table is what the lint checks against.
 *
 * @module
 */
import type { AccessMode, PersistentVolume } from "../api/index.js";

/**
 * What one PV source (one `spec.<field>`) supports.
 *
 * @example
 * ```ts
 * const nfs: VolumePluginInfo | undefined = volumePluginBySource("nfs");
 * nfs?.recyclable; // true
 * ```
 */
export interface VolumePluginInfo {
  /** The JSON field of the source in `PersistentVolumeSpec` (`awsElasticBlockStore`). */
  readonly source: string;
  /** The plugin's name as the documentation writes it (`AWSElasticBlockStore`). */
  readonly plugin: string;
  /** The access modes the backend can provide; `undefined` when it depends on the driver (CSI, FlexVolume). */
  readonly accessModes: readonly AccessMode[] | undefined;
  /** Whether the PV controller has a recycler for it (only NFS and hostPath). */
  readonly recyclable: boolean;
  /** A note shown with access-mode findings (e.g. Cinder multi-attach). */
  readonly note?: string;
}

const RWO: AccessMode = "ReadWriteOnce";
const ROX: AccessMode = "ReadOnlyMany";
const RWX: AccessMode = "ReadWriteMany";

function info(
  source: string,
  plugin: string,
  accessModes: readonly AccessMode[] | undefined,
  recyclable = false,
  note?: string,
): VolumePluginInfo {
  return note === undefined ? { source, plugin, accessModes, recyclable } : { source, plugin, accessModes, recyclable, note };
}

/**
 * Every PV source, in the order the API server examines them, with the modes it supports.
 * `ReadWriteOncePod` is supported only by CSI volumes.
 *
 * @example
 * ```ts
 * VOLUME_PLUGINS.find((p) => p.source === "nfs")?.accessModes; // ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"]
 * ```
 */
export const VOLUME_PLUGINS: readonly VolumePluginInfo[] = Object.freeze([
  info("hostPath", "HostPath", [RWO], true, "a hostPath volume lives on one node"),
  info("gcePersistentDisk", "GCEPersistentDisk", [RWO, ROX]),
  info("awsElasticBlockStore", "AWSElasticBlockStore", [RWO]),
  info("glusterfs", "Glusterfs", [RWO, ROX, RWX]),
  info("flocker", "Flocker", [RWO]),
  info("nfs", "NFS", [RWO, ROX, RWX], true),
  info("rbd", "RBD", [RWO, ROX]),
  info("quobyte", "Quobyte", [RWO, ROX, RWX]),
  info("cephfs", "CephFS", [RWO, ROX, RWX]),
  info("iscsi", "iSCSI", [RWO, ROX]),
  info("cinder", "Cinder", [RWO], false, "ReadWriteMany works only with multi-attach Cinder volumes"),
  info("fc", "FC", [RWO, ROX]),
  info("flexVolume", "FlexVolume", undefined),
  info("azureFile", "AzureFile", [RWO, ROX, RWX]),
  info("vsphereVolume", "VsphereVolume", [RWO], false, "ReadWriteMany works only while the pods share a node"),
  info("photonPersistentDisk", "PhotonPersistentDisk", [RWO]),
  info("portworxVolume", "PortworxVolume", [RWO, RWX]),
  info("azureDisk", "AzureDisk", [RWO]),
  info("scaleIO", "ScaleIO", [RWO, ROX]),
  info("local", "Local", undefined, false, "a local volume lives on one node"),
  info("storageos", "StorageOS", [RWO]),
  info("csi", "CSI", undefined),
]);

const BY_SOURCE = new Map(VOLUME_PLUGINS.map((p) => [p.source, p]));

/**
 * The plugin of a PV: its first present volume source in the API server's order (`undefined`
 * when none is set).
 *
 * @example
 * ```ts
 * volumePluginOf({ metadata: { name: "a" }, spec: { nfs: { server: "s", path: "/x" } } })?.plugin; // "NFS"
 * ```
 */
export function volumePluginOf(pv: PersistentVolume): VolumePluginInfo | undefined {
  const spec = (pv?.spec ?? {}) as Record<string, unknown>;
  for (const p of VOLUME_PLUGINS) {
    const v = spec[p.source];
    if (v !== undefined && v !== null) return p;
  }
  return undefined;
}

/**
 * Look a plugin up by its `PersistentVolumeSpec` field name.
 *
 * @example
 * ```ts
 * volumePluginBySource("rbd")?.accessModes; // ["ReadWriteOnce", "ReadOnlyMany"]
 * ```
 */
export function volumePluginBySource(source: string): VolumePluginInfo | undefined {
  return BY_SOURCE.get(source);
}
