/** Declared states: names, kinds, the ladder order, and entry shares over on-states. */
import { COMPILE } from "../../locale/messages-compile.js";
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
    if (byName.has(s.name)) fail(ctx, `states[${i}].name`, ...COMPILE.stateTwice(s.name));
    byName.set(s.name, i);
  });
  const known = [...byName.keys()].map((k) => `"${k}"`).join(", ");
  const kind = Uint8Array.from(states, (d) => kindCode(d.kind));
  if (!states.some((d) => d.kind === "on")) fail(ctx, "states", ...COMPILE.noOnState);
  return {
    states,
    kind,
    known,
    index: (name, path) => byName.get(name) ?? fail(ctx, path, ...COMPILE.unknownState(name, known)),
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
    if (decl.kind[d] !== KIND_ON) fail(ctx, `ladder[${k}]`, ...COMPILE.ladderNotOn(name));
    if (rank[d] >= 0) fail(ctx, `ladder[${k}]`, ...COMPILE.ladderTwice(name));
    rank[d] = k;
  });
  return rank;
}

/** Exit states are absorbing: nothing may move out of one. */
export function checkNotFromExit(decl: Declared, from: number, path: string, ctx: Context): void {
  if (decl.kind[from] === KIND_EXIT) {
    fail(ctx, path, ...COMPILE.fromExit(decl.states[from].name));
  }
}

/** Shares over on-states (where entrants or returners go), summing to 1. */
export function entryShares(shares: Record<string, number>, path: string, decl: Declared, ctx: Context): Float64Array {
  const out = new Float64Array(decl.states.length);
  for (const [name, share] of Object.entries(shares)) {
    const d = decl.index(name, `${path}.${name}`);
    if (decl.kind[d] !== KIND_ON) fail(ctx, `${path}.${name}`, ...COMPILE.entryNotOn(name));
    out[d] = share;
  }
  const sum = out.reduce((s, v) => s + v, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(ctx, path, ...COMPILE.entrySum(sum));
  return out;
}
