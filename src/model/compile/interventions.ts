/**
 * Interventions in the scenario file -> participant layers in the compiled model.
 *
 * Participants are explicit sub-states: for every regular compiled state of a target
 * state there is a chain "month 1..D in traject" followed by "month 1..M after it"
 * (while an after-effect lasts). Capacity, duration and costs are then exact
 * quantities of the cohort, not fractions applied to a whole state.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import { centreNote } from "../distributions/index.js";
import {
  KIND_OFF,
  KIND_ON,
  type CompiledState,
  type DurationBands,
  type Intervention,
  type InterventionEffect,
  type Layer,
  type Model,
  type Reinflow,
} from "../model.js";
import { LIMITS } from "../limits.js";
import { MSG } from "../messages.js";
import type { InterventionSpec, ScenarioFile } from "../schema.js";
import { fail as failAt, type Context } from "./context.js";
import type { Declared } from "./states.js";

type Decay = InterventionSpec["effects"][number]["decay"];

/** Effect weight in month `j` after the traject (1-based) for a decay rule. */
export function decayWeight(decay: Decay, j: number): number {
  if (decay.type === "linear") return Math.max(0, 1 - j / (decay.months ?? 12));
  if (decay.type === "exponential") return j <= afterMonths(decay) ? 0.5 ** (j / decay.half_life_months!) : 0;
  return 0;
}

/** How many months after the traject an effect still acts. */
function afterMonths(decay: Decay): number {
  if (decay.type === "linear") return Math.max(0, (decay.months ?? 12) - 1);
  if (decay.type === "exponential") return decay.months ?? Math.ceil(5 * decay.half_life_months!);
  return 0;
}

/** Month (0-based from the model start) of a period "2022" (January) or "2022-07". */
function periodMonth(period: string, startYear: number): number {
  const [y, m] = period.split("-").map(Number);
  return (y - startYear) * 12 + ((m ?? 1) - 1);
}

/** What the interventions are compiled against: the declared states and the regular compiled states. */
export interface Regular {
  decl: Declared;
  states: readonly CompiledState[];
  bands: DurationBands | undefined;
  reinflow: readonly (Reinflow | null)[];
}

export interface CompiledInterventions {
  interventions: Intervention[];
  /** layers[0] is the regular layer (no intervention). */
  layers: Layer[];
  /** The participant sub-states, in order after the regular states. */
  layerStates: CompiledState[];
  combinations: Model["combinations"];
  notes: string[];
}

type Spec = InterventionSpec;

/** The interventions and combinations of a file, with their participant layers. */
export function compileInterventions(spec: ScenarioFile, regular: Regular, ctx: Context): CompiledInterventions {
  const layers: Layer[] = [{ intervention: -1, month: 0, inTraject: false, weights: new Float64Array(0) }];
  const notes: string[] = [];
  const interventions: Intervention[] = spec.interventions.map((iv, p) => {
    const path = `interventions[${p}]`;
    if (spec.interventions.slice(0, p).some((x) => x.name === iv.name)) failAt(ctx, `${path}.name`, ...COMPILE.interventionTwice(iv.name));
    const compiled = compileIntervention(iv, path, layers.length, regular, ctx);
    notes.push(...yearlyRounding(iv, path, ctx));
    // A start before the projection is clipped to it: the trajects of before are not in the starting stock.
    if (periodMonth(iv.start, ctx.startYear) < 0) notes.push(COMPILE.startsBeforeProjection(`${path}.start`, iv.start, ctx.startYear));
    if (compiled.kind === "traject") layers.push(...traject(iv, p, compiled, ctx.cycleMonths));
    return compiled;
  });
  for (const iv of interventions) {
    iv.effects.forEach((e) => notes.push(...centreNote(e.value, e.distribution, e.path)));
    // A factor of 25 meant as +25% (1.25): the evidence on guidance is 1.05-1.2, so beyond 3 (or below 1/3) it is asked.
    iv.effects.forEach((e) => (e.value > 3 || e.value < 1 / 3) && notes.push(COMPILE.largeEffectSize(e.path, e.value, e.measure)));
    if (iv.inflow) notes.push(...centreNote(iv.inflow.value, iv.inflow.distribution, iv.inflow.path));
  }
  checkLayerStates(interventions, regular.states, ctx);
  const layerStates = participantStates(interventions, regular.states);
  return { interventions, layers, layerStates, combinations: compileCombinations(spec, interventions, ctx), notes };
}

