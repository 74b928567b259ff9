/**
 * The clients of the compatibility suite: how to run each one's driver, and
 * what each one can do. Every driver takes `BOOTSTRAP SCENARIO [ARGS...]` and
 * prints one JSON object per line (see README.md).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Codec } from "./messages.js";
import type { Command } from "./process.js";

/** The repository root; drivers run from here. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

const peers = join(repoRoot, ".peers");
const tsxLoader = import.meta.resolve("tsx");

export interface CompatClient {
  readonly name: string;
  /** Builds the command line for one driver invocation. */
  command(bootstrap: string, scenario: string, args: readonly string[]): Command;
  /** Codecs the client cannot produce, with the reason. */
  readonly lacks: Partial<Record<Codec, string>>;
  /** Whether the driver can create topics; if not, the suite creates them with `topicHelper`. */
  readonly createsTopics: boolean;
  /** Whether `produce` reports each record's partition and offset. */
  readonly reportsOffsets: boolean;
  /** Client-specific scenarios the driver implements (checked in suite.ts). */
  readonly extras: readonly string[];
  /** Per-step timeout: JVM tools start slowly. */
  readonly stepTimeoutMs: number;
}

function tsDriver(file: string) {
  return (bootstrap: string, scenario: string, args: readonly string[]): Command => ({
    file: process.execPath,
    args: ["--import", tsxLoader, join(repoRoot, "e2e/compat/drivers", file), bootstrap, scenario, ...args],
    env: { KAFKAJS_NO_PARTITIONER_WARNING: "1" },
  });
}

function python(script: string) {
  return (bootstrap: string, scenario: string, args: readonly string[]): Command => ({
    file: join(peers, "python/bin/python"),
    args: [join(repoRoot, script), bootstrap, scenario, ...args],
    env: { PYTHONUNBUFFERED: "1" },
  });
}

export const CLIENTS: readonly CompatClient[] = [
  {
    name: "kcat",
    command: (bootstrap, scenario, args) => ({
      file: "bash",
      args: [join(repoRoot, "e2e/peers/kcat/compat.sh"), bootstrap, scenario, ...args],
    }),
    lacks: {},
    createsTopics: false,
    reportsOffsets: false,
    extras: [],
    stepTimeoutMs: 90_000,
  },
  {
    name: "confluent-kafka-python",
    command: python("e2e/peers/python/compat.py"),
    lacks: {},
    createsTopics: true,
    reportsOffsets: true,
    extras: [],
    stepTimeoutMs: 90_000,
  },
  {
    name: "kafka-python",
    command: python("e2e/peers/kafka-python/driver.py"),
    lacks: {},
    createsTopics: true,
    reportsOffsets: true,
    extras: ["api-version"],
    stepTimeoutMs: 90_000,
  },
  {
    name: "kafkajs",
    command: tsDriver("kafkajs.ts"),
    lacks: {},
    createsTopics: true,
    reportsOffsets: true,
    extras: [],
    stepTimeoutMs: 90_000,
  },
  {
    name: "platformatic-kafka",
    command: tsDriver("platformatic.ts"),
    lacks:
      Number(process.versions.node.split(".")[0]) < 22
        ? { zstd: "needs Node's zlib zstd (Node >= 22.15)" }
        : {},
    createsTopics: true,
    reportsOffsets: true,
    extras: [],
    stepTimeoutMs: 90_000,
  },
  {
    name: "java",
    command: (bootstrap, scenario, args) => ({
      file: "java",
      args: [
        "-Xmx256m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp",
        `${join(peers, "java/classes")}:${join(peers, "java/libs")}/*`,
        "CompatDriver",
        bootstrap,
        scenario,
        ...args,
      ],
    }),
    lacks: {},
    createsTopics: true,
    reportsOffsets: true,
    extras: ["admin"],
    stepTimeoutMs: 120_000,
  },
  {
    name: "kafka-cli",
    command: (bootstrap, scenario, args) => ({
      file: "bash",
      args: [join(repoRoot, "e2e/peers/kafka-cli/driver.sh"), bootstrap, scenario, ...args],
    }),
    lacks: {},
    createsTopics: true,
    reportsOffsets: false,
    extras: ["tools"],
    stepTimeoutMs: 180_000,
  },
  {
    name: "franz-go",
    command: (bootstrap, scenario, args) => ({
      file: join(peers, "franz-go/franzgo"),
      args: [bootstrap, scenario, ...args],
    }),
    lacks: {},
    createsTopics: true,
    reportsOffsets: true,
    extras: ["version-guess", "served-versions", "list-offsets"],
    stepTimeoutMs: 90_000,
  },
];

/** The client whose driver creates topics for clients that cannot. */
export const topicHelper = "franz-go";
