/**
 * A TCP echo server for the tests of the fault primitives
 * (e2e/test/chaos-faults.test.ts): run as a ManagedProcess, in a network
 * namespace or not, it echoes every byte back and logs one JSON line,
 * `{"msg":"listening","port":N}`, once it listens.
 *
 *   tsx e2e/chaos/faults/echo-server.ts HOST PORT     # PORT 0: any free port
 */
import { createServer } from "node:net";

const [host = "127.0.0.1", port = "0"] = process.argv.slice(2);
const server = createServer((socket) => {
  socket.on("error", () => {});
  socket.pipe(socket);
});
server.listen(Number(port), host, () => {
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : 0;
  console.log(JSON.stringify({ msg: "listening", host, port: bound }));
});