function compileIntervention(iv: Spec, path: string, firstLayer: number, regular: Regular, ctx: Context): Intervention {
  const cm = ctx.cycleMonths;
  const targets = compileTargets(iv, path, regular.decl, ctx);
  const start = periodMonth(iv.start, ctx.startYear);
  const end = periodMonth(iv.end.includes("-") ? iv.end : `${iv.end}-12`, ctx.startYear);
  if (end < start) failAt(ctx, `${path}.end`, ...COMPILE.endsBeforeStart(iv.end, iv.start));
  const places = compilePlaces(iv.capacity, path, ctx);
  const { effects, inflow } = compileEffects(iv, path, targets, places, regular.decl, ctx);
  const durationCycles = Math.ceil(iv.duration_months / cm);
  const postCycles = Math.ceil(Math.max(0, ...iv.effects.map((e) => afterMonths(e.decay))) / cm);
  const eligible = eligibleStates(iv, path, targets, regular, ctx);
  const costRanges = iv.costs.range ?? {};
  for (const key of Object.keys(costRanges)) {
    if (!["per_start", "per_participant_month"].includes(key)) failAt(ctx, `${path}.costs.range.${key}`, ...COMPILE.noCostRange(key));
  }
  return {
    kind: inflow ? "prevention" : "traject",
    name: iv.name,
    label: iv.label,
    targets,
    eligible,
    startCycle: Math.floor(start / cm) + 1,
    endCycle: Math.floor(end / cm) + 1,
    places: places ?? 0,
    startsPerCycle: ((iv.capacity.starts_per_year ?? 0) * cm) / 12,
    durationCycles,
    postCycles,
    effects,
    inflow,
    costs: {
      perStart: iv.costs.per_start,
      perParticipantCycle: iv.costs.per_participant_month * cm,
      events: iv.costs.events.map((e) => ({ amount: e.amount, afterCycles: Math.round(e.after_months / cm) })),
    },
    costRanges,
    layerEntry: new Int32Array(regular.states.length).fill(-1),
    firstLayer,
    path,
  };
}

/** Target states: on-bijstand states, or an off state for aftercare. */
function compileTargets(iv: Spec, path: string, decl: Declared, ctx: Context): Uint8Array {
  const targets = new Uint8Array(decl.states.length);
  iv.targets.forEach((name, k) => {
    const d = decl.index(name, `${path}.targets[${k}]`);
    if (decl.kind[d] !== KIND_ON && decl.kind[d] !== KIND_OFF) {
      failAt(ctx, `${path}.targets[${k}]`, ...COMPILE.targetExit(name));
    }
    targets[d] = 1;
  });
  return targets;
}

/** Concurrent places: given, or coaches x caseload; undefined when neither is given. */
function compilePlaces(cap: Spec["capacity"], path: string, ctx: Context): number | undefined {
  const byCoaches = cap.coaches !== undefined || cap.caseload !== undefined;
  if (byCoaches && (cap.coaches === undefined || cap.caseload === undefined)) {
    failAt(ctx, `${path}.capacity`, ...COMPILE.coachesCaseload);
  }
  return cap.places ?? (byCoaches ? cap.coaches! * cap.caseload! : undefined);
}

function measureOf(e: Spec["effects"][number], epath: string, ctx: Context): { measure: "hr" | "rr"; value: number } {
  if ((e.hazard_ratio === undefined) === (e.relative_risk === undefined)) {
    failAt(ctx, epath, ...COMPILE.oneMeasure);
  }
  if (e.decay.type === "exponential" && e.decay.half_life_months === undefined) failAt(ctx, `${epath}.decay`, ...COMPILE.halfLife);
  return e.hazard_ratio !== undefined ? { measure: "hr", value: e.hazard_ratio } : { measure: "rr", value: e.relative_risk! };
}

