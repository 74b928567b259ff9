export { buildApp, type ControlPlaneAppOptions, tokenMatcher, validationIssue } from "./app.js";
export { openApiDocument, openApiPath, type RouteDoc } from "./openapi.js";
export { httpStatusOf, PROBLEM_CONTENT_TYPE, type Problem, ProblemError } from "./problem.js";
export { type ControllerClient, type ImageSource, type RouteContext, routes } from "./routes.js";
export { type ControlPlaneConfig, controlPlaneConfigSchema, startControlPlane } from "./service.js";
export * from "./views.js";
