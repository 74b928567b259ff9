/**
 * The metadata voter process. Configuration comes from RUNNEL_METADATA_* and
 * an optional RUNNEL_CONFIG file (see service.ts for every key).
 */
import { runService } from "@runnel/runtime";
import { metadataConfigSchema, startMetadataVoter } from "./service.js";

await runService({ name: "metadata", configSchema: metadataConfigSchema, start: startMetadataVoter });
