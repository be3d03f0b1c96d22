/**
 * The persistent volume sources of `corev1.PersistentVolumeSpec` (exactly one is set on a valid PV),
 * plus the few inline pod volume sources whose shape differs from their PV counterpart.
 *
 * @module
 */
import type { EnumValue, HostPathType } from "./enums.js";
import type { LocalObjectReference, ObjectReference, SecretReference } from "./meta.js";

/**
 * `hostPath`: a directory or file on the node.
 *
 * @example
 * ```ts
 * const src: HostPathVolumeSource = { path: "/mnt/data", type: "DirectoryOrCreate" };
 * ```
 */
export interface HostPathVolumeSource {
  path: string;
  type?: EnumValue<HostPathType> | null;
}

/**
 * `gcePersistentDisk` (in-tree GCE PD, migrated to CSI).
 *
 * @example
 * ```ts
 * const src: GCEPersistentDiskVolumeSource = { pdName: "disk-1", fsType: "ext4" };
 * ```
 */
export interface GCEPersistentDiskVolumeSource {
  pdName: string;
  fsType?: string;
  partition?: number;
  readOnly?: boolean;
}

/**
 * `awsElasticBlockStore` (in-tree EBS, migrated to CSI).
 *
 * @example
 * ```ts
 * const src: AWSElasticBlockStoreVolumeSource = { volumeID: "vol-0abc", fsType: "ext4" };
 * ```
 */
export interface AWSElasticBlockStoreVolumeSource {
  volumeID: string;
  fsType?: string;
  partition?: number;
  readOnly?: boolean;
}

/**
 * `glusterfs` on a PV (`GlusterfsPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: GlusterfsPersistentVolumeSource = { endpoints: "glusterfs-cluster", path: "vol1" };
 * ```
 */
export interface GlusterfsPersistentVolumeSource {
  endpoints: string;
  path: string;
  readOnly?: boolean;
  endpointsNamespace?: string | null;
}

/**
 * `nfs`.
 *
 * @example
 * ```ts
 * const src: NFSVolumeSource = { server: "nfs.example.com", path: "/exports/data" };
 * ```
 */
export interface NFSVolumeSource {
  server: string;
  path: string;
  readOnly?: boolean;
}

/**
 * `rbd` on a PV (`RBDPersistentVolumeSource`, secret in any namespace).
 *
 * @example
 * ```ts
 * const src: RBDPersistentVolumeSource = { monitors: ["10.0.0.1:6789"], image: "foo", pool: "kube" };
 * ```
 */
export interface RBDPersistentVolumeSource {
  monitors: string[];
  image: string;
  fsType?: string;
  pool?: string;
  user?: string;
  keyring?: string;
  secretRef?: SecretReference | null;
  readOnly?: boolean;
}

/**
 * `quobyte`.
 *
 * @example
 * ```ts
 * const src: QuobyteVolumeSource = { registry: "registry:7861", volume: "testVolume" };
 * ```
 */
export interface QuobyteVolumeSource {
  registry: string;
  volume: string;
  readOnly?: boolean;
  user?: string;
  group?: string;
  tenant?: string;
}

/**
 * `cephfs` on a PV (`CephFSPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: CephFSPersistentVolumeSource = { monitors: ["10.16.154.78:6789"], user: "admin" };
 * ```
 */
export interface CephFSPersistentVolumeSource {
  monitors: string[];
  path?: string;
  user?: string;
  secretFile?: string;
  secretRef?: SecretReference | null;
  readOnly?: boolean;
}

/**
 * `iscsi` on a PV (`ISCSIPersistentVolumeSource`). `iscsiInterface` defaults to `"default"`.
 *
 * @example
 * ```ts
 * const src: ISCSIPersistentVolumeSource = { targetPortal: "10.0.2.15:3260", iqn: "iqn.2001-04.com.example:storage.kube.sys1.xyz", lun: 0 };
 * ```
 */
export interface ISCSIPersistentVolumeSource {
  targetPortal: string;
  iqn: string;
  lun: number;
  iscsiInterface?: string;
  fsType?: string;
  readOnly?: boolean;
  portals?: string[];
  chapAuthDiscovery?: boolean;
  chapAuthSession?: boolean;
  secretRef?: SecretReference | null;
  initiatorName?: string | null;
}

/**
 * `cinder` on a PV (`CinderPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: CinderPersistentVolumeSource = { volumeID: "bd82f7e2-wece-4c01-a505-4acf60b07f4a" };
 * ```
 */
