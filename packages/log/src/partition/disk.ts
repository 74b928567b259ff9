/**
 * The narrow file-system surface the partition log runs on, and its two
 * engines: the real disk (`nodeDisk`) and an in-memory one (`memoryDisk`) for
 * tests and simulation. Everything the log persists goes through here, so a
 * test can wrap an engine to fail or "crash" at any chosen operation.
 */
import { type FileHandle, mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname } from "node:path";

/** One open file. Positions are byte offsets from its start. */
export interface LogFile {
  /** Reads up to `length` bytes at `position` into `target[targetOffset..]`; fewer only at the end of the file. */
  read(target: Uint8Array, targetOffset: number, length: number, position: number): Promise<number>;
  /** Writes all of `data` at `position`, growing the file if needed. */
  write(data: Uint8Array, position: number): Promise<void>;
  truncate(size: number): Promise<void>;
  size(): Promise<number>;
  /** Makes everything written so far durable (fsync). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface LogDisk {
  /**
   * Opens a file for reading and writing. A missing file is created empty when
   * `create`, else the call rejects with an error whose `code` is "ENOENT".
   */
  open(path: string, options: { readonly create: boolean }): Promise<LogFile>;
  /** The names (not paths) of the files in `dir`; [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Atomically renames `from` to `to`, replacing `to` if it exists. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Creates `dir` and its parents if missing. */
  mkdir(dir: string): Promise<void>;
  /** Makes creations, renames and deletions in `dir` durable. */
  syncDir(dir: string): Promise<void>;
}

export function isMissingFileError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}

// --- the real disk -------------------------------------------------------------

class NodeFile implements LogFile {
  constructor(private readonly handle: FileHandle) {}

  async read(target: Uint8Array, targetOffset: number, length: number, position: number): Promise<number> {
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(
        target,
        targetOffset + done,
        length - done,
        position + done,
      );
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  }

  async write(data: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < data.byteLength) {
      const { bytesWritten } = await this.handle.write(data, done, data.byteLength - done, position + done);
      done += bytesWritten;
    }
  }

  truncate(size: number): Promise<void> {
    return this.handle.truncate(size);
  }

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  sync(): Promise<void> {
    return this.handle.sync();
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The real file system through `node:fs/promises`. */
export const nodeDisk: LogDisk = {
  async open(path, options) {
    // "r+" never creates; "a+" would force appends to the end, so create first with "a".
    if (options.create) await (await open(path, "a")).close();
    return new NodeFile(await open(path, "r+"));
  },
  async list(dir) {
    try {
      return await readdir(dir);
    } catch (error) {
      if (isMissingFileError(error)) return [];
      throw error;
    }
  },
  rename(from, to) {
    return rename(from, to);
  },
  remove(path) {
    return rm(path, { force: true });
  },
  async mkdir(dir) {
    await mkdir(dir, { recursive: true });
  },
  async syncDir(dir) {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

// --- in memory -----------------------------------------------------------------

/** A file's bytes; shared by every handle, and kept by open handles after the name is removed (as an inode). */
class MemoryInode {
  bytes = new Uint8Array(0);
  length = 0;

  ensure(capacity: number): void {
    if (capacity <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(capacity, this.bytes.length * 2, 256));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

class MemoryFile implements LogFile {
  private closed = false;

  constructor(private readonly inode: MemoryInode) {}

  private check(): void {
    if (this.closed) throw Object.assign(new Error("file is closed"), { code: "EBADF" });
  }

  async read(target: Uint8Array, targetOffset: number, length: number, position: number): Promise<number> {
    this.check();
    const n = Math.max(0, Math.min(length, this.inode.length - position));
    target.set(this.inode.bytes.subarray(position, position + n), targetOffset);
    return n;
  }

  async write(data: Uint8Array, position: number): Promise<void> {
    this.check();
    const end = position + data.byteLength;
    this.inode.ensure(end);
    if (position > this.inode.length) this.inode.bytes.fill(0, this.inode.length, position);
    this.inode.bytes.set(data, position);
    this.inode.length = Math.max(this.inode.length, end);
  }

  async truncate(size: number): Promise<void> {
    this.check();
    this.inode.ensure(size);
    if (size > this.inode.length) this.inode.bytes.fill(0, this.inode.length, size);
    this.inode.length = size;
  }

  async size(): Promise<number> {
    this.check();
    return this.inode.length;
  }

  async sync(): Promise<void> {
    this.check();
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** An in-memory disk: every write is immediately "durable"; also lets tests read and write raw files. */
export interface MemoryDisk extends LogDisk {
  /** A copy of a file's bytes, or null when missing. */
  readRaw(path: string): Uint8Array | null;
  /** Replaces a file's bytes (creating it). */
  writeRaw(path: string, bytes: Uint8Array): void;
}

export function memoryDisk(): MemoryDisk {
  const files = new Map<string, MemoryInode>();
  const missing = (path: string) =>
    Object.assign(new Error(`no such file: ${path}`), { code: "ENOENT" as const });
  return {
    async open(path, options) {
      let inode = files.get(path);
      if (inode === undefined) {
        if (!options.create) throw missing(path);
        inode = new MemoryInode();
        files.set(path, inode);
      }
      return new MemoryFile(inode);
    },
    async list(dir) {
      const names: string[] = [];
      for (const path of files.keys()) if (dirname(path) === dir) names.push(basename(path));
      return names.sort();
    },
    async rename(from, to) {
      const inode = files.get(from);
      if (inode === undefined) throw missing(from);
      files.delete(from);
      files.set(to, inode);
    },
    async remove(path) {
      files.delete(path);
    },
    async mkdir() {},
    async syncDir() {},
    readRaw(path) {
      const inode = files.get(path);
      return inode === undefined ? null : inode.bytes.slice(0, inode.length);
    },
    writeRaw(path, bytes) {
      const inode = new MemoryInode();
      inode.ensure(bytes.length);
      inode.bytes.set(bytes);
      inode.length = bytes.length;
      files.set(path, inode);
    },
  };
}
