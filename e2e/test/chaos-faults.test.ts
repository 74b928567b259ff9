/**
 * The fault primitives of the chaos suite (e2e/chaos/faults/) really do what
 * they say, on real processes: kill -9 drops a process's connections and a
 * restart answers again; a SIGSTOPped process answers nothing until SIGCONT;
 * a partitioned network namespace gets no TCP through (from the root
 * namespace or a peer namespace, on an open connection or a new one) until it
 * is healed, and the open connection carries on after; namespaces of a
 * killed run, and the processes left in them, are removed by the next; the slow-disk shim slows writes and
 * fsyncs of regular files (not pipes), switched on and off while the process
 * runs. Margins are wide: these check that each fault exists, not how fast
 * anything is.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ChaosNetwork, removeStaleNetworks } from "../chaos/faults/network.js";
import { kill9, pause, restart, resume } from "../chaos/faults/process.js";
import { SlowDisk } from "../chaos/faults/slow-disk.js";
import { freePort, ManagedProcess, repoRoot } from "../harness/process.js";

const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), "runnel-chaos-faults-"));
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function echoServer(name: string, host: string, port: number, wrap?: readonly string[]): ManagedProcess {
  const p = new ManagedProcess({
    name,
    entry: "e2e/chaos/faults/echo-server.ts",
    args: [host, String(port)],
    logDir: join(dir, "logs"),
    ...(wrap !== undefined ? { wrap } : {}),
  });
  cleanups.push(() => p.close());
  return p;
}

async function startEcho(p: ManagedProcess): Promise<number> {
  p.start();
  const line = await p.waitForLine((l) => l.msg === "listening", 30_000);
  return Number(line.port);
}

/** A client connection that collects what comes back. */
class EchoClient {
  readonly socket = new Socket();
  received = "";
  closed = false;

