/**
 * How AlterConfigs (33) and IncrementalAlterConfigs (44) reach the
 * controller: the planned SETs and DELETEs of every resource that passed the
 * broker's checks go in one AlterConfigs call (the controller checks names
 * and values, and writes each resource all or nothing); unless the request
 * only validates, the answer waits (boundedly) until this broker's metadata
 * image shows the changes, so a DescribeConfigs here right after reads them.
 */
import { create } from "@bufbuild/protobuf";
import { ErrorCode } from "@runnel/kafka-protocol";
import { AlterConfigsResourceSchema, ConfigOpType, ConfigResourceType } from "@runnel/rpc";
import { type AlterTarget, applied, type ConfigError, type PlannedOp } from "../config-alter.js";
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
  /** The target and its ops, or why the broker refused the resource. */
  readonly plan: { readonly target: AlterTarget; readonly ops: readonly PlannedOp[] } | ConfigError;
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
              ops: f.ops.map((op) =>
                op.value === undefined
                  ? { key: op.key, op: ConfigOpType.DELETE }
                  : { key: op.key, op: ConfigOpType.SET, value: op.value },
              ),
            }),
          ),
        },
        o,
      ),
    );
    const done: typeof forwarded = [];
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
      if (errorCode === ErrorCode.NONE) done.push(f);
    });
    if (!validateOnly && done.length > 0) {
      await broker.waitForImage(
        (image) =>
          done.every((f) =>
            applied(
              f.target.kind === "topic"
                ? image.topicConfigs.get(f.target.name)
                : image.brokerConfigs.get(f.target.name),
              f.ops,
            ),
          ),
        IMAGE_WAIT_MS,
      );
    }
  } catch (e) {
    const { code, message } = controllerFailure(e);
    for (const f of forwarded) {
      results[f.index] = { ...(results[f.index] as AlterResult), errorCode: code, errorMessage: message };
    }
  }
  return results;
}
