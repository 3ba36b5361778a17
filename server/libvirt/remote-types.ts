import {
  array,
  double,
  hyper,
  int,
  intBool,
  opaqueFixed,
  optional,
  string,
  struct,
  uhyper,
  uint,
  union,
  type Codec,
  type Out,
} from './xdr/index.js';
import { REMOTE_STRING_MAX } from './protocol.js';

// Shared codecs of remote_protocol.x: strings, object references, errors, typed parameters.

export const nonnullString = string(REMOTE_STRING_MAX);
export const nullableString = optional(nonnullString);
export const uuidCodec = opaqueFixed(16);

export const domainRef = struct({ name: nonnullString, uuid: uuidCodec, id: int });
export const networkRef = struct({ name: nonnullString, uuid: uuidCodec });
export const interfaceRef = struct({ name: nonnullString, mac: nonnullString });
export const storagePoolRef = struct({ name: nonnullString, uuid: uuidCodec });
export const storageVolRef = struct({ pool: nonnullString, name: nonnullString, key: nonnullString });
export const domainSnapshotRef = struct({ name: nonnullString, dom: domainRef });

/** `remote_nonnull_domain`: a domain as libvirt names it on the wire. */
export type DomainRef = Out<typeof domainRef>;
export type NetworkRef = Out<typeof networkRef>;
export type StoragePoolRef = Out<typeof storagePoolRef>;
export type StorageVolRef = Out<typeof storageVolRef>;
export type DomainSnapshotRef = Out<typeof domainSnapshotRef>;

export const remoteError = struct({
  code: int,
  domain: int,
  message: nullableString,
  level: int,
  dom: optional(domainRef),
  str1: nullableString,
  str2: nullableString,
  str3: nullableString,
  int1: int,
  int2: int,
  net: optional(networkRef),
});

export const authTypeList = struct({ types: array(int, 20) });

/** virTypedParameterType */
export const TypedParamType = {
  INT: 1,
  UINT: 2,
  LLONG: 3,
  ULLONG: 4,
  DOUBLE: 5,
  BOOLEAN: 6,
  STRING: 7,
} as const;

export const typedParamValue = union({
  1: int,
  2: uint,
  3: hyper,
  4: uhyper,
  5: double,
  6: intBool,
  7: nonnullString,
});

export const typedParam = struct({ field: nonnullString, value: typedParamValue });
export type TypedParam = Out<typeof typedParam>;
export type TypedParamScalar = number | bigint | boolean | string;

/** Turns typed parameters into a plain object keyed by field name (`{ 'state.state': 1, 'balloon.current': 131072n }`). */
export function typedParamsToObject(params: readonly TypedParam[]): Record<string, TypedParamScalar> {
  const out: Record<string, TypedParamScalar> = {};
  for (const p of params) out[p.field] = p.value.value;
  return out;
}

export function typedParams(max: number): Codec<TypedParam[], readonly TypedParam[]> {
  return array(typedParam, max);
}

