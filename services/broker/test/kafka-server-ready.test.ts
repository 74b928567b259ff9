/**
 * The Kafka listener holds connections until the broker is ready (registered
 * and first unfenced): a request sent earlier is neither read nor answered
 * until `ready` resolves, then answered in order; a rejected `ready` closes
 * the held connections.
 */
import type { Socket } from "node:net";
import { ApiKeys, ErrorCode, type ListGroupsResponse } from "@runnel/kafka-protocol";
import { createLogger, SystemClock } from "@runnel/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { type Handler, KafkaServer } from "../src/kafka/server.js";
import { connectListGroupsClient, type ListGroupsClient } from "./list-groups-client.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });

/** Answers ListGroups with one group named by the request's first state filter. */
class Echo implements Handler<typeof ApiKeys.ListGroups> {
  readonly apiKey = ApiKeys.ListGroups;
  readonly minVersion = 4;
  readonly maxVersion = 4;
  readonly handled: string[] = [];

  handle(request: { statesFilter: string[] }): ListGroupsResponse {
    const name = request.statesFilter[0] ?? "";
    this.handled.push(name);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      groups: [{ groupId: name, protocolType: "", groupState: "", groupType: "" }],
    };
  }
}

function gate(): { promise: Promise<void>; open(): void; fail(e: Error): void } {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

let server: KafkaServer | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = undefined;
});

async function connect(port: number): Promise<ListGroupsClient> {
  const c = await connectListGroupsClient(port);
  sockets.push(c.socket);
  return c;
}

async function listen(handler: Echo, ready: Promise<void> | undefined): Promise<number> {
  server = new KafkaServer({
    host: "127.0.0.1",
    port: 0,
    handlers: [handler],
    logger,
    maxFrameBytes: 1 << 20,
    inFlightRequestsMax: 16,
    ready,
  });
  return server.listen();
}

describe("KafkaServer ready gate", () => {
  it("answers a request sent before the broker is ready only once it is, in order", async () => {
    const handler = new Echo();
    const ready = gate();
    const port = await listen(handler, ready.promise);
    const early = await connect(port);
    early.send(["a", "b"]);
    // Long enough for an ungated server to answer many times over.
    await new Promise((r) => setTimeout(r, 200));
    expect(handler.handled).toEqual([]);
    expect(early.answers).toEqual([]);

    ready.open();
    await expect.poll(() => early.answers).toEqual(["a", "b"]);
    // A connection made afterwards is served at once, and the held one goes on as usual.
    const late = await connect(port);
    late.send(["c"]);
    early.send(["d"]);
    await expect.poll(() => late.answers).toEqual(["c"]);
    await expect.poll(() => early.answers).toEqual(["a", "b", "d"]);
    expect(handler.handled.slice(0, 2)).toEqual(["a", "b"]);
  });

  it("closes held connections, unanswered, when the broker never becomes ready", async () => {
    const handler = new Echo();
    const ready = gate();
    const port = await listen(handler, ready.promise);
    const held = await connect(port);
    held.send(["a"]);
    await new Promise((r) => setTimeout(r, 50));
    ready.fail(new Error("stopped before unfencing"));
    await held.closed;
    expect(held.answers).toEqual([]);
    expect(handler.handled).toEqual([]);
  });

  it("serves at once without a ready gate", async () => {
    const handler = new Echo();
    const port = await listen(handler, undefined);
    const c = await connect(port);
    c.send(["a"]);
    await expect.poll(() => c.answers).toEqual(["a"]);
  });
});