  static connect(host: string, port: number, timeoutMs = 5_000): Promise<EchoClient> {
    const c = new EchoClient();
    cleanups.push(() => void c.socket.destroy());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no connection to ${host}:${port}`)), timeoutMs);
      c.socket.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      c.socket.connect(port, host, () => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  }

  private constructor() {
    this.socket.on("data", (b: Buffer) => {
      this.received += b.toString();
    });
    this.socket.on("close", () => {
      this.closed = true;
    });
    this.socket.on("error", () => {});
  }

  /** Whether `text` is echoed within `ms`. */
  async echoes(text: string, ms: number): Promise<boolean> {
    this.received = "";
    this.socket.write(text);
    return this.receivedWithin(text, ms);
  }

  async receivedWithin(text: string, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (this.received.includes(text)) return true;
      await sleep(20);
    }
    return this.received.includes(text);
  }
}

describe("process faults", () => {
  it("kill -9 drops the process's connections; a restart on the same spec answers again", async () => {
    const port = await freePort();
    const p = echoServer("echo-kill", "127.0.0.1", port);
    await startEcho(p);
    const c = await EchoClient.connect("127.0.0.1", port);
    expect(await c.echoes("before", 5_000)).toBe(true);
    const pid = p.pid;
    await kill9(p);
    expect(p.running).toBe(false);
    await sleep(200);
    expect(c.closed).toBe(true);
    await expect(EchoClient.connect("127.0.0.1", port, 2_000)).rejects.toThrow();
    await restart(p, (l) => l.msg === "listening", 30_000);
    expect(p.pid).not.toBe(pid);
    const again = await EchoClient.connect("127.0.0.1", port);
    expect(await again.echoes("after", 5_000)).toBe(true);
  });

  it("a paused process answers nothing until it is resumed, then answers what it was sent", async () => {
    const p = echoServer("echo-pause", "127.0.0.1", 0);
    const port = await startEcho(p);
    const c = await EchoClient.connect("127.0.0.1", port);
    expect(await c.echoes("ping-1", 5_000)).toBe(true);
    await pause(p);
    try {
      expect(await c.echoes("ping-2", 1_500)).toBe(false);
      // Still alive and connected: the kernel keeps its sockets while it is stopped.
      expect(p.running).toBe(true);
      expect(c.closed).toBe(false);
    } finally {
      await resume(p);
    }
    expect(await c.receivedWithin("ping-2", 5_000)).toBe(true);
    expect(await c.echoes("ping-3", 5_000)).toBe(true);
  });
});

/** Tries a TCP connection and an echo from inside a namespace; true if the echo came back. */
function echoFromNamespace(net: ChaosNetwork, from: number, host: string, port: number): boolean {
  const script = `const s=require("net").connect(${port},${JSON.stringify(host)},()=>s.write("peer"));
s.on("data",()=>{console.log("ok");process.exit(0)});s.on("error",()=>process.exit(1));
setTimeout(()=>process.exit(2),1500);`;
  try {
    const out = execFileSync(
      net.wrap(from)[0] as string,
      [...net.wrap(from).slice(1), process.execPath, "-e", script],
      {
        encoding: "utf8",
        timeout: 10_000,
      },
    );
    return out.includes("ok");
  } catch {
    return false;
  }
}

describe.skipIf(!isRoot)("network partition (network namespaces; needs root)", () => {
  it("a partitioned namespace gets no TCP through, from the root namespace or a peer, until healed", async () => {
    const net = await ChaosNetwork.create(2);
    cleanups.push(() => net.close());
    const node = net.node(0);
    // The server runs in namespace 0 through ManagedProcess's wrapper; signals still reach it.
    const p = echoServer("echo-ns", node.address, 0, net.wrap(0));
    const port = await startEcho(p);
    const c = await EchoClient.connect(node.address, port);
    expect(await c.echoes("hello", 5_000)).toBe(true);
    expect(echoFromNamespace(net, 1, node.address, port)).toBe(true);
    await pause(p);
    expect(await c.echoes("paused", 1_000)).toBe(false);
    await resume(p);
    expect(await c.receivedWithin("paused", 5_000)).toBe(true);

    await net.partition(0);
    expect(net.isPartitioned(0)).toBe(true);
    expect(await c.echoes("cut", 2_000)).toBe(false);
    // Silently dropped, not refused: the open connection stalls and stays open.
    expect(c.closed).toBe(false);
    expect(echoFromNamespace(net, 1, node.address, port)).toBe(false);
    await expect(EchoClient.connect(node.address, port, 1_500)).rejects.toThrow();

    await net.heal(0);
    expect(net.isPartitioned(0)).toBe(false);
    // TCP retransmits what was held back, so the connection carries on where it stopped.
    expect(await c.receivedWithin("cut", 15_000)).toBe(true);
    expect(await c.echoes("healed", 5_000)).toBe(true);
    expect(echoFromNamespace(net, 1, node.address, port)).toBe(true);
  }, 60_000);

  it("namespaces and links of a run whose process died are removed by the next run", async () => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=@runnel/source",
        "--import",
        import.meta.resolve("tsx"),
        "-e",
        `import("./e2e/chaos/faults/network.ts").then(async (m) => {
          const net = await m.ChaosNetwork.create(2);
          const [cmd, ...args] = net.wrap(0);
          const left = require("node:child_process").spawn(cmd, [...args, "sleep", "600"], { stdio: "ignore" });
          // Stopped once it is in the namespace (ip netns exec has exec'd sleep).
          while (!require("node:fs").readFileSync("/proc/" + left.pid + "/cmdline", "utf8").startsWith("sleep"))
            await new Promise((r) => setTimeout(r, 20));
          left.kill("SIGSTOP");
          console.log(net.runId + " " + net.bridge + " " + left.pid);
          setInterval(() => {}, 1000);
        });`,
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    const [runId, bridge, leftPid] = await firstLine(child).then((l) => l.split(" "));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const namespaces = () => execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
    const links = () => execFileSync("ip", ["-o", "link", "show"], { encoding: "utf8" });
    expect(namespaces()).toContain(`rnlchaos-${runId}-n1`);
    expect(links()).toContain(`${bridge}:`);
    expect(processState(Number(leftPid))).toBe("T");
    const removed = await removeStaleNetworks();
    expect(removed).toEqual(expect.arrayContaining([`rnlchaos-${runId}-n0`, `rnlchaos-${runId}-n1`, bridge]));
    expect(namespaces()).not.toContain(`rnlchaos-${runId}-`);
    expect(links()).not.toContain(`${bridge}:`);
    // The stopped process the dead run left in its namespace was killed with it.
    const gone = async (): Promise<boolean> => {
      for (let i = 0; i < 50; i++) {
        // Gone, or a zombie waiting for whoever adopted it to reap it.
        const state = processState(Number(leftPid));
        if (state === undefined || state === "Z") return true;
        await sleep(100);
      }
      return false;
    };
    expect(Number(leftPid)).toBeGreaterThan(0);
    expect(await gone()).toBe(true);
  }, 60_000);
});

/** A process's state letter from /proc (R, S, T for stopped, Z for a zombie, ...); undefined if it is gone. */
function processState(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
  } catch {
    return undefined;
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`exited (${code}) before a line`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
  });
}

describe("slow disk (LD_PRELOAD shim)", () => {
  /**
   * A node program that times 20 write+fsync pairs on a regular file, then 20
   * writes to its stdout (a socket, not a file), each time it reads a line on
   * stdin; it answers with the dots, then the times as JSON.
   */
  const program = `
const fs = require("fs");
const fd = fs.openSync(process.argv[1], "w");
require("readline").createInterface({ input: process.stdin }).on("line", () => {
  let t = Date.now();
  for (let i = 0; i < 20; i++) { fs.writeSync(fd, "x"); fs.fsyncSync(fd); }
  const file = Date.now() - t;
  t = Date.now();
  for (let i = 0; i < 20; i++) fs.writeSync(1, ".");
  console.log(JSON.stringify({ file, pipe: Date.now() - t }));
});`;

  it("delays fsync and write of regular files by the control file's ms, on and off while running", async () => {
    const disk = await SlowDisk.create(join(dir, "slow-disk.control"));
    const child = spawn(process.execPath, ["-e", program, join(dir, "slow-disk.data")], {
      env: { PATH: process.env.PATH ?? "", ...disk.env() },
      stdio: ["pipe", "pipe", "inherit"],
    });
    cleanups.push(() => void child.kill("SIGKILL"));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const measure = async (): Promise<{ file: number; pipe: number }> => {
      child.stdin.write("go\n");
      const next = await lines.next();
      const line = String(next.value);
      return JSON.parse(line.slice(line.indexOf("{"))) as { file: number; pipe: number };
    };

    const off = await measure();
    disk.set(50);
    // The shim re-reads the control file at most every 100 ms.
    await sleep(250);
    const on = await measure();
    disk.set(0);
    await sleep(250);
    const offAgain = await measure();

    // 20 writes and 20 fsyncs at 50 ms each would take 2 s; well over 800 ms.
    expect(on.file).toBeGreaterThan(800);
    // A socket is not a disk: 20 writes to stdout are not delayed (20 × 50 ms would be 1 s).
    expect(on.pipe).toBeLessThan(500);
    expect(off.file).toBeLessThan(on.file / 2);
    expect(offAgain.file).toBeLessThan(on.file / 2);
  }, 30_000);

  it("is off with no delay in the control file, and slows a process started with the delay set", async () => {
    const disk = await SlowDisk.create(join(dir, "slow-disk-2.control"));
    const timeFsyncs = (env: Record<string, string>): number => {
      const out = execFileSync(
        process.execPath,
        [
          "-e",
          `const fs=require("fs");const fd=fs.openSync(process.argv[1],"w");const t=Date.now();
for(let i=0;i<20;i++)fs.fsyncSync(fd);console.log(Date.now()-t);`,
          join(dir, "slow-disk-2.data"),
        ],
        { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", timeout: 20_000 },
      );
      return Number(out.trim());
    };
    const unshimmed = timeFsyncs({});
    const shimmedOff = timeFsyncs(disk.env());
    disk.set(50);
    const shimmedOn = timeFsyncs(disk.env());
    expect(shimmedOn).toBeGreaterThan(800);
    expect(unshimmed).toBeLessThan(shimmedOn / 2);
    expect(shimmedOff).toBeLessThan(shimmedOn / 2);
  }, 60_000);
});