/** Effects on moves (a traject), or the share of reached persons that still flows in (prevention). */
function compileEffects(iv: Spec, path: string, targets: Uint8Array, places: number | undefined, decl: Declared, ctx: Context): Pick<Intervention, "effects" | "inflow"> {
  const cap = iv.capacity;
  const inflowEffects = iv.effects.filter((e) => e.target === "inflow");
  if (inflowEffects.length > 0) {
    if (inflowEffects.length !== iv.effects.length || iv.effects.length > 1) {
      failAt(ctx, `${path}.effects`, ...COMPILE.preventionAlone);
    }
    if (cap.starts_per_year === undefined) failAt(ctx, `${path}.capacity`, ...COMPILE.preventionStarts);
    const value = measureOf(iv.effects[0], `${path}.effects[0]`, ctx).value;
    if (value > 1) {
      failAt(ctx, `${path}.effects[0]`, ...COMPILE.preventionAdds(value));
    }
    return { effects: [], inflow: { value, distribution: iv.effects[0].distribution, path: `${path}.effects[0]` } };
  }
  if (places === undefined) failAt(ctx, `${path}.capacity`, ...COMPILE.placesOrCoaches);
  const effects = iv.effects.map((e, k): InterventionEffect => {
    const epath = `${path}.effects[${k}]`;
    const { measure, value } = measureOf(e, epath, ctx);
    const target = effectTarget(e.target, epath, targets, decl, ctx);
    return { target, measure, value, distribution: e.distribution, path: epath };
  });
  return { effects, inflow: undefined };
}

function effectTarget(t: Spec["effects"][number]["target"], epath: string, targets: Uint8Array, decl: Declared, ctx: Context): InterventionEffect["target"] {
  let target: InterventionEffect["target"];
  if (typeof t === "string") target = { kind: t as "outflow_work" };
  else {
    const from = decl.index(t.from, `${epath}.target.from`);
    const to = decl.index(t.to, `${epath}.target.to`);
    if (!targets[from]) failAt(ctx, `${epath}.target.from`, ...COMPILE.fromNotTarget(t.from));
    if (from === to) failAt(ctx, `${epath}.target`, ...COMPILE.stayingPut);
    target = { kind: "cell", from, to };
  }
  // An effect that no move out of a target state can carry would silently do nothing.
  const fromKinds = decl.states.map((_, d) => d).filter((d) => targets[d]).map((d) => decl.kind[d]);
  const needs = target.kind === "reinflow" ? KIND_OFF : target.kind === "cell" ? -1 : KIND_ON;
  if (needs >= 0 && !fromKinds.includes(needs)) {
    failAt(ctx, `${epath}.target`, ...COMPILE.noTargetOfKind(target.kind, needs !== KIND_OFF));
  }
  return target;
}

/** With a yearly cycle: what the intervention's months round to. */
function yearlyRounding(iv: Spec, path: string, ctx: Context): string[] {
  const cm = ctx.cycleMonths;
  if (cm === 1) return [];
  const durationCycles = Math.ceil(iv.duration_months / cm);
  const rounded = [
    ...(iv.duration_months % cm ? [`duration_months ${iv.duration_months} -> ${durationCycles * cm}`] : []),
    ...(iv.costs?.events ?? []).filter((e) => e.after_months % cm).map((e) => `after_months ${e.after_months} -> ${Math.round(e.after_months / cm) * cm}`),
    ...iv.effects.filter((e) => e.decay.type !== "none").map(() => COMPILE.afterEffectYears),
  ];
  return rounded.length ? [COMPILE.yearlyRounding(path, [...new Set(rounded)].join("; "))] : [];
}

/** The layers of a traject: months 1..D in traject (full effect), then the decaying after-effect. */
function traject(iv: Spec, p: number, compiled: Intervention, cm: number): Layer[] {
  const { durationCycles, postCycles } = compiled;
  return Array.from({ length: durationCycles + postCycles }, (_, k) => {
    const j = k + 1;
    const inTraject = j <= durationCycles;
    const weights = Float64Array.from(iv.effects, (e) => (inTraject ? 1 : decayWeight(e.decay, (j - durationCycles) * cm)));
    return { intervention: p, month: j, inTraject, weights };
  });
}

