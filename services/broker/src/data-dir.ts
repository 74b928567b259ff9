/**
 * The broker's hold on its data directory: one process at a time, and each
 * one remembers which process ran there before it.
 *
 * - The lock file `broker.lock` holds the pid of the process that owns the
 *   directory. It appears atomically (a hard link to a complete file), so a
 *   reader never sees it half-written. A lock whose process is alive refuses
 *   the start with `DataDirLockedError`; a lock left by a dead process (kill -9,
 *   power loss) is taken over. Taking over runs under a second, short-lived
 *   guard file, so that of two processes starting at once on a stale lock only
 *   one gets the directory.
 * - `incarnation.id` names the incarnation (the random id a broker process
 *   registers with) that last ran here. Opening the directory reads it, then
 *   replaces it (the log's atomic write: temporary file, fsync, rename, fsync
 *   of the directory) with
 *   this process's id before the broker registers. Because the directory is
 *   held exclusively, the incarnation read is dead: the controller replaces its
 *   registration at once instead of waiting for its lease to lapse (KIP-966).
 *
 * A pid is alive when `process.kill(pid, 0)` succeeds or is refused for lack
 * of permission. A lock naming this process's own pid was left by a dead
 * predecessor that had the same pid (a container's pid 1, say). A reused pid
 * makes a stale lock look alive: the start is refused, never shared, and the
 * error names the lock file to remove. The lock cannot tell processes in other
 * pid namespaces (two containers mounting one volume) apart.
 */
import { link, mkdir, open, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { nodeDisk, readWholeFile, writeFileAtomically } from "@runnel/log";
import type { Logger } from "@runnel/runtime";

export const LOCK_FILE = "broker.lock";
export const INCARNATION_FILE = "incarnation.id";
/** Incarnation ids are 16 bytes (32 hex digits in the file), as the controller requires. */
export const INCARNATION_ID_BYTES = 16;
/** Rounds of "create the lock, else judge the holder" before giving up on a lock that keeps changing. */
const LOCK_ATTEMPTS_MAX = 50;
/** How long to wait while another process takes over a stale lock. */
const TAKEOVER_WAIT_MS = 20;
/** Longest lock or incarnation file read; anything longer is not ours. */
const SMALL_FILE_BYTES_MAX = 256;

/** The data directory is held by another live process. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dir} is in use by process ${holderPid} (see ${join(dir, LOCK_FILE)}). ` +
        "Stop that broker first; if no broker runs there, remove the lock file.",
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirOptions {
  /** This process's id, written into the lock file. */
  readonly pid?: number;
  /** Whether a process is alive; `process.kill(pid, 0)` unless given. */
  readonly isAlive?: (pid: number) => boolean;
  /** Told when an incarnation file is there but unreadable (then none is known). */
  readonly logger?: Logger;
}

export interface DataDir {
  readonly dir: string;
  /** The incarnation id that ran on this directory before this process, if one was recorded. */
  readonly previousIncarnationId: Uint8Array | undefined;
  /** Removes the lock (the incarnation file stays: it is the next process's proof). Idempotent. */
  release(): Promise<void>;
}

/**
 * `pid:dir` of the directories held here, so that opening one twice with the same pid is
 * refused like any other holder (the file alone would call our own pid a dead predecessor).
 */
const held = new Set<string>();

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the data directory (creating it if needed), reads the previous
 * incarnation id and records `incarnationId` as the current one.
 */
export async function openDataDir(
  dirPath: string,
  incarnationId: Uint8Array,
  options: DataDirOptions = {},
): Promise<DataDir> {
  if (incarnationId.length !== INCARNATION_ID_BYTES)
    throw new Error(`An incarnation id has ${INCARNATION_ID_BYTES} bytes, not ${incarnationId.length}.`);
  const dir = resolve(dirPath);
  const pid = options.pid ?? process.pid;
  const key = `${pid}:${dir}`;
  if (held.has(key)) throw new DataDirLockedError(dir, pid);
  held.add(key);
  try {
    await mkdir(dir, { recursive: true });
    await acquireLock(dir, pid, options.isAlive ?? processAlive);
  } catch (e) {
    held.delete(key);
    throw e;
  }
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    const lock = join(dir, LOCK_FILE);
    // Only our own lock: removing another's would hand the directory to a third process.
    if ((await readSmallFile(lock)) === lockContent(pid)) await rm(lock, { force: true });
    held.delete(key);
  };
  try {
    const previousIncarnationId = await readIncarnation(dir, options.logger);
    const line = `${Buffer.from(incarnationId).toString("hex")}\n`;
    await writeFileAtomically(nodeDisk, dir, INCARNATION_FILE, Buffer.from(line));
    return { dir, previousIncarnationId, release };
  } catch (e) {
    await release();
    throw e;
  }
}

