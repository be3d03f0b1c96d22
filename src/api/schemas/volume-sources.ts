/**
 * Schemas of the PV volume sources and the inline pod sources.
 *
 * @module
 */
import * as z from "zod";
import type { HostPathType } from "../types/enums.js";
import type {
  AWSElasticBlockStoreVolumeSource,
  AzureDiskVolumeSource,
  AzureFilePersistentVolumeSource,
  CSIPersistentVolumeSource,
  CSIVolumeSource,
  CephFSPersistentVolumeSource,
  CinderPersistentVolumeSource,
  CinderVolumeSource,
  FCVolumeSource,
  FlexPersistentVolumeSource,
  FlockerVolumeSource,
  GCEPersistentDiskVolumeSource,
  GlusterfsPersistentVolumeSource,
  HostPathVolumeSource,
  ISCSIPersistentVolumeSource,
  ISCSIVolumeSource,
  LocalVolumeSource,
  NFSVolumeSource,
  PhotonPersistentDiskVolumeSource,
  PortworxVolumeSource,
  QuobyteVolumeSource,
  RBDPersistentVolumeSource,
  RBDVolumeSource,
  ScaleIOPersistentVolumeSource,
  StorageOSPersistentVolumeSource,
  VsphereVirtualDiskVolumeSource,
} from "../types/volume-sources.js";
import { enumString, Int32Schema, lazyKubeObject, StringListSchema, StringMapSchema } from "./common.js";
import { LocalObjectReferenceSchema, ObjectReferenceSchema, SecretReferenceSchema } from "./meta.js";

const str = () => z.string().optional();
const bool = () => z.boolean().optional();

/** @example `HostPathVolumeSourceSchema.parse({ path: "/mnt/data" })` */
export const HostPathVolumeSourceSchema: z.ZodType<HostPathVolumeSource> = lazyKubeObject(() => ({
  path: z.string(),
  type: enumString<HostPathType>().nullish(),
}));

/** @example `GCEPersistentDiskVolumeSourceSchema.parse({ pdName: "disk-1" })` */
export const GCEPersistentDiskVolumeSourceSchema: z.ZodType<GCEPersistentDiskVolumeSource> = lazyKubeObject(() => ({
  pdName: z.string(),
  fsType: str(),
  partition: Int32Schema.optional(),
  readOnly: bool(),
}));

/** @example `AWSElasticBlockStoreVolumeSourceSchema.parse({ volumeID: "vol-0abc" })` */
export const AWSElasticBlockStoreVolumeSourceSchema: z.ZodType<AWSElasticBlockStoreVolumeSource> = lazyKubeObject(() => ({
  volumeID: z.string(),
  fsType: str(),
  partition: Int32Schema.optional(),
  readOnly: bool(),
}));

/** @example `GlusterfsPersistentVolumeSourceSchema.parse({ endpoints: "gfs", path: "vol1" })` */
export const GlusterfsPersistentVolumeSourceSchema: z.ZodType<GlusterfsPersistentVolumeSource> = lazyKubeObject(() => ({
  endpoints: z.string(),
  path: z.string(),
  readOnly: bool(),
  endpointsNamespace: z.string().nullish(),
}));

/** @example `NFSVolumeSourceSchema.parse({ server: "nfs.local", path: "/exports" })` */
export const NFSVolumeSourceSchema: z.ZodType<NFSVolumeSource> = lazyKubeObject(() => ({
  server: z.string(),
  path: z.string(),
  readOnly: bool(),
}));

/** @example `RBDPersistentVolumeSourceSchema.parse({ monitors: ["10.0.0.1:6789"], image: "foo" })` */
export const RBDPersistentVolumeSourceSchema: z.ZodType<RBDPersistentVolumeSource> = lazyKubeObject(() => ({
  monitors: StringListSchema,
  image: z.string(),
  fsType: str(),
  pool: str(),
  user: str(),
  keyring: str(),
  secretRef: SecretReferenceSchema.nullish(),
  readOnly: bool(),
}));

/** @example `QuobyteVolumeSourceSchema.parse({ registry: "reg:7861", volume: "v" })` */
export const QuobyteVolumeSourceSchema: z.ZodType<QuobyteVolumeSource> = lazyKubeObject(() => ({
  registry: z.string(),
  volume: z.string(),
  readOnly: bool(),
  user: str(),
  group: str(),
  tenant: str(),
}));

/** @example `CephFSPersistentVolumeSourceSchema.parse({ monitors: ["10.16.154.78:6789"] })` */
export const CephFSPersistentVolumeSourceSchema: z.ZodType<CephFSPersistentVolumeSource> = lazyKubeObject(() => ({
  monitors: StringListSchema,
  path: str(),
  user: str(),
  secretFile: str(),
  secretRef: SecretReferenceSchema.nullish(),
  readOnly: bool(),
}));

const iscsiShape = () => ({
  targetPortal: z.string(),
  iqn: z.string(),
  lun: Int32Schema,
  iscsiInterface: str(),
  fsType: str(),
  readOnly: bool(),
  portals: StringListSchema.optional(),
  chapAuthDiscovery: bool(),
  chapAuthSession: bool(),
  initiatorName: z.string().nullish(),
});

