/**
 * The broker process. Configuration comes from RUNNEL_BROKER_* and an optional
 * RUNNEL_CONFIG file (see service.ts for every key).
 */
import { runService } from "@runnel/runtime";
import { brokerConfigSchema, startBroker } from "./service.js";

await runService({ name: "broker", configSchema: brokerConfigSchema, start: startBroker });