function lockContent(pid: number): string {
  return `${pid}\n`;
}

/** The pid a lock or guard file names; undefined when it names none. */
function parsePid(content: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}\n$/.test(content)) return undefined;
  return Number(content.trim());
}

async function acquireLock(dir: string, pid: number, isAlive: (pid: number) => boolean): Promise<void> {
  const lock = join(dir, LOCK_FILE);
  // The lock and the takeover guard appear as links to this complete file, never half-written.
  const mine = join(dir, `${LOCK_FILE}.${pid}.tmp`);
  await writeFileFully(mine, lockContent(pid));
  try {
    for (let attempt = 0; attempt < LOCK_ATTEMPTS_MAX; attempt++) {
      if (await linkIfAbsent(mine, lock)) return;
      const content = await readSmallFile(lock);
      if (content === undefined) continue; // released meanwhile: try again
      const holder = parsePid(content);
      // A lock naming no process, or our own pid (we do not hold it yet), is stale.
      if (holder !== undefined && holder !== pid && isAlive(holder))
        throw new DataDirLockedError(dir, holder);
      await takeOver(dir, lock, content, mine, pid, isAlive);
    }
    throw new Error(`could not lock the data directory ${dir}: its lock file kept changing`);
  } finally {
    await rm(mine, { force: true });
  }
}

/**
 * Removes the stale lock if it still holds `stale`, under the guard file, so
 * that no two processes both judge one lock stale and each remove the other's
 * fresh lock. A guard left by a process that died while taking over is
 * removed; that removal is the one step two starters could still race on, and
 * only after a taker died within its few milliseconds of holding the guard.
 */
async function takeOver(
  dir: string,
  lock: string,
  stale: string,
  mine: string,
  pid: number,
  isAlive: (pid: number) => boolean,
): Promise<void> {
  const guard = join(dir, `${LOCK_FILE}.takeover`);
  if (!(await linkIfAbsent(mine, guard))) {
    const content = await readSmallFile(guard);
    if (content === undefined) return;
    const taker = parsePid(content);
    if (taker === undefined || taker === pid || !isAlive(taker)) {
      if ((await readSmallFile(guard)) === content) await rm(guard, { force: true });
    } else {
      await new Promise((r) => setTimeout(r, TAKEOVER_WAIT_MS));
    }
    return;
  }
  try {
    if ((await readSmallFile(lock)) === stale) await rm(lock, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** Links `target` to `from` unless `target` exists; whether it did. */
async function linkIfAbsent(from: string, target: string): Promise<boolean> {
  try {
    await link(from, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** A small file's text (at most one byte past SMALL_FILE_BYTES_MAX), or undefined when it does not exist. */
async function readSmallFile(path: string): Promise<string | undefined> {
  const bytes = await readWholeFile(nodeDisk, path, SMALL_FILE_BYTES_MAX);
  return bytes === null ? undefined : Buffer.from(bytes).toString("utf8");
}

async function readIncarnation(dir: string, logger: Logger | undefined): Promise<Uint8Array | undefined> {
  const path = join(dir, INCARNATION_FILE);
  const content = await readSmallFile(path);
  if (content === undefined) return undefined;
  if (/^[0-9a-f]{32}\n$/.test(content)) return Uint8Array.from(Buffer.from(content.slice(0, 32), "hex"));
  // Written atomically, so this is damage or a hand edit. Going on without it is safe: the
  // controller then waits for the old registration's lease, as for a broker with no memory.
  logger?.warn({ path }, "the previous incarnation id is unreadable; registering without it");
  return undefined;
}

async function writeFileFully(path: string, content: string): Promise<void> {
  const file = await open(path, "w");
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
}
