/**
 * A slow disk for one process: the LD_PRELOAD shim in slow-disk.c delays
 * writes and syncs of regular files by the milliseconds a control file
 * holds. `buildSlowDiskShim()` compiles it with gcc on first use into a cache
 * folder under the system temp dir (keyed by the source's hash, so an edit
 * rebuilds it); `SlowDisk` owns one control file: start the process with
 * `env()` in its environment, then `set(ms)` and `set(0)` while it runs. The
 * shim re-reads the file at most every 100 ms, so a change takes effect
 * within that.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../harness/process.js";

const run = promisify(execFile);

const SOURCE = join(repoRoot, "e2e/chaos/faults/slow-disk.c");
/** The environment variable naming the control file (read by slow-disk.c). */
export const SLOW_DISK_CONTROL_ENV = "RUNNEL_SLOW_DISK_CONTROL";

let built: Promise<string> | null = null;

/** The path of the compiled shim, building it when the cache does not hold this source's build. */
export function buildSlowDiskShim(): Promise<string> {
  built ??= build().catch((e: unknown) => {
    built = null;
    throw e;
  });
  return built;
}

async function build(): Promise<string> {
  const source = readFileSync(SOURCE);
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), "runnel-chaos-tools");
  const lib = join(dir, `slow-disk-${hash}.so`);
  if (existsSync(lib)) return lib;
  mkdirSync(dir, { recursive: true });
  // Built beside its final name and renamed, so that a concurrent build never exposes half a file.
  const partial = `${lib}.${process.pid}.tmp`;
  try {
    await run("gcc", ["-O2", "-Wall", "-shared", "-fPIC", "-o", partial, SOURCE, "-ldl"]);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    rmSync(partial, { force: true });
    throw new Error(`cannot build the slow-disk shim with gcc: ${(err.stderr ?? "").trim() || err.message}`);
  }
  renameSync(partial, lib);
  return lib;
}

export class SlowDisk {
  private delayMs = 0;

  private constructor(
    readonly shim: string,
    /** The control file the shim reads. */
    readonly controlFile: string,
  ) {}

  /** A slow disk (off) whose control file is `controlFile`; builds the shim if needed. */
  static async create(controlFile: string): Promise<SlowDisk> {
    const disk = new SlowDisk(await buildSlowDiskShim(), controlFile);
    disk.set(0);
    return disk;
  }

  /**
   * The environment a process needs to have this slow disk: the shim
   * preloaded, the control file named, and libuv's io_uring file I/O (which
   * would bypass libc) off.
   */
  env(): Record<string, string> {
    return { LD_PRELOAD: this.shim, [SLOW_DISK_CONTROL_ENV]: this.controlFile, UV_USE_IO_URING: "0" };
  }

  /** The delay now asked for, in ms. */
  get delay(): number {
    return this.delayMs;
  }

  /** Delays every write and sync of a regular file by `ms` from (at most 100 ms after) now; 0 turns it off. */
  set(ms: number): void {
    if (!Number.isInteger(ms) || ms < 0) throw new Error(`a disk delay is a whole number of ms, not ${ms}`);
    const partial = `${this.controlFile}.tmp`;
    writeFileSync(partial, `${ms}\n`);
    renameSync(partial, this.controlFile);
    this.delayMs = ms;
  }
}
