/**
 * The proxy process. Configuration comes from RUNNEL_PROXY_* and an optional
 * RUNNEL_CONFIG file (see service.ts for every key).
 */
import { runService } from "@runnel/runtime";
import { proxyConfigSchema, startProxy } from "./service.js";

await runService({ name: "proxy", configSchema: proxyConfigSchema, start: startProxy });
