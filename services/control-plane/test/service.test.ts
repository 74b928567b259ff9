/**
 * The control-plane service as its process runs it: configuration from RUNNEL_CONTROL_PLANE_*
 * (no admin token, no start), the API on its port, and readiness that waits for a metadata
 * image.
 */
import { ConfigError, startService } from "@runnel/runtime";
import { describe, expect, it } from "vitest";
import { controlPlaneConfigSchema, startControlPlane } from "../src/service.js";
import { freePort } from "./harness.js";

const definition = {
  name: "control-plane",
  configSchema: controlPlaneConfigSchema,
  start: startControlPlane,
};

describe("control-plane service", () => {
  it("refuses to start without an admin token", async () => {
    for (const env of [{}, { RUNNEL_CONTROL_PLANE_ADMIN_TOKEN: "" }]) {
      const start = startService(definition, { env: { ...env, RUNNEL_CONTROL_PLANE_LOG_LEVEL: "silent" } });
      await expect(start).rejects.toBeInstanceOf(ConfigError);
      await expect(start).rejects.toThrow(/adminToken/);
    }
  });

  it("serves the API on its port, with the token from the environment", async () => {
    const port = await freePort();
    const unreachable = await freePort();
    const handle = await startService(definition, {
      env: {
        RUNNEL_CONTROL_PLANE_ADMIN_TOKEN: "s3cret",
        RUNNEL_CONTROL_PLANE_PORT: String(port),
        RUNNEL_CONTROL_PLANE_URL: "http://cp.example:80",
        RUNNEL_CONTROL_PLANE_METADATA_VOTERS: `127.0.0.1:${unreachable}`,
        RUNNEL_CONTROL_PLANE_ADMIN_HOST: "127.0.0.1",
        RUNNEL_CONTROL_PLANE_LOG_LEVEL: "silent",
      },
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { servers: { url: string }[] };
      expect(doc.servers).toEqual([{ url: "http://cp.example:80" }]);
      expect((await fetch(`${base}/v1/clusters`)).status).toBe(401);
      const ok = await fetch(`${base}/v1/clusters`, { headers: { authorization: "Bearer s3cret" } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual([]);
      // No voter answers, so there is no image yet: not ready.
      const ready = await fetch(`${handle.adminAddress.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.stringify(await ready.json())).toContain("no metadata image yet");
    } finally {
      await handle.shutdown("test over");
    }
  });
});
