/**
 * The client-compatibility suite against Runnel's own broker (following a
 * real metadata quorum): each client produces keyed records with headers
 * under every codec it supports, consumes them back intact and in order,
 * commits, resumes from its commits after a restart, and rebalances a group
 * of three when one member leaves. See e2e/compat/README.md.
 *
 * Every scenario of these clients runs (the Java AdminClient's included);
 * a scenario the broker cannot pass yet would be left out by name
 * (`without`), never skipped. @platformatic/kafka, the command-line tools and
 * franz-go join the suite as the broker gains what they need.
 */
import { afterAll, beforeAll } from "vitest";
import { defineCompatSuite } from "../compat/vitest.js";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { MetadataQuorum } from "../harness/metadata.js";

let q: MetadataQuorum;
let broker: BrokerProcess;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a", { RUNNEL_BROKER_GROUP_INITIAL_REBALANCE_DELAY_MS: "300" });
}, 120_000);

afterAll(async () => {
  await broker?.process.close();
  await q?.close();
});

defineCompatSuite(() => broker.bootstrap, {
  clients: ["kcat", "confluent-kafka-python", "kafka-python", "kafkajs", "java"],
  without: [],
});
