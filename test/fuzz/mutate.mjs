// Mutants of a scenario file, deterministic for a seed (docs/fuzz.md). Each mutant is
// the shipped file with one to three changes: a number pushed to an extreme or made a
// string, a field removed, duplicated or renamed, a type swapped, a name with control
// characters, a list emptied or blown up; a few are damaged as text (cut off, UTF-16,
// binary). The JSON is written by our own writer so that a key can appear twice.

/** A small fast PRNG (mulberry32): the same seed gives the same mutants on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

/** A number written as raw JSON text (e.g. 1e999, which parses as Infinity). */
class Raw {
  constructor(text) {
    this.text = text;
  }
}
/** An extra entry of an object, written after its own (a duplicate key). */
const DUPLICATES = Symbol("duplicates");

const EXTREMES = [0, -1, -0.5, 1e308, -1e308, 1e-320, 5e-324, 1e15, 1e20, 2 ** 53, 1e9, 1.5, 0.999999, 12345.678, 1e6, 1200, 1201, 100, 0.1, 1e-9, 3e9];
const RAW_NUMBERS = ["1e999", "-1e999", "1E400", "0.0000000000000000000000000001", "123456789012345678901234567890"];
const BAD_STRINGS = ["", "NaN", "1e308", "12", "abc", "\u0000", "x\u001b[31mrood\u001b[0m", "a\nb\rc", "=HYPERLINK(\"http://x\")", "+1", "-1-1", "@SUM(A1)", "\u202egnp.exe", "é\u00a0ü", "x".repeat(5000), "\ud800"];
const SWAPS = [null, true, [], {}, "tekst", 0, [1, 2, 3], { a: 1 }];

/** Every path in a value: [path, value] for objects' keys and arrays' items. */
function paths(value, path = [], out = []) {
  out.push([path, value]);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...path, i], out));
  else if (value && typeof value === "object" && !(value instanceof Raw)) for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
  return out;
}

function parentOf(root, path) {
  let v = root;
  for (const k of path.slice(0, -1)) v = v[k];
  return v;
}

function set(root, path, value) {
  if (path.length === 0) return value;
  parentOf(root, path)[path[path.length - 1]] = value;
  return root;
}

/** One change to `doc` (a deep copy), chosen with `r`; returns the new document and a description. */
function mutateOnce(doc, r) {
  const all = paths(doc).filter(([p]) => p.length > 0);
  const numbers = all.filter(([, v]) => typeof v === "number");
  const strings = all.filter(([, v]) => typeof v === "string");
  const keyed = all.filter(([p]) => typeof p[p.length - 1] === "string");
  const arrays = all.filter(([, v]) => Array.isArray(v));
  const op = r.pick(["nudge", "nudge", "nudge", "nudge", "extreme", "extreme", "extreme", "raw", "numstring", "remove", "remove", "duplicate", "rename", "swap", "swap", "string", "string", "array"]);
  if (op === "nudge" && numbers.length) {
    const [p, v] = r.pick(numbers);
    const next = v * r.pick([0, 0.5, 2, 10, 100, 1e-3, -1]);
    return { doc: set(doc, p, next), what: `${p.join(".")} = ${next}` };
  }
  if ((op === "extreme" || op === "raw" || op === "numstring") && numbers.length) {
    const [p] = r.pick(numbers);
    const v = op === "extreme" ? r.pick(EXTREMES) * (r.next() < 0.2 ? -1 : 1) : op === "raw" ? new Raw(r.pick(RAW_NUMBERS)) : r.pick(["NaN", "Infinity", String(r.pick(EXTREMES)), "1.000,5", "0x10"]);
    return { doc: set(doc, p, v), what: `${p.join(".")} = ${v instanceof Raw ? v.text : JSON.stringify(v)}` };
  }
  if (op === "remove" && keyed.length) {
    const [p] = r.pick(keyed);
    delete parentOf(doc, p)[p[p.length - 1]];
    return { doc, what: `remove ${p.join(".")}` };
  }
  if (op === "duplicate" && keyed.length) {
    const [p, v] = r.pick(keyed);
    const parent = parentOf(doc, p);
    parent[DUPLICATES] = [...(parent[DUPLICATES] ?? []), [p[p.length - 1], r.next() < 0.5 ? v : r.pick(SWAPS)]];
    return { doc, what: `duplicate ${p.join(".")}` };
  }
  if (op === "rename" && keyed.length) {
    const [p, v] = r.pick(keyed);
    const parent = parentOf(doc, p);
    const key = p[p.length - 1];
    delete parent[key];
    const renamed = r.pick([`${key}x`, key.toUpperCase(), key.replace(/_/g, "-"), ` ${key}`, `${key}\u0000`, "__proto__", "constructor"]);
    parent[renamed] = v;
    return { doc, what: `rename ${p.join(".")} -> ${JSON.stringify(renamed)}` };
  }
  if (op === "swap" && all.length) {
    const [p] = r.pick(all);
    const v = r.pick(SWAPS);
    return { doc: set(doc, p, structuredClone(v)), what: `${p.join(".")} = ${JSON.stringify(v)}` };
  }
  if (op === "string" && strings.length) {
    const [p] = r.pick(strings);
    const v = r.pick(BAD_STRINGS);
    return { doc: set(doc, p, v), what: `${p.join(".")} = ${JSON.stringify(v.slice(0, 30))}` };
  }
  if (op === "array" && arrays.length) {
    const [p, v] = r.pick(arrays);
    const how = r.pick(["empty", "double", "drop", "blow"]);
    const next = how === "empty" ? [] : how === "double" ? [...v, ...structuredClone(v)] : how === "drop" ? v.slice(1) : Array.from({ length: 600 }, () => structuredClone(v[0] ?? 1));
    return { doc: set(doc, p, next), what: `${p.join(".")}: ${how}` };
  }
  const [p] = r.pick(all);
  return { doc: set(doc, p, 1e308), what: `${p.join(".")} = 1e308` };
}