/** @example `ISCSIPersistentVolumeSourceSchema.parse({ targetPortal: "10.0.2.15:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0 })` */
export const ISCSIPersistentVolumeSourceSchema: z.ZodType<ISCSIPersistentVolumeSource> = lazyKubeObject(() => ({
  ...iscsiShape(),
  secretRef: SecretReferenceSchema.nullish(),
}));

/** @example `CinderPersistentVolumeSourceSchema.parse({ volumeID: "bd82f7e2" })` */
export const CinderPersistentVolumeSourceSchema: z.ZodType<CinderPersistentVolumeSource> = lazyKubeObject(() => ({
  volumeID: z.string(),
  fsType: str(),
  readOnly: bool(),
  secretRef: SecretReferenceSchema.nullish(),
}));

/** @example `FCVolumeSourceSchema.parse({ targetWWNs: ["500a0982991b8dc5"], lun: 2 })` */
export const FCVolumeSourceSchema: z.ZodType<FCVolumeSource> = lazyKubeObject(() => ({
  targetWWNs: StringListSchema.optional(),
  lun: Int32Schema.nullish(),
  fsType: str(),
  readOnly: bool(),
  wwids: StringListSchema.optional(),
}));

/** @example `FlexPersistentVolumeSourceSchema.parse({ driver: "example.com/lvm" })` */
export const FlexPersistentVolumeSourceSchema: z.ZodType<FlexPersistentVolumeSource> = lazyKubeObject(() => ({
  driver: z.string(),
  fsType: str(),
  secretRef: SecretReferenceSchema.nullish(),
  readOnly: bool(),
  options: StringMapSchema.optional(),
}));

/** @example `FlockerVolumeSourceSchema.parse({ datasetName: "ds" })` */
export const FlockerVolumeSourceSchema: z.ZodType<FlockerVolumeSource> = lazyKubeObject(() => ({
  datasetName: str(),
  datasetUUID: str(),
}));

/** @example `AzureFilePersistentVolumeSourceSchema.parse({ secretName: "s", shareName: "share" })` */
export const AzureFilePersistentVolumeSourceSchema: z.ZodType<AzureFilePersistentVolumeSource> = lazyKubeObject(() => ({
  secretName: z.string(),
  shareName: z.string(),
  readOnly: bool(),
  secretNamespace: z.string().nullish(),
}));

/** @example `VsphereVirtualDiskVolumeSourceSchema.parse({ volumePath: "[ds1] volumes/d" })` */
export const VsphereVirtualDiskVolumeSourceSchema: z.ZodType<VsphereVirtualDiskVolumeSource> = lazyKubeObject(() => ({
  volumePath: z.string(),
  fsType: str(),
  storagePolicyName: str(),
  storagePolicyID: str(),
}));

/** @example `PhotonPersistentDiskVolumeSourceSchema.parse({ pdID: "abc" })` */
export const PhotonPersistentDiskVolumeSourceSchema: z.ZodType<PhotonPersistentDiskVolumeSource> = lazyKubeObject(() => ({
  pdID: z.string(),
  fsType: str(),
}));

/** @example `PortworxVolumeSourceSchema.parse({ volumeID: "pxvol" })` */
export const PortworxVolumeSourceSchema: z.ZodType<PortworxVolumeSource> = lazyKubeObject(() => ({
  volumeID: z.string(),
  fsType: str(),
  readOnly: bool(),
}));

/** @example `AzureDiskVolumeSourceSchema.parse({ diskName: "d1", diskURI: "/subscriptions/x/disks/d1" })` */
export const AzureDiskVolumeSourceSchema: z.ZodType<AzureDiskVolumeSource> = lazyKubeObject(() => ({
  diskName: z.string(),
  diskURI: z.string(),
  cachingMode: z.string().nullish(),
  fsType: z.string().nullish(),
  readOnly: z.boolean().nullish(),
  kind: z.string().nullish(),
}));

/** @example `ScaleIOPersistentVolumeSourceSchema.parse({ gateway: "https://gw/api", system: "sys", volumeName: "v", secretRef: { name: "s" } })` */
export const ScaleIOPersistentVolumeSourceSchema: z.ZodType<ScaleIOPersistentVolumeSource> = lazyKubeObject(() => ({
  gateway: z.string(),
  system: z.string(),
  secretRef: SecretReferenceSchema.nullish(),
  sslEnabled: bool(),
  protectionDomain: str(),
  storagePool: str(),
  storageMode: str(),
  volumeName: str(),
  fsType: str(),
  readOnly: bool(),
}));

/** @example `LocalVolumeSourceSchema.parse({ path: "/mnt/disks/ssd1" })` */
export const LocalVolumeSourceSchema: z.ZodType<LocalVolumeSource> = lazyKubeObject(() => ({
  path: z.string(),
  fsType: z.string().nullish(),
}));

