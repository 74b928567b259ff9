/**
 * How AlterConfigs (33) and IncrementalAlterConfigs (44) reach the
 * controller: the operations of every resource that passed the broker's
 * checks go as they came in one AlterConfigs call (SET, DELETE, APPEND,
 * SUBTRACT, or a legacy whole-set replace). The controller works them out
 * against its own image, checks names and values, and writes each resource
 * all or nothing, so a concurrent change by another client is never lost.
 * Unless the request only validates, the answer waits (boundedly) until this
 * broker's metadata image reaches the offset the controller names, so a
 * DescribeConfigs here right after reads the changes.
 */
import { create } from "@bufbuild/protobuf";
import { ErrorCode } from "@runnel/kafka-protocol";
import { AlterConfigsResourceSchema, ConfigResourceType } from "@runnel/rpc";
import type { AlterPlan, AlterTarget, ConfigError } from "../config-alter.js";
import type { BrokerContext } from "../context.js";
import { controllerFailure } from "./forward.js";

/** How long an answer waits for the broker's image to show a committed change. */
const IMAGE_WAIT_MS = 10_000;

export interface AlterResult {
  readonly resourceType: number;
  readonly resourceName: string;
  readonly errorCode: number;
  readonly errorMessage: string | null;
}

export interface PlannedResource {
  readonly resourceType: number;
  readonly resourceName: string;
  /** The target and what to do to it, or why the broker refused the resource. */
  readonly plan: (AlterPlan & { readonly target: AlterTarget }) | ConfigError;
}

export async function alterThroughController(
  broker: BrokerContext,
  resources: readonly PlannedResource[],
  validateOnly: boolean,
): Promise<AlterResult[]> {
  const results: AlterResult[] = resources.map((r) => ({
    resourceType: r.resourceType,
    resourceName: r.resourceName,
    errorCode: "code" in r.plan ? r.plan.code : ErrorCode.NONE,
    errorMessage: "code" in r.plan ? r.plan.message : null,
  }));
  const forwarded = resources.flatMap((r, i) => ("code" in r.plan ? [] : [{ index: i, ...r.plan }]));
  if (forwarded.length === 0) return results;
  try {
    const response = await broker.controller.call((c, o) =>
      c.alterConfigs(
        {
          validateOnly,
          resources: forwarded.map((f) =>
            create(AlterConfigsResourceSchema, {
              resourceType: f.target.kind === "topic" ? ConfigResourceType.TOPIC : ConfigResourceType.BROKER,
              resourceName: f.target.name,
              ops: f.ops.map((op) => ({ key: op.key, op: op.op, value: op.value })),
              replace: f.replace,
            }),
          ),
        },
        o,
      ),
    );
    let changed = false;
    forwarded.forEach((f, j) => {
      const r = response.resources[j];
      const errorCode = r?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
      const base = results[f.index] as AlterResult;
      results[f.index] = {
        ...base,
        errorCode,
        errorMessage:
          errorCode === ErrorCode.NONE ? null : (r?.errorMessage ?? "The controller gave no result."),
      };
      if (errorCode === ErrorCode.NONE) changed = true;
    });
    if (!validateOnly && changed) {
      const offset = response.metadataOffset;
      await broker.waitForImage((image) => image.lastOffset >= offset, IMAGE_WAIT_MS);
    }
  } catch (e) {
    const { code, message } = controllerFailure(e);
    for (const f of forwarded) {
      results[f.index] = { ...(results[f.index] as AlterResult), errorCode: code, errorMessage: message };
    }
  }
  return results;
}