/**
 * Regular states participants are selected from: those of on-targets (long enough on
 * bijstand when `min_months_on_bijstand` is set); of off-targets only the first cycle
 * after leaving (aftercare starts at exit).
 */
function eligibleStates(iv: Spec, path: string, targets: Uint8Array, regular: Regular, ctx: Context): Int32Array {
  const { bands, decl } = regular;
  const minMonths = iv.min_months_on_bijstand;
  if (minMonths !== undefined && minMonths > 0) {
    if (!bands) failAt(ctx, `${path}.min_months_on_bijstand`, ...COMPILE.needsBands);
    if (!bands!.lowerMonths.includes(minMonths)) {
      failAt(ctx, `${path}.min_months_on_bijstand`, ...COMPILE.notBandEdge(minMonths, bands!.lowerMonths.join(", ")));
    }
  }
  const eligible: number[] = [];
  regular.states.forEach((st, b) => {
    if (!targets[st.declared]) return;
    if (minMonths !== undefined && st.band >= 0 && bands!.lowerMonths[st.band] < minMonths) return;
    const isOff = decl.kind[st.declared] === KIND_OFF;
    if (isOff && regular.reinflow[st.declared] === null) {
      failAt(ctx, `${path}.targets`, ...COMPILE.noReinflowProfile(decl.states[st.declared].name));
    }
    if (!isOff || st.tunnel === 1) eligible.push(b);
  });
  return Int32Array.from(eligible);
}

/**
 * The participant sub-states are months in traject (and after it, while an effect
 * decays) times the regular states of the targets: refused before they are built when
 * they would pass LIMITS.compiledStates, naming the intervention that adds the most.
 */
function checkLayerStates(interventions: readonly Intervention[], regular: readonly CompiledState[], ctx: Context): void {
  const per = interventions.map((iv) => (iv.kind === "traject" ? (iv.durationCycles + iv.postCycles) * regular.filter((st) => iv.targets[st.declared]).length : 0));
  const total = regular.length + per.reduce((a, b) => a + b, 0);
  if (total <= LIMITS.compiledStates) return;
  const worst = per.indexOf(Math.max(0, ...per));
  if (worst < 0 || per[worst] < regular.length) failAt(ctx, "states", MSG.tooManyRegular(total, LIMITS.compiledStates, regular.length), MSG.tooManyRegularFix);
  failAt(ctx, interventions[worst].path, MSG.tooManyStates(total, LIMITS.compiledStates, per[worst]), MSG.tooManyStatesFix);
}

/**
 * Participant sub-states: for each traject, each regular state of a target, months
 * 1..D+M contiguous after the regular states. Sets each intervention's `layerEntry`.
 */
function participantStates(interventions: Intervention[], regular: readonly CompiledState[]): CompiledState[] {
  const out: CompiledState[] = [];
  const nb = regular.length;
  for (const iv of interventions) {
    const months = iv.kind === "traject" ? iv.durationCycles + iv.postCycles : 0;
    if (months === 0) continue;
    regular.forEach((st, b) => {
      if (!iv.targets[st.declared]) return;
      iv.layerEntry[b] = nb + out.length;
      for (let j = 1; j <= months; j++) {
        const when = j <= iv.durationCycles ? `traject ${j}` : `na ${j - iv.durationCycles}`;
        out.push({ ...st, name: `${st.name} [${iv.name} ${when}]`, base: b, layer: iv.firstLayer + j - 1 });
      }
    });
  }
  return out;
}

function compileCombinations(spec: ScenarioFile, interventions: Intervention[], ctx: Context): Model["combinations"] {
  const combinations = spec.combinations.map((c, k) => ({
    name: c.name,
    label: c.label,
    members: c.interventions.map((name, i) => {
      const p = interventions.findIndex((x) => x.name === name);
      if (p < 0) failAt(ctx, `combinations[${k}].interventions[${i}]`, ...COMPILE.unknownIntervention(name, interventions.map((x) => x.name).join(", ")));
      return p;
    }),
  }));
  for (const c of combinations) {
    if (interventions.some((x) => x.name === c.name)) failAt(ctx, "combinations", ...COMPILE.bothInterventionAndCombination(c.name));
  }
  return combinations;
}