export interface CinderPersistentVolumeSource {
  volumeID: string;
  fsType?: string;
  readOnly?: boolean;
  secretRef?: SecretReference | null;
}

/**
 * `fc` (Fibre Channel): either `targetWWNs` + `lun`, or `wwids`.
 *
 * @example
 * ```ts
 * const src: FCVolumeSource = { targetWWNs: ["500a0982991b8dc5"], lun: 2 };
 * ```
 */
export interface FCVolumeSource {
  targetWWNs?: string[];
  lun?: number | null;
  fsType?: string;
  readOnly?: boolean;
  wwids?: string[];
}

/**
 * `flexVolume` on a PV (`FlexPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: FlexPersistentVolumeSource = { driver: "example.com/lvm", options: { volumeID: "v1" } };
 * ```
 */
export interface FlexPersistentVolumeSource {
  driver: string;
  fsType?: string;
  secretRef?: SecretReference | null;
  readOnly?: boolean;
  options?: Record<string, string>;
}

/**
 * `flocker`: exactly one of `datasetName` / `datasetUUID`.
 *
 * @example
 * ```ts
 * const src: FlockerVolumeSource = { datasetName: "my-dataset" };
 * ```
 */
export interface FlockerVolumeSource {
  datasetName?: string;
  datasetUUID?: string;
}

/**
 * `azureFile` on a PV (`AzureFilePersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: AzureFilePersistentVolumeSource = { secretName: "azure-secret", shareName: "k8stest" };
 * ```
 */
export interface AzureFilePersistentVolumeSource {
  secretName: string;
  shareName: string;
  readOnly?: boolean;
  secretNamespace?: string | null;
}

/**
 * `vsphereVolume`.
 *
 * @example
 * ```ts
 * const src: VsphereVirtualDiskVolumeSource = { volumePath: "[datastore1] volumes/myDisk", fsType: "ext4" };
 * ```
 */
export interface VsphereVirtualDiskVolumeSource {
  volumePath: string;
  fsType?: string;
  storagePolicyName?: string;
  storagePolicyID?: string;
}

/**
 * `photonPersistentDisk`.
 *
 * @example
 * ```ts
 * const src: PhotonPersistentDiskVolumeSource = { pdID: "abc-123", fsType: "ext4" };
 * ```
 */
export interface PhotonPersistentDiskVolumeSource {
  pdID: string;
  fsType?: string;
}

/**
 * `portworxVolume`.
 *
 * @example
 * ```ts
 * const src: PortworxVolumeSource = { volumeID: "pxvol", fsType: "ext4" };
 * ```
 */
export interface PortworxVolumeSource {
  volumeID: string;
  fsType?: string;
  readOnly?: boolean;
}

/**
 * `azureDisk`. `cachingMode` ∈ None/ReadOnly/ReadWrite, `kind` ∈ Shared/Dedicated/Managed.
 *
 * @example
 * ```ts
 * const src: AzureDiskVolumeSource = { diskName: "d1", diskURI: "/subscriptions/…/disks/d1", kind: "Managed" };
 * ```
 */
export interface AzureDiskVolumeSource {
  diskName: string;
  diskURI: string;
  cachingMode?: string | null;
  fsType?: string | null;
  readOnly?: boolean | null;
  kind?: string | null;
}

/**
 * `scaleIO` on a PV (`ScaleIOPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: ScaleIOPersistentVolumeSource = { gateway: "https://gw:443/api", system: "sys", volumeName: "vol-1", secretRef: { name: "sio-secret" } };
 * ```
 */
export interface ScaleIOPersistentVolumeSource {
  gateway: string;
  system: string;
  secretRef?: SecretReference | null;
  sslEnabled?: boolean;
  protectionDomain?: string;
  storagePool?: string;
  storageMode?: string;
  volumeName?: string;
  fsType?: string;
  readOnly?: boolean;
}

/**
 * `local`: a disk or directory on one node; needs `spec.nodeAffinity`.
 *
 * @example
 * ```ts
 * const src: LocalVolumeSource = { path: "/mnt/disks/ssd1" };
 * ```
 */
export interface LocalVolumeSource {
  path: string;
  fsType?: string | null;
}

/**
 * `storageos` on a PV (`StorageOSPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: StorageOSPersistentVolumeSource = { volumeName: "redis-vol01", volumeNamespace: "default" };
 * ```
 */
export interface StorageOSPersistentVolumeSource {
  volumeName?: string;
  volumeNamespace?: string;
  fsType?: string;
  readOnly?: boolean;
  secretRef?: ObjectReference | null;
}

