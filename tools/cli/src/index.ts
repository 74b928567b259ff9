export * from "./metadata.js";
export { renderTable } from "./table.js";
