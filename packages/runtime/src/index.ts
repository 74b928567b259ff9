export { type Clock, ManualClock, SystemClock, type Timer } from "./clock.js";
export { CryptoRandom, type Random, SeededRandom } from "./random.js";
