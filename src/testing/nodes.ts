/**
 * `nodes(k, seed)`: seeded Nodes that match the local volumes of a generated pool.
 *
 * @module
 */
import { Prng, mixSeed } from "./prng.js";
import { HOSTNAME_LABEL, ZONES, nodeName } from "./workload.js";

/**
 * A generated node: the Kubernetes `Node` shape with only `metadata` filled in (all matching and
 * scheduling checks read is the name and the labels).
 *
 * @example
 * ```ts
 * const n: GeneratedNode = nodes(1, 1)[0]!;
 * n.metadata.labels["kubernetes.io/hostname"]; // "node-0000"
 * ```
 */
export interface GeneratedNode {
  apiVersion: "v1";
  kind: "Node";
  metadata: { name: string; labels: Record<string, string> };
}

const INSTANCE_TYPES = ["m5.large", "m5.xlarge", "i3.2xlarge", "c5.4xlarge"] as const;

/**
 * Node `i` on its own: named `nodeName(i)` (`node-0042`, the hostname local volumes of a pool are
 * pinned to), labelled `kubernetes.io/hostname`, `kubernetes.io/os: linux`,
 * `topology.kubernetes.io/zone` and `zone` (`zone-a|b|c`, by `i % 3`) and a seeded
 * `node.kubernetes.io/instance-type`.
 *
 * @example
 * ```ts
 * nodeAt(4, 1).metadata.labels.zone; // "zone-b"
 * ```
 */
export function nodeAt(i: number, seed: number): GeneratedNode {
  const rng = new Prng(mixSeed(seed ^ 0x27d4eb2f, i));
  const name = nodeName(i);
  const zone = ZONES[i % ZONES.length]!;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        [HOSTNAME_LABEL]: name,
        "kubernetes.io/os": "linux",
        "topology.kubernetes.io/zone": zone,
        zone,
        "node.kubernetes.io/instance-type": rng.pick(INSTANCE_TYPES),
      },
    },
  };
}

/**
 * `k` nodes (`node-0000` …), deterministic for a seed. With the default pool options, `nodes(1000,
 * s)` covers every node a pool's local volumes are pinned to.
 *
 * @example
 * ```ts
 * import { nodes } from "kubevol/testing";
 * const cluster = nodes(1000, 1);
 * index.findMatchingVolume(claim, { node: cluster[42], delayBinding: true });
 * ```
 */
export function nodes(k: number, seed: number): GeneratedNode[] {
  const out = new Array<GeneratedNode>(k);
  for (let i = 0; i < k; i++) out[i] = nodeAt(i, seed);
  return out;
}
