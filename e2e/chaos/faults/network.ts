/**
 * Network partitions that really drop packets, with Linux network
 * namespaces (needs root and iproute2's `ip` and `bridge`).
 *
 * `ChaosNetwork.create(n)` makes a bridge in the root namespace with an
 * address of its own (`hostAddress`) and n namespaces, each joined to the
 * bridge by a veth pair and given an address (`nodes[i].address`) on the
 * bridge's /24. A process started with `wrap(i)` (`ip netns exec NS`) runs in
 * namespace i; services in the root namespace that listen on `hostAddress`
 * (the metadata voters) and clients in the root namespace reach it over the
 * bridge, and the namespaces reach each other.
 *
 * `partition(i)` disables namespace i's port on the bridge: every frame to
 * or from it is dropped silently, in both directions, for its peers, the
 * root namespace's services and the clients alike, on every port (a second
 * listener such as a replication port included). Established TCP
 * connections stall rather than fail, as across a real partition, and carry
 * on after `heal(i)` re-enables the port.
 *
 * Names derive from a run id, the owning process's pid and a letter:
 * namespaces `rnlchaos-<run>-n<i>`, the bridge `rc<run>br`, the root side of
 * each veth pair `rc<run>h<i>`. `create` first removes what runs of dead
 * processes left behind (`removeStaleNetworks`); `close()` removes this run's.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

/** iproute2's tools, by absolute path when found, so that a service's PATH need not include sbin. */
function tool(name: string): string {
  for (const dir of ["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
    if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return name;
}
const IP = tool("ip");
const BRIDGE = tool("bridge");

/** The second octet of every subnet used here: 10.213.N.0/24 for one run's bridge. */
const SUBNET_PREFIX = "10.213";
/** The first namespace's host number on the /24; the bridge has .1. */
const FIRST_NODE_HOST = 10;
/** At most this many namespaces on one bridge. */
export const NETWORK_NODES_MAX = 50;

/** Runs of this process: started (for the next letter) and not yet closed. */
let runsStarted = 0;
const liveRuns = new Set<string>();

const NAMESPACE_RE = /^rnlchaos-(\d+)([a-z])-n(\d+)$/;
const LINK_RE = /^rc(\d+)([a-z])(br|h\d+)$/;

async function ip(...args: string[]): Promise<string> {
  try {
    return (await run(IP, args)).stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`ip ${args.join(" ")}: ${(err.stderr ?? "").trim() || err.message}`);
  }
}

/** Whether the run that named something is still going: its process lives, and if that is this process, the run is open here. */
function runAlive(pid: number, runId: string): boolean {
  if (pid === process.pid) return liveRuns.has(runId);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the namespaces and links of runs whose owning process is gone (a
 * crashed or killed run never reached its `close()`), killing any process
 * still in those namespaces; the names removed.
 */
export async function removeStaleNetworks(): Promise<string[]> {
  const removed: string[] = [];
  const namespaces = (await ip("netns", "list"))
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[0] ?? "")
    .filter((n) => n !== "");
  for (const ns of namespaces) {
    const m = NAMESPACE_RE.exec(ns);
    if (m === null || runAlive(Number(m[1]), `${m[1]}${m[2]}`)) continue;
    // A service the dead run left in the namespace (perhaps stopped with SIGSTOP) goes with it.
    const pids = await ip("netns", "pids", ns).catch(() => "");
    for (const pid of pids.split("\n").filter((p) => /^\d+$/.test(p.trim()))) {
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        // Gone already.
      }
    }
    await ip("netns", "delete", ns).catch(() => {});
    removed.push(ns);
  }
  const links = (await ip("-o", "link", "show"))
    .split("\n")
    .map((l) => /^\d+:\s+([^:@\s]+)/.exec(l)?.[1] ?? "")
    .filter((n) => n !== "");
  for (const link of links) {
    const m = LINK_RE.exec(link);
    if (m === null || runAlive(Number(m[1]), `${m[1]}${m[2]}`)) continue;
    // Deleting a namespace deletes its veth pair too; a link may be gone by now.
    await ip("link", "delete", link).catch(() => {});
    removed.push(link);
  }
  return removed;
}

export interface NetworkNode {
  readonly index: number;
  /** The network namespace's name. */
  readonly namespace: string;
  /** Its address on the bridge; a service in the namespace listens on it. */
  readonly address: string;
  /** The root side of its veth pair: its port on the bridge. */
  readonly port: string;
}

export class ChaosNetwork {
  private readonly cut = new Set<number>();
  private closed = false;

  private constructor(
    readonly runId: string,
    readonly bridge: string,
    /** The bridge's address in the root namespace: what the namespaces reach the root namespace's services at. */
    readonly hostAddress: string,
    readonly nodes: readonly NetworkNode[],
  ) {}