/** @example `StorageOSPersistentVolumeSourceSchema.parse({ volumeName: "redis-vol01" })` */
export const StorageOSPersistentVolumeSourceSchema: z.ZodType<StorageOSPersistentVolumeSource> = lazyKubeObject(() => ({
  volumeName: str(),
  volumeNamespace: str(),
  fsType: str(),
  readOnly: bool(),
  secretRef: ObjectReferenceSchema.nullish(),
}));

/** @example `CSIPersistentVolumeSourceSchema.parse({ driver: "ebs.csi.aws.com", volumeHandle: "vol-0abc" })` */
export const CSIPersistentVolumeSourceSchema: z.ZodType<CSIPersistentVolumeSource> = lazyKubeObject(() => ({
  driver: z.string(),
  volumeHandle: z.string(),
  readOnly: bool(),
  fsType: str(),
  volumeAttributes: StringMapSchema.optional(),
  controllerPublishSecretRef: SecretReferenceSchema.nullish(),
  nodeStageSecretRef: SecretReferenceSchema.nullish(),
  nodePublishSecretRef: SecretReferenceSchema.nullish(),
  controllerExpandSecretRef: SecretReferenceSchema.nullish(),
  nodeExpandSecretRef: SecretReferenceSchema.nullish(),
}));

/**
 * The 22 PV source fields, for spreading into the PV spec shape.
 *
 * @example
 * ```ts
 * const SpecSchema = kubeObject({ ...persistentVolumeSourceShape, capacity: ResourceListSchema.optional() });
 * ```
 */
export const persistentVolumeSourceShape = {
  hostPath: HostPathVolumeSourceSchema.nullish(),
  gcePersistentDisk: GCEPersistentDiskVolumeSourceSchema.nullish(),
  awsElasticBlockStore: AWSElasticBlockStoreVolumeSourceSchema.nullish(),
  glusterfs: GlusterfsPersistentVolumeSourceSchema.nullish(),
  flocker: FlockerVolumeSourceSchema.nullish(),
  nfs: NFSVolumeSourceSchema.nullish(),
  rbd: RBDPersistentVolumeSourceSchema.nullish(),
  quobyte: QuobyteVolumeSourceSchema.nullish(),
  cephfs: CephFSPersistentVolumeSourceSchema.nullish(),
  iscsi: ISCSIPersistentVolumeSourceSchema.nullish(),
  cinder: CinderPersistentVolumeSourceSchema.nullish(),
  fc: FCVolumeSourceSchema.nullish(),
  flexVolume: FlexPersistentVolumeSourceSchema.nullish(),
  azureFile: AzureFilePersistentVolumeSourceSchema.nullish(),
  vsphereVolume: VsphereVirtualDiskVolumeSourceSchema.nullish(),
  photonPersistentDisk: PhotonPersistentDiskVolumeSourceSchema.nullish(),
  portworxVolume: PortworxVolumeSourceSchema.nullish(),
  azureDisk: AzureDiskVolumeSourceSchema.nullish(),
  scaleIO: ScaleIOPersistentVolumeSourceSchema.nullish(),
  local: LocalVolumeSourceSchema.nullish(),
  storageos: StorageOSPersistentVolumeSourceSchema.nullish(),
  csi: CSIPersistentVolumeSourceSchema.nullish(),
};

/** @example `RBDVolumeSourceSchema.parse({ monitors: ["10.0.0.1:6789"], image: "foo", secretRef: { name: "s" } })` */
export const RBDVolumeSourceSchema: z.ZodType<RBDVolumeSource> = lazyKubeObject(() => ({
  monitors: StringListSchema,
  image: z.string(),
  fsType: str(),
  pool: str(),
  user: str(),
  keyring: str(),
  secretRef: LocalObjectReferenceSchema.nullish(),
  readOnly: bool(),
}));

/** @example `ISCSIVolumeSourceSchema.parse({ targetPortal: "10.0.2.15:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0 })` */
export const ISCSIVolumeSourceSchema: z.ZodType<ISCSIVolumeSource> = lazyKubeObject(() => ({
  ...iscsiShape(),
  secretRef: LocalObjectReferenceSchema.nullish(),
}));

/** @example `CinderVolumeSourceSchema.parse({ volumeID: "bd82f7e2" })` */
export const CinderVolumeSourceSchema: z.ZodType<CinderVolumeSource> = lazyKubeObject(() => ({
  volumeID: z.string(),
  fsType: str(),
  readOnly: bool(),
  secretRef: LocalObjectReferenceSchema.nullish(),
}));

/** @example `CSIVolumeSourceSchema.parse({ driver: "secrets-store.csi.k8s.io", readOnly: true })` */
export const CSIVolumeSourceSchema: z.ZodType<CSIVolumeSource> = lazyKubeObject(() => ({
  driver: z.string(),
  readOnly: z.boolean().nullish(),
  fsType: z.string().nullish(),
  volumeAttributes: StringMapSchema.optional(),
  nodePublishSecretRef: LocalObjectReferenceSchema.nullish(),
}));
