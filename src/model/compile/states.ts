/** Declared states: names, kinds, the ladder order, and entry shares over on-states. */
import { KIND_EXIT, KIND_ON, kindCode, type DeclaredState } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, SUM_TOLERANCE, type Context } from "./context.js";

export interface Declared {
  readonly states: DeclaredState[];
  /** Kind code per declared state. */
  readonly kind: Uint8Array;
  /** The declared names, quoted, for messages. */
  readonly known: string;
  /** Index of a declared state; an unknown name is an error at `path`. */
  index(name: string, path: string): number;
}

export function compileDeclared(spec: ScenarioFile, ctx: Context): Declared {
  const states: DeclaredState[] = spec.states.map((s) => ({ name: s.name, label: s.label ?? s.name, kind: s.kind, source: s.source, note: s.note }));
  const byName = new Map<string, number>();
  spec.states.forEach((s, i) => {
    if (byName.has(s.name)) fail(ctx, `states[${i}].name`, `state "${s.name}" is declared twice`, "give every state a unique name");
    byName.set(s.name, i);
  });
  const known = [...byName.keys()].map((k) => `"${k}"`).join(", ");
  const kind = Uint8Array.from(states, (d) => kindCode(d.kind));
  if (!states.some((d) => d.kind === "on")) fail(ctx, "states", "no state has kind \"on\"", "mark the bijstand states with \"kind\": \"on\"");
  return {
    states,
    kind,
    known,
    index: (name, path) => byName.get(name) ?? fail(ctx, path, `unknown state "${name}"`, `use one of the declared states: ${known}`),
  };
}

/** Rung per declared state (for the effects "up" and "down"): the explicit ladder, else the order of the on-states. */
export function compileLadder(ladder: string[] | undefined, decl: Declared, ctx: Context): Int32Array {
  const rank = new Int32Array(decl.states.length).fill(-1);
  if (!ladder) {
    decl.kind.forEach((k, d) => k === KIND_ON && (rank[d] = d));
    return rank;
  }
  ladder.forEach((name, k) => {
    const d = decl.index(name, `ladder[${k}]`);
    if (decl.kind[d] !== KIND_ON) fail(ctx, `ladder[${k}]`, `"${name}" is not an on-bijstand state`, "list on-states only, from the lowest rung to the highest");
    if (rank[d] >= 0) fail(ctx, `ladder[${k}]`, `"${name}" is listed twice`, "list every rung once");
    rank[d] = k;
  });
  return rank;
}

/** Exit states are absorbing: nothing may move out of one. */
export function checkNotFromExit(decl: Declared, from: number, path: string, ctx: Context): void {
  if (decl.kind[from] === KIND_EXIT) {
    fail(ctx, path, `"${decl.states[from].name}" is an exit state and exit states are absorbing`, "remove transitions out of it, or make it kind \"off\"");
  }
}

/** Shares over on-states (where entrants or returners go), summing to 1. */
export function entryShares(shares: Record<string, number>, path: string, decl: Declared, ctx: Context): Float64Array {
  const out = new Float64Array(decl.states.length);
  for (const [name, share] of Object.entries(shares)) {
    const d = decl.index(name, `${path}.${name}`);
    if (decl.kind[d] !== KIND_ON) fail(ctx, `${path}.${name}`, `"${name}" is not an on-bijstand state`, "people enter bijstand in states of kind \"on\"");
    out[d] = share;
  }
  const sum = out.reduce((s, v) => s + v, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(ctx, path, `the shares sum to ${sum}, not 1`, "make the entry distribution sum to 1");
  return out;
}