  /** A bridge and `n` namespaces joined to it, after removing what dead runs left. */
  static async create(n: number): Promise<ChaosNetwork> {
    if (!Number.isInteger(n) || n < 1 || n > NETWORK_NODES_MAX)
      throw new Error(`a chaos network has 1 to ${NETWORK_NODES_MAX} namespaces, not ${n}`);
    if (process.getuid?.() !== 0) throw new Error("network namespaces need root");
    await removeStaleNetworks();
    let runId: string | undefined;
    for (let k = 0; k < 26 && runId === undefined; k++) {
      const candidate = `${process.pid}${String.fromCharCode(97 + (runsStarted++ % 26))}`;
      if (!liveRuns.has(candidate)) runId = candidate;
    }
    if (runId === undefined) throw new Error("26 chaos networks are open in this process already");
    liveRuns.add(runId);
    const subnet = await freeSubnet();
    const bridge = `rc${runId}br`;
    const hostAddress = `${subnet}.1`;
    const nodes: NetworkNode[] = [];
    for (let i = 0; i < n; i++) {
      nodes.push({
        index: i,
        namespace: `rnlchaos-${runId}-n${i}`,
        address: `${subnet}.${FIRST_NODE_HOST + i}`,
        port: `rc${runId}h${i}`,
      });
    }
    const net = new ChaosNetwork(runId, bridge, hostAddress, nodes);
    try {
      await ip("link", "add", bridge, "type", "bridge");
      await ip("addr", "add", `${hostAddress}/24`, "dev", bridge);
      await ip("link", "set", bridge, "up");
      for (const node of nodes) {
        await ip("netns", "add", node.namespace);
        await ip("link", "add", node.port, "type", "veth", "peer", "name", "eth0", "netns", node.namespace);
        await ip("link", "set", node.port, "master", bridge);
        await ip("link", "set", node.port, "up");
        await ip("-n", node.namespace, "addr", "add", `${node.address}/24`, "dev", "eth0");
        await ip("-n", node.namespace, "link", "set", "eth0", "up");
        // A service's admin endpoint listens on the namespace's own 127.0.0.1.
        await ip("-n", node.namespace, "link", "set", "lo", "up");
      }
    } catch (e) {
      await net.close();
      throw e;
    }
    return net;
  }

  /** The command prefix that runs a process in node `i`'s namespace. */
  wrap(i: number): string[] {
    return [IP, "netns", "exec", this.node(i).namespace];
  }

  node(i: number): NetworkNode {
    const node = this.nodes[i];
    if (node === undefined) throw new Error(`no network node ${i}`);
    return node;
  }

  /** Whether node `i` is cut off now. */
  isPartitioned(i: number): boolean {
    return this.cut.has(i);
  }

  /** Cuts node `i` off from everyone: its bridge port drops every frame, both ways. */
  async partition(i: number): Promise<void> {
    await portState(this.node(i).port, "disabled");
    this.cut.add(i);
  }

  /** Restores node `i`'s traffic. */
  async heal(i: number): Promise<void> {
    await portState(this.node(i).port, "forwarding");
    this.cut.delete(i);
  }

  async healAll(): Promise<void> {
    for (const i of [...this.cut]) await this.heal(i);
  }

  /** Removes the namespaces (and with them the veth pairs) and the bridge. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const node of this.nodes) await ip("netns", "delete", node.namespace).catch(() => {});
    await ip("link", "delete", this.bridge).catch(() => {});
    liveRuns.delete(this.runId);
  }
}

/** Sets a bridge port's state; a bridge without STP accepts it from the user. */
async function portState(port: string, state: "disabled" | "forwarding"): Promise<void> {
  const code = state === "disabled" ? "0" : "3";
  try {
    await run(BRIDGE, ["link", "set", "dev", port, "state", code]);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`bridge link set dev ${port} state ${code}: ${(err.stderr ?? "").trim() || err.message}`);
  }
}

/** The first three octets of a 10.213.N.0/24 that no interface here has an address in. */
async function freeSubnet(): Promise<string> {
  const used = new Set<number>();
  for (const m of (await ip("-4", "-o", "addr", "show")).matchAll(/inet 10\.213\.(\d+)\./g))
    used.add(Number(m[1]));
  const start = 1 + Math.floor(Math.random() * 254);
  for (let k = 0; k < 254; k++) {
    const n = 1 + ((start - 1 + k) % 254);
    if (!used.has(n)) return `${SUBNET_PREFIX}.${n}`;
  }
  throw new Error(`no free ${SUBNET_PREFIX}.N.0/24 subnet`);
}
