import { pool } from "../src/testing/index.js";
import { VolumeFacts } from "../src/matching/decoded-volume.js";
import { CapacityTexts } from "../src/matching/capacity-texts.js";
import { NameTable } from "../src/matching/volume-index/name-table.js";
const N = 1_000_000;
const vols = pool(N, 42);
for (let r = 0; r < 3; r++) {
  const texts = new CapacityTexts();
  const f = new VolumeFacts();
  let t = performance.now();
  let x = 0;
  for (let i = 0; i < N; i++) x += f.read(vols[i]!, texts).capKey;
  const read = performance.now() - t;
  const names: string[] = new Array(N);
  t = performance.now();
  const nt = new NameTable((s) => names[s]!, N);
  for (let i = 0; i < N; i++) {
    names[i] = vols[i]!.metadata!.name!;
    nt.set(i);
  }
  const nm = performance.now() - t;
  t = performance.now();
  const keys = new Float64Array(N);
  for (let i = 0; i < N; i++) keys[i] = Math.random();
  const idx = Int32Array.from({ length: N }, (_, i) => i);
  idx.sort((a, b) => keys[a]! - keys[b]!);
  const srt = performance.now() - t;
  console.log("read", read.toFixed(0), "names", nm.toFixed(0), "sort", srt.toFixed(0), x > 0);
}
