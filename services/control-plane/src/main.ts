/**
 * The control-plane process. Configuration comes from RUNNEL_CONTROL_PLANE_* and an optional
 * RUNNEL_CONFIG file (see service.ts for every key); RUNNEL_CONTROL_PLANE_ADMIN_TOKEN is required.
 */
import { runService } from "@runnel/runtime";
import { controlPlaneConfigSchema, startControlPlane } from "./service.js";

await runService({ name: "control-plane", configSchema: controlPlaneConfigSchema, start: startControlPlane });
