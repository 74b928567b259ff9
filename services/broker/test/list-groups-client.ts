/**
 * A bare Kafka client for the listener tests: each request is a ListGroups
 * v4 naming itself in `statesFilter[0]`, and each answer is read back as the
 * first group id of its response, so a test sees which requests were
 * answered, in which order.
 */
import { Socket } from "node:net";
import { ApiKeys, decodeResponse, encodeRequest, FrameReader } from "@runnel/kafka-protocol";

export interface ListGroupsClient {
  readonly socket: Socket;
  /** The names of the requests answered so far, in answer order. */
  readonly answers: string[];
  /** Settles when the connection closes. */
  readonly closed: Promise<void>;
  /** Sends one request per name in a single write, so the broker sees them pipelined. */
  send(names: string[]): void;
}

export async function connectListGroupsClient(port: number): Promise<ListGroupsClient> {
  const socket = new Socket();
  await new Promise<void>((resolve) => socket.connect(port, "127.0.0.1", resolve));
  const answers: string[] = [];
  const frames = new FrameReader({}, true);
  socket.on("data", (chunk: Buffer) => {
    frames.push(chunk);
    for (let f = frames.next(); f !== null; f = frames.next()) {
      if (!f.ok) throw new Error(f.error.message);
      const decoded = decodeResponse(ApiKeys.ListGroups, 4, f.frame);
      if (!decoded.ok) throw new Error(decoded.error.message);
      answers.push(decoded.value.body.groups[0]?.groupId ?? "?");
    }
  });
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  let correlationId = 0;
  return {
    socket,
    answers,
    closed,
    send: (names) =>
      socket.write(
        Buffer.concat(
          names.map((n) =>
            encodeRequest(
              ApiKeys.ListGroups,
              4,
              { correlationId: ++correlationId, clientId: "t" },
              { statesFilter: [n], typesFilter: [] },
            ),
          ),
        ),
      ),
  };
}
