import { pool } from "../src/testing/index.js";
import { VolumeIndex } from "../src/matching/index.js";
import { parseQuantity } from "../src/quantity/index.js";
const N = 1_000_000;
const vols = pool(N, 42);
for (let r = 0; r < Number(process.env.R ?? 3); r++) {
  let c0 = process.cpuUsage();
  let t = performance.now();
  const keys = new Float64Array(N);
  for (let i = 0; i < N; i++) keys[i] = parseQuantity(vols[i]!.spec!.capacity!.storage as string).toNumber();
  keys.sort();
  const base = performance.now() - t;
  const baseCpu = process.cpuUsage(c0);
  (globalThis as { gc?: () => void }).gc?.();
  c0 = process.cpuUsage();
  t = performance.now();
  const index = new VolumeIndex(vols);
  const b = performance.now() - t;
  const bCpu = process.cpuUsage(c0);
  const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  console.log("cpu: baseline", cpu(baseCpu).toFixed(0), "build", cpu(bCpu).toFixed(0), "ratio", (cpu(bCpu) / cpu(baseCpu)).toFixed(2));
  console.log("baseline", base.toFixed(0), "build", b.toFixed(0), "ratio", (b / base).toFixed(2), index.size);
}
