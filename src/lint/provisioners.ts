/**
 * Well-known dynamic provisioners whose volumes attach to one node at a time (block disks and
 * node-local storage). A `ReadWriteMany` *filesystem* claim in their classes fails to provision
 * (or, in-tree, provisions a volume the second node cannot mount). Block-mode claims are left
 * alone: several of these drivers share raw block devices (EBS io2 multi-attach, Azure shared
 * disks, Ceph RBD).
 *
 * @module
 */

/**
 * What kind of storage a provisioner makes.
 *
 * @example
 * ```ts
 * const ebs: ProvisionerInfo | undefined = singleNodeProvisioner("ebs.csi.aws.com"); // { kind: "block", ... }
 * ```
 */
export interface ProvisionerInfo {
  /** The `StorageClass.provisioner` value. */
  readonly provisioner: string;
  /** A human name for messages. */
  readonly product: string;
  /** `block`: network disks attached to one node; `node-local`: storage on the node itself. */
  readonly kind: "block" | "node-local";
}

function p(provisioner: string, product: string, kind: ProvisionerInfo["kind"]): ProvisionerInfo {
  return Object.freeze({ provisioner, product, kind });
}

/**
 * The provisioners whose filesystem volumes are single-node (`ReadWriteOnce`, `ReadWriteOncePod`,
 * and for some `ReadOnlyMany`), in-tree names and their CSI drivers.
 *
 * @example
 * ```ts
 * SINGLE_NODE_PROVISIONERS.find((x) => x.provisioner === "ebs.csi.aws.com")?.product; // "Amazon EBS"
 * ```
 */
export const SINGLE_NODE_PROVISIONERS: readonly ProvisionerInfo[] = Object.freeze([
  p("kubernetes.io/aws-ebs", "Amazon EBS", "block"),
  p("ebs.csi.aws.com", "Amazon EBS", "block"),
  p("kubernetes.io/gce-pd", "GCE Persistent Disk", "block"),
  p("pd.csi.storage.gke.io", "GCE Persistent Disk", "block"),
  p("kubernetes.io/azure-disk", "Azure Disk", "block"),
  p("disk.csi.azure.com", "Azure Disk", "block"),
  p("kubernetes.io/cinder", "OpenStack Cinder", "block"),
  p("cinder.csi.openstack.org", "OpenStack Cinder", "block"),
  p("kubernetes.io/rbd", "Ceph RBD", "block"),
  p("rbd.csi.ceph.com", "Ceph RBD", "block"),
  p("dobs.csi.digitalocean.com", "DigitalOcean Block Storage", "block"),
  p("csi.hetzner.cloud", "Hetzner Cloud Volumes", "block"),
  p("linodebs.csi.linode.com", "Linode Block Storage", "block"),
  p("rancher.io/local-path", "local-path-provisioner", "node-local"),
  p("openebs.io/local", "OpenEBS Local PV", "node-local"),
  p("topolvm.io", "TopoLVM", "node-local"),
]);

const BY_NAME = new Map(SINGLE_NODE_PROVISIONERS.map((x) => [x.provisioner, x]));

/**
 * Look up a provisioner in {@link SINGLE_NODE_PROVISIONERS}.
 *
 * @example
 * ```ts
 * singleNodeProvisioner("disk.csi.azure.com")?.kind; // "block"
 * singleNodeProvisioner("efs.csi.aws.com");          // undefined (EFS is shared)
 * ```
 */
export function singleNodeProvisioner(provisioner: string | undefined): ProvisionerInfo | undefined {
  return provisioner === undefined ? undefined : BY_NAME.get(provisioner);
}