/**
 * `csi` on a PV (`CSIPersistentVolumeSource`).
 *
 * @example
 * ```ts
 * const src: CSIPersistentVolumeSource = { driver: "ebs.csi.aws.com", volumeHandle: "vol-0abc", fsType: "ext4" };
 * ```
 */
export interface CSIPersistentVolumeSource {
  driver: string;
  volumeHandle: string;
  readOnly?: boolean;
  fsType?: string;
  volumeAttributes?: Record<string, string>;
  controllerPublishSecretRef?: SecretReference | null;
  nodeStageSecretRef?: SecretReference | null;
  nodePublishSecretRef?: SecretReference | null;
  controllerExpandSecretRef?: SecretReference | null;
  nodeExpandSecretRef?: SecretReference | null;
}

/**
 * `corev1.PersistentVolumeSource`: the 22 source fields, in the order validation examines them.
 *
 * @example
 * ```ts
 * const src: PersistentVolumeSource = { nfs: { server: "nfs.example.com", path: "/exports" } };
 * ```
 */
export interface PersistentVolumeSource {
  hostPath?: HostPathVolumeSource | null;
  gcePersistentDisk?: GCEPersistentDiskVolumeSource | null;
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource | null;
  glusterfs?: GlusterfsPersistentVolumeSource | null;
  flocker?: FlockerVolumeSource | null;
  nfs?: NFSVolumeSource | null;
  rbd?: RBDPersistentVolumeSource | null;
  quobyte?: QuobyteVolumeSource | null;
  cephfs?: CephFSPersistentVolumeSource | null;
  iscsi?: ISCSIPersistentVolumeSource | null;
  cinder?: CinderPersistentVolumeSource | null;
  fc?: FCVolumeSource | null;
  flexVolume?: FlexPersistentVolumeSource | null;
  azureFile?: AzureFilePersistentVolumeSource | null;
  vsphereVolume?: VsphereVirtualDiskVolumeSource | null;
  photonPersistentDisk?: PhotonPersistentDiskVolumeSource | null;
  portworxVolume?: PortworxVolumeSource | null;
  azureDisk?: AzureDiskVolumeSource | null;
  scaleIO?: ScaleIOPersistentVolumeSource | null;
  local?: LocalVolumeSource | null;
  storageos?: StorageOSPersistentVolumeSource | null;
  csi?: CSIPersistentVolumeSource | null;
}

/**
 * Inline pod `rbd` source (`RBDVolumeSource`; secret in the pod's namespace).
 *
 * @example
 * ```ts
 * const src: RBDVolumeSource = { monitors: ["10.0.0.1:6789"], image: "foo" };
 * ```
 */
export interface RBDVolumeSource {
  monitors: string[];
  image: string;
  fsType?: string;
  pool?: string;
  user?: string;
  keyring?: string;
  secretRef?: LocalObjectReference | null;
  readOnly?: boolean;
}

/**
 * Inline pod `iscsi` source (`ISCSIVolumeSource`; secret in the pod's namespace).
 *
 * @example
 * ```ts
 * const src: ISCSIVolumeSource = { targetPortal: "10.0.2.15:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0 };
 * ```
 */
export interface ISCSIVolumeSource {
  targetPortal: string;
  iqn: string;
  lun: number;
  iscsiInterface?: string;
  fsType?: string;
  readOnly?: boolean;
  portals?: string[];
  chapAuthDiscovery?: boolean;
  chapAuthSession?: boolean;
  secretRef?: LocalObjectReference | null;
  initiatorName?: string | null;
}

/**
 * Inline pod `cinder` source (`CinderVolumeSource`).
 *
 * @example
 * ```ts
 * const src: CinderVolumeSource = { volumeID: "bd82f7e2" };
 * ```
 */
export interface CinderVolumeSource {
  volumeID: string;
  fsType?: string;
  readOnly?: boolean;
  secretRef?: LocalObjectReference | null;
}

/**
 * Inline pod `csi` source (`CSIVolumeSource`, ephemeral CSI volumes).
 *
 * @example
 * ```ts
 * const src: CSIVolumeSource = { driver: "secrets-store.csi.k8s.io", readOnly: true, volumeAttributes: { secretProviderClass: "vault" } };
 * ```
 */
export interface CSIVolumeSource {
  driver: string;
  readOnly?: boolean | null;
  fsType?: string | null;
  volumeAttributes?: Record<string, string>;
  nodePublishSecretRef?: LocalObjectReference | null;
}