/** JSON text of a document with Raw numbers and duplicate keys. */
export function write(value) {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(write).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = [...Object.entries(value), ...(value[DUPLICATES] ?? [])];
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(",")}}`;
  }
  return value === undefined ? "null" : JSON.stringify(value);
}

/** The text of a mutant damaged as a file rather than as JSON. */
function damage(text, r) {
  const how = r.pick(["cut", "utf16", "binary", "bom", "comment", "nul"]);
  if (how === "cut") return { bytes: Buffer.from(text.slice(0, r.int(text.length))), what: "cut off" };
  if (how === "utf16") return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), what: "UTF-16" };
  if (how === "binary") return { bytes: Buffer.from(Array.from({ length: 2000 }, () => r.int(256))), what: "binary" };
  if (how === "bom") return { bytes: Buffer.from(`\ufeff${text}`), what: "UTF-8 BOM" };
  if (how === "comment") return { bytes: Buffer.from(text.replace("{", "{ // x\n")), what: "comment" };
  return { bytes: Buffer.from(text.replace(/"name"/, '"na\u0000me"')), what: "NUL in a key" };
}

/** The run options of a mutant: mostly a cohort run, sometimes PSA, microsimulation or the report. */
function optionsFor(r, file) {
  const roll = r.next();
  const small = file.includes("nederland") ? ["--persons-scale", "0.02"] : ["--persons-scale", "0.3"];
  if (roll < 0.1) return ["--mode", "psa", "--runs", "3", "--workers", "1"];
  if (roll < 0.16) return ["--mode", "microsim", "--runs", "1", "--workers", "1", ...small];
  if (roll < 0.18) return ["--report"];
  if (roll < 0.2) return r.pick([["--horizon", "100"], ["--scenario", "\u001b[2J"], ["--variant", "x".repeat(300)], ["--horizon", "0"], ["--runs", "0"], ["--mode", "psa", "--runs", "2", "--workers", "1", "--draws"]]);
  return [];
}

/**
 * `n` mutants of the given scenario files (name and text), for `seed`: each
 * { id, name, bytes, args, what }.
 */
export function* mutants(files, { seed = 1, n = 100 } = {}) {
  const r = rng(seed);
  for (let id = 0; id < n; id++) {
    const { name, text } = files[id % files.length];
    let doc = JSON.parse(text);
    const what = [];
    const changes = r.next() < 0.6 ? 1 : 2 + r.int(2);
    for (let k = 0; k < changes; k++) {
      const m = mutateOnce(doc, r);
      doc = m.doc;
      what.push(m.what);
    }
    let bytes = Buffer.from(write(doc));
    if (r.next() < 0.04) {
      const d = damage(bytes.toString(), r);
      bytes = d.bytes;
      what.push(d.what);
    }
    yield { id, name, bytes, args: optionsFor(r, name), what: what.join("; ") };
  }
}
