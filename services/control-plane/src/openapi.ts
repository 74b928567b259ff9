/**
 * The OpenAPI 3.1 document, built from the route table the server registers (routes.ts), so
 * every route, parameter and schema in it is the one Fastify enforces.
 */
import { type JsonSchema, problem } from "./schemas.js";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** What the document needs of a route. */
export interface RouteDoc {
  readonly method: Method;
  /** Fastify's form: `/v1/clusters/:id`. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** Served without the admin token. */
  readonly public?: boolean;
  readonly params?: JsonSchema;
  readonly querystring?: JsonSchema;
  readonly body?: JsonSchema;
  readonly success: { readonly status: number; readonly description: string; readonly schema: JsonSchema };
}

export const SECURITY_SCHEME = "adminToken";

/** `/v1/clusters/:id` → `/v1/clusters/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]+)/g, "{$1}");
}

function parameters(where: "path" | "query", schema: JsonSchema | undefined): JsonSchema[] {
  if (schema === undefined) return [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

export function openApiDocument(routes: readonly RouteDoc[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = openApiPath(r.url);
    const parameterList = [...parameters("path", r.params), ...parameters("query", r.querystring)];
    const responses: Record<string, unknown> = {
      [String(r.success.status)]: {
        description: r.success.description,
        content: { "application/json": { schema: r.success.schema } },
      },
    };
    if (r.body !== undefined || r.params !== undefined || r.querystring !== undefined) {
      responses["400"] = problemResponse(
        "The request does not match the schema, or the controller refused it",
      );
    }
    if (r.public !== true) responses["401"] = problemResponse("No valid admin token");
    if (r.params !== undefined) responses["404"] = problemResponse("No such logical cluster or API key");
    if (r.public !== true) {
      responses["503"] = problemResponse("The metadata quorum did not answer; retry");
      responses["504"] = problemResponse("Written, but not yet visible here in time");
    }
    const operations = paths[path] ?? {};
    paths[path] = operations;
    operations[r.method.toLowerCase()] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      security: r.public === true ? [] : [{ [SECURITY_SCHEME]: [] }],
      ...(parameterList.length > 0 ? { parameters: parameterList } : {}),
      ...(r.body === undefined
        ? {}
        : { requestBody: { required: true, content: { "application/json": { schema: r.body } } } }),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Runnel control plane",
      version: "1",
      description:
        "Logical clusters (tenants), their API keys, ACLs, quotas and topics, and usage per cell. " +
        "Errors are RFC 9457 problem documents.",
    },
    servers: [{ url: serverUrl }],
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      schemas: { Problem: problem },
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: "http",
          scheme: "bearer",
          description: "The control plane's admin token: Authorization: Bearer <token>",
        },
      },
    },
  };
}
