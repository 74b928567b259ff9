import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeRecordBatch, encodeRecordBatch, type RecordBatchInput, splitBatches } from "@runnel/log";
import { afterEach } from "vitest";

/** A fresh temporary directory per call, removed after each test. */
const dirs: string[] = [];
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "runnel-log-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A manual clock. */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  const clock = () => now;
  clock.set = (t: number) => {
    now = t;
  };
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

const enc = new TextEncoder();

/** A batch of `count` records with values `${label}-${i}`, optional keys and timestamps. */
export function batch(
  count: number,
  options: Partial<RecordBatchInput> & {
    label?: string;
    keys?: (string | null)[];
    values?: (string | null)[];
    timestamp?: bigint;
  } = {},
): Uint8Array {
  const { label = "v", keys, values, timestamp = 1_700_000_000_000n, ...rest } = options;
  return encodeRecordBatch({
    baseTimestamp: timestamp,
    ...rest,
    records: Array.from({ length: count }, (_, i) => {
      const key = keys?.[i];
      const value = values === undefined ? `${label}-${i}` : values[i];
      return {
        key: key === undefined || key === null ? null : enc.encode(key),
        value: value === null || value === undefined ? null : enc.encode(value),
        timestampDelta: BigInt(i),
      };
    }),
  });
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Decodes a read result into (offset, key, value) triples. */
export function records(bytes: Uint8Array): { offset: bigint; key: string | null; value: string | null }[] {
  const dec = new TextDecoder();
  const out: { offset: bigint; key: string | null; value: string | null }[] = [];
  for (const slice of splitBatches(bytes)) {
    if (slice.kind !== "batch") throw new Error(`not a whole batch: ${slice.kind}`);
    const d = decodeRecordBatch(slice.bytes);
    if (!d.ok) throw new Error(d.error.message);
    for (const r of d.value.records) {
      out.push({
        offset: d.value.baseOffset + BigInt(r.offsetDelta),
        key: r.key === null ? null : dec.decode(r.key),
        value: r.value === null ? null : dec.decode(r.value),
      });
    }
  }
  return out;
}

/** Batch base offsets in a read result. */
export function baseOffsets(bytes: Uint8Array): bigint[] {
  const out: bigint[] = [];
  for (const slice of splitBatches(bytes)) {
    if (slice.kind !== "batch") throw new Error(`not a whole batch: ${slice.kind}`);
    out.push(new DataView(slice.bytes.buffer, slice.bytes.byteOffset).getBigInt64(0));
  }
  return out;
}

import type { LogDisk, LogFile } from "@runnel/log";

/**
 * Wraps a disk so that the `failAt`-th mutating operation (write, truncate,
 * sync, rename, remove, create) and everything after it throws EIO: a process
 * that dies at that point. Reopen the log on the inner disk to recover.
 */
export function crashingDisk(
  inner: LogDisk,
  failAt = Number.POSITIVE_INFINITY,
): LogDisk & { ops: () => number; crashed: () => boolean; failAfter: (n: number) => void } {
  let ops = 0;
  let crashed = false;
  const step = () => {
    if (crashed || ++ops >= failAt) {
      crashed = true;
      throw Object.assign(new Error("simulated crash"), { code: "EIO" });
    }
  };
  const wrapFile = (f: LogFile): LogFile => ({
    read: (t, o, l, p) => (crashed ? Promise.reject(new Error("crashed")) : f.read(t, o, l, p)),
    write: async (d, p) => {
      step();
      await f.write(d, p);
    },
    truncate: async (s) => {
      step();
      await f.truncate(s);
    },
    size: () => f.size(),
    sync: async () => {
      step();
      await f.sync();
    },
    close: () => f.close(),
  });
  return {
    open: async (p, o) => {
      if (o.create) step();
      return wrapFile(await inner.open(p, o));
    },
    list: (d) => inner.list(d),
    rename: async (a, b) => {
      step();
      await inner.rename(a, b);
    },
    remove: async (p) => {
      step();
      await inner.remove(p);
    },
    mkdir: (d) => inner.mkdir(d),
    syncDir: async (d) => {
      step();
      await inner.syncDir(d);
    },
    ops: () => ops,
    crashed: () => crashed,
    failAfter: (n) => {
      failAt = ops + n;
    },
  };
}
