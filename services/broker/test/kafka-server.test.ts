/**
 * The Kafka listener's per-connection discipline: requests of one connection
 * run one at a time in arrival order (so pipelined produce requests append in
 * the order they were sent), a handler may release the connection once only
 * waiting is left, and responses always go out in request order.
 */
import type { Socket } from "node:net";
import { ApiKeys, ErrorCode, type ListGroupsResponse } from "@runnel/kafka-protocol";
import { createLogger, SystemClock } from "@runnel/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { type Handler, KafkaServer } from "../src/kafka/server.js";
import { connectListGroupsClient } from "./list-groups-client.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });

/** Each request names itself in `statesFilter[0]`; the handler logs when it starts and ends. */
class Scripted implements Handler<typeof ApiKeys.ListGroups> {
  readonly apiKey = ApiKeys.ListGroups;
  readonly minVersion = 4;
  readonly maxVersion = 4;
  readonly events: string[] = [];
  /** Requests that wait until the test opens their gate. */
  private readonly gates = new Map<string, () => void>();
  private readonly waiting = new Map<string, () => void>();

  open(name: string): void {
    const go = this.gates.get(name);
    if (go === undefined) throw new Error(`${name} is not waiting`);
    go();
  }

  /** Resolves once `name` waits at its gate. */
  reached(name: string): Promise<void> {
    if (this.gates.has(name)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(name, resolve));
  }

  async handle(request: { statesFilter: string[] }, ctx: { release(): void }): Promise<ListGroupsResponse> {
    const [name = "", mode = ""] = (request.statesFilter[0] ?? "").split(":");
    this.events.push(`start ${name}`);
    if (mode === "release") ctx.release();
    if (mode === "wait" || mode === "release") {
      await new Promise<void>((resolve) => {
        this.gates.set(name, resolve);
        this.waiting.get(name)?.();
      });
    }
    this.events.push(`end ${name}`);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      groups: [{ groupId: name, protocolType: "", groupState: "", groupType: "" }],
    };
  }
}

let server: KafkaServer | undefined;
let socket: Socket | undefined;

afterEach(async () => {
  socket?.destroy();
  await server?.close();
});

async function start(
  handler: Scripted,
): Promise<{ send(names: string[]): void; answers: string[]; port: number }> {
  server = new KafkaServer({
    host: "127.0.0.1",
    port: 0,
    handlers: [handler],
    logger,
    maxFrameBytes: 1 << 20,
    inFlightRequestsMax: 16,
  });
  const port = await server.listen();
  const c = await connectListGroupsClient(port);
  socket = c.socket;
  return { answers: c.answers, port, send: c.send };
}

describe("KafkaServer, per connection", () => {
  it("runs pipelined requests one at a time, in arrival order", async () => {
    const handler = new Scripted();
    const c = await start(handler);
    c.send(["a:wait", "b", "c"]);
    await handler.reached("a");
    // b and c arrived, but nothing of theirs runs while a is unfinished.
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.events).toEqual(["start a"]);
    handler.open("a");
    await expect.poll(() => c.answers).toEqual(["a", "b", "c"]);
    expect(handler.events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("lets the next request run once a handler releases the connection, answering in order", async () => {
    const handler = new Scripted();
    const c = await start(handler);
    c.send(["a:release", "b"]);
    await handler.reached("a");
    await expect.poll(() => handler.events).toEqual(["start a", "start b", "end b"]);
    // b is done, but its answer waits behind a's.
    await new Promise((r) => setTimeout(r, 50));
    expect(c.answers).toEqual([]);
    handler.open("a");
    await expect.poll(() => c.answers).toEqual(["a", "b"]);
  });

  it("keeps connections independent: a waiting request holds up only its own", async () => {
    const handler = new Scripted();
    const first = await start(handler);
    first.send(["a:wait"]);
    await handler.reached("a");
    const other = await connectListGroupsClient(first.port);
    other.send(["z"]);
    await expect.poll(() => other.answers).toEqual(["z"]);
    other.socket.destroy();
    expect(handler.events).toEqual(["start a", "start z", "end z"]);
    handler.open("a");
    await expect.poll(() => first.answers).toEqual(["a"]);
  });
});
