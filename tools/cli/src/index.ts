export * from "./fleet.js";
export * from "./metadata.js";
export { renderTable } from "./table.js";
