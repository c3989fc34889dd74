/**
 * A compiled Model as JSON and back, exactly: the what-if page (verkenner.html) carries
 * the model the CLI compiled, so the browser runs the same numbers without parsing or
 * compiling the scenario file (and without zod, mathjs or node:crypto).
 *
 * JSON alone would lose what a Model holds besides plain data: typed arrays (kept as
 * base64 of their bytes, so every double survives bit for bit, NaN included), Maps,
 * `undefined` fields, NaN, ±Infinity and -0. Each of these becomes an object with one
 * `$` key; plain objects of the model never have such keys (encoding refuses them).
 * Anything else (a function, a class instance, a Date) is refused, so a new kind of
 * field in Model fails the round-trip test instead of silently changing. Typed arrays
 * are stored in the platform's byte order (little-endian on every machine that runs
 * this, Node and browsers alike). Pure and browser-safe: no Buffer, only atob/btoa.
 */
import type { Model } from "../model/model.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const typedName = (v: unknown): TypedName | undefined =>
  ArrayBuffer.isView(v) ? (Object.keys(TYPED) as TypedName[]).find((k) => v.constructor === TYPED[k]) : undefined;

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function encodeNumber(v: number): Json {
  if (Number.isNaN(v)) return { $num: "NaN" };
  if (v === Infinity) return { $num: "Infinity" };
  if (v === -Infinity) return { $num: "-Infinity" };
  if (Object.is(v, -0)) return { $num: "-0" };
  return v;
}

function encodeValue(v: unknown, path: string): Json {
  if (v === undefined) return { $undef: 1 };
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return encodeNumber(v);
  const typed = typedName(v);
  if (typed) {
    const t = v as Typed;
    return { $ta: typed, b64: toBase64(new Uint8Array(t.buffer, t.byteOffset, t.byteLength)) };
  }
  if (Array.isArray(v)) return v.map((x, i) => encodeValue(x, `${path}[${i}]`));
  if (v instanceof Map) return { $map: [...v.entries()].map(([k, x]) => [encodeValue(k, `${path}.key`), encodeValue(x, `${path}.${String(k)}`)]) };
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith("$")) throw new Error(`model codec: key "${k}" at ${path} would be read as a tag`);
      out[k] = encodeValue(x, `${path}.${k}`);
    }
    return out;
  }
  throw new Error(`model codec: cannot encode ${Object.prototype.toString.call(v)} at ${path}`);
}

function decodeValue(v: Json): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  if ("$undef" in v) return undefined;
  if ("$num" in v) return v.$num === "-0" ? -0 : Number(v.$num);
  if ("$ta" in v) {
    const bytes = fromBase64(v.b64 as string);
    const Ctor = TYPED[v.$ta as TypedName];
    if (!Ctor) throw new Error(`model codec: unknown typed array ${String(v.$ta)}`);
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  if ("$map" in v) return new Map((v.$map as [Json, Json][]).map(([k, x]) => [decodeValue(k), decodeValue(x)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = decodeValue(x);
  return out;
}

/** The model as a JSON-able value (JSON.stringify it to embed). */
export const encodeModel = (model: Model): Json => encodeValue(model, "model");

/** The model back from encodeModel's value (after JSON.parse). */
export const decodeModel = (json: unknown): Model => decodeValue(json as Json) as Model;

export type { Json };
