/**
 * Process faults on a ManagedProcess: kill -9 and a restart on the same data,
 * and a pause (SIGSTOP) until a resume (SIGCONT). A paused process keeps its
 * sockets open but answers nothing, like a process stuck in a long GC pause
 * or a VM that is not scheduled; a killed one loses everything not on disk.
 */
import type { LogLine, ManagedProcess } from "../../harness/process.js";

/** Kills the process with SIGKILL and waits for it to be gone. */
export async function kill9(p: ManagedProcess): Promise<void> {
  await p.kill();
}

/**
 * Starts a stopped process again with its spec (same data directory,
 * namespace and environment) and waits until it logs a line `ready` accepts.
 */
export async function restart(
  p: ManagedProcess,
  ready: (line: LogLine) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  if (p.running) throw new Error(`${p.spec.name} is still running; kill it first`);
  p.start();
  // The waiter is in place before the first line can arrive: output is read on a later tick.
  await p.waitForLine(ready, timeoutMs);
}

/** Stops the process where it is (SIGSTOP); it keeps its state and its connections. */
export async function pause(p: ManagedProcess): Promise<void> {
  if (!p.running) throw new Error(`${p.spec.name} is not running`);
  await p.signal("SIGSTOP");
}

/** Lets a paused process run on (SIGCONT). */
export async function resume(p: ManagedProcess): Promise<void> {
  await p.signal("SIGCONT");
}
