export * from "./client.js";
export * from "./control.js";
export * from "./fleet.js";
export * from "./format.js";
export * from "./leftovers.js";
export * from "./paths.js";
export * from "./ports.js";
export * from "./supervisor.js";
