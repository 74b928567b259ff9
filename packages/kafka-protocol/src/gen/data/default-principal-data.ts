// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DefaultPrincipalData (data): versions 0.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface DefaultPrincipalData {
  /** The principal type Versions 0. */
  type: string;
  /** The principal name Versions 0. */
  name: string;
  /** Whether the principal was authenticated by a delegation token on the forwarding broker. Versions 0. */
  tokenAuthenticated: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDefaultPrincipalData(): DefaultPrincipalData {
  return {
    type: "",
    name: "",
    tokenAuthenticated: false,
  };
}

export function readDefaultPrincipalData(r: Reader, v: number): DefaultPrincipalData {
  const flex = true;
  const type = r.compactString();
  const name = r.compactString();
  const tokenAuthenticated = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DefaultPrincipalData = {
    type,
    name,
    tokenAuthenticated,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDefaultPrincipalData(w: Writer, o: DefaultPrincipalData, v: number): void {
  const flex = true;
  w.compactString(o.type);
  w.compactString(o.name);
  w.bool(o.tokenAuthenticated);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
