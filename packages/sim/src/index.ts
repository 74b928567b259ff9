export { Checker, type Observed, Violation } from "./checker.js";
export { type DiskWrite, SimDisk } from "./disk.js";
export { describeMessage } from "./format.js";
export { Interaction } from "./interaction.js";
export { CALM, Links, Network, type NetworkFaults } from "./network.js";
export { Scheduler } from "./scheduler.js";
export {
  FAULT_KINDS,
  type FaultKind,
  planFor,
  replayCommand,
  runSeed,
  type SimOptions,
  type SimResult,
  Simulation,
} from "./simulation.js";
export { applyEntry, decodeState, encodeState, INITIAL_STATE, type MachineState } from "./state-machine.js";
