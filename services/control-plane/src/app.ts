/**
 * The control plane's HTTP server: the routes of routes.ts behind admin-token authentication,
 * `/openapi.json` and `/healthz` in the open, and every error (validation, unknown routes,
 * controller failures) as a problem document.
 *
 * Validation refuses rather than repairs: unknown properties are errors (not removed) and
 * types are not coerced, so what a client sends is what the schema describes.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "@runnel/runtime";
import {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  fastify,
} from "fastify";
import { openApiDocument, type RouteDoc } from "./openapi.js";
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, type ValidationIssue } from "./problem.js";
import { type RouteContext, routes } from "./routes.js";
import * as S from "./schemas.js";

export interface ControlPlaneAppOptions extends RouteContext {
  /** Every /v1 request needs `Authorization: Bearer <adminToken>`. */
  readonly adminToken: string;
  /** The URL clients reach this control plane at, for the OpenAPI document's `servers`. */
  readonly url: string;
  readonly logger: Logger;
  /** Largest request body accepted. */
  readonly bodyLimitBytes?: number;
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** Compares a presented token with the admin token in constant time (hashes of equal length). */
export function tokenMatcher(adminToken: string): (presented: string) => boolean {
  if (adminToken === "") throw new Error("the admin token must not be empty");
  const expected = digest(adminToken);
  return (presented) => timingSafeEqual(digest(presented), expected);
}

interface AjvIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

/** One schema failure in words that name the field and what it takes. */
export function validationIssue(context: string, v: AjvIssue): ValidationIssue {
  const path = `${context}${v.instancePath}`;
  switch (v.keyword) {
    case "additionalProperties":
      return { path, message: `has an unknown property "${String(v.params.additionalProperty)}"` };
    case "required":
      return { path: `${path}/${String(v.params.missingProperty)}`, message: "is required" };
    case "enum":
      return {
        path,
        message: `must be one of ${(v.params.allowedValues as unknown[]).map(String).join(", ")}`,
      };
    default:
      return { path, message: v.message ?? v.keyword };
  }
}

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  detail: string,
  errors?: readonly ValidationIssue[],
): FastifyReply {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(status, detail, request.url, errors));
}

export async function buildApp(o: ControlPlaneAppOptions): Promise<FastifyInstance> {
  const tokenOk = tokenMatcher(o.adminToken);
  const app = fastify({
    logger: false,
    bodyLimit: o.bodyLimitBytes ?? 64 * 1024,
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true } },
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ProblemError) return sendProblem(reply, request, err.status, err.detail, err.errors);
    if (err.validation !== undefined) {
      const issues = err.validation.map((v) =>
        validationIssue(err.validationContext ?? "request", v as AjvIssue),
      );
      return sendProblem(reply, request, 400, issues.map((i) => `${i.path} ${i.message}`).join("; "), issues);
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendProblem(reply, request, status, err.message);
    o.logger.error({ err, method: request.method, url: request.url }, "request failed");
    return sendProblem(
      reply,
      request,
      500,
      "The control plane failed to handle the request; its log says why.",
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, 404, `There is no route ${request.method} ${request.url.split("?")[0]}.`),
  );

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const m = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? "");
    if (m !== null && tokenOk(m[1] as string)) return;
    reply.header("www-authenticate", 'Bearer realm="runnel-control-plane"');
    return sendProblem(
      reply,
      request,
      401,
      m === null
        ? "This route needs an Authorization: Bearer <admin token> header."
        : "The admin token is not valid.",
    );
  };

  const table = routes(o);
  const docs: RouteDoc[] = [
    {
      method: "GET",
      url: "/openapi.json",
      operationId: "openApi",
      summary: "This API's OpenAPI 3.1 document",
      tag: "meta",
      public: true,
      success: { status: 200, description: "The document", schema: { type: "object" } },
    },
    {
      method: "GET",
      url: "/healthz",
      operationId: "health",
      summary: "Whether the process is up",
      tag: "meta",
      public: true,
      success: { status: 200, description: "Up", schema: S.health },
    },
    ...table,
  ];
  const document = openApiDocument(docs, o.url);
  app.get("/openapi.json", async () => document);
  app.get("/healthz", async () => ({ status: "ok" }));

  for (const r of table) {
    const bodyOptional = r.body !== undefined && r.body.required === undefined;
    app.route({
      method: r.method,
      url: r.url,
      schema: {
        ...(r.params ? { params: r.params } : {}),
        ...(r.querystring ? { querystring: r.querystring } : {}),
        ...(r.body ? { body: r.body } : {}),
        response: { [r.success.status]: r.success.schema },
      },
      ...(r.public === true ? {} : { onRequest: authenticate }),
      // A body whose every field is optional may be left out entirely.
      ...(bodyOptional
        ? {
            preValidation: async (request: FastifyRequest) => {
              if (request.body === undefined || request.body === null) request.body = {};
            },
          }
        : {}),
      handler: r.handler,
    });
  }
  await app.ready();
  return app;
}
