import { pool } from "../src/testing/index.js";
import { NameTable } from "../src/matching/volume-index/name-table.js";
import { sortByUint32 } from "../src/matching/volume-index/radix-sort.js";
const N = 1_000_000;
const vols = pool(N, 42);
const names = vols.map((v) => v.metadata!.name!);
for (let r = 0; r < 2; r++) {
  let t = performance.now();
  const a = new NameTable((s) => names[s]!, N);
  for (let i = 0; i < N; i++) a.set(i);
  const seq = performance.now() - t;
  t = performance.now();
  const b = new NameTable((s) => names[s]!, N);
  const slots = new Int32Array(N);
  for (let i = 0; i < N; i++) slots[i] = i;
  b.bulkSet(slots);
  const bulk = performance.now() - t;
  t = performance.now();
  const keys = new Uint32Array(N);
  for (let i = 0; i < N; i++) keys[i] = (Math.random() * 2 ** 21) >>> 0;
  const t2 = performance.now();
  sortByUint32(slots, keys, 2);
  const srt = performance.now() - t2;
  console.log("seq", seq.toFixed(0), "bulk", bulk.toFixed(0), "radix 1M", srt.toFixed(0));
}
{
  const holey = new Array<string>(N).fill("");
  for (let i = 0; i < N; i++) holey[i] = names[i]!;
  const slots = new Int32Array(N);
  for (let i = 0; i < N; i++) slots[i] = i;
  for (let r = 0; r < 2; r++) {
    const t = performance.now();
    const b = new NameTable((s) => holey[s]!, N);
    b.bulkSet(slots);
    console.log("bulk over holey", (performance.now() - t).toFixed(0));
  }
}
