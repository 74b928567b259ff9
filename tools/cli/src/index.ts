export * from "./fleet.js";
export * from "./http.js";
export * from "./metadata.js";
export { renderTable } from "./table.js";
export * from "./tenants.js";
