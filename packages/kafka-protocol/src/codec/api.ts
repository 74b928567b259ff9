import type { Reader } from "./reader.js";
import type { Writer } from "./writer.js";

export interface VersionSpan {
  readonly min: number;
  readonly max: number;
}

/** What the codec knows of one API key: its stable versions and its generated codecs. */
export interface ApiDefinition<Req, Res> {
  readonly key: number;
  readonly name: string;
  /** Lowest stable version. */
  readonly minVersion: number;
  /** Highest stable version (a version the spec marks unstable is left out). */
  readonly maxVersion: number;
  /** First flexible version of the request, or -1 if it has none. */
  readonly requestFlexibleFrom: number;
  /** First flexible version of the response, or -1 if it has none. */
  readonly responseFlexibleFrom: number;
  readonly deprecatedVersions: VersionSpan | null;
  /** Which kinds of node serve this API in Kafka: "broker", "controller", "zkBroker". */
  readonly listeners: readonly string[];
  readonly readRequest: (r: Reader, v: number) => Req;
  readonly writeRequest: (w: Writer, body: Req, v: number) => void;
  readonly defaultRequest: () => Req;
  readonly readResponse: (r: Reader, v: number) => Res;
  readonly writeResponse: (w: Writer, body: Res, v: number) => void;
  readonly defaultResponse: () => Res;
}
