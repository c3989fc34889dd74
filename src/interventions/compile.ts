/**
 * Interventions in the scenario file -> participant layers in the compiled model.
 *
 * Participants are explicit sub-states: for every regular compiled state of a target
 * state there is a chain "month 1..D in traject" followed by "month 1..M after it"
 * (while an after-effect lasts). Capacity, duration and costs are then exact
 * quantities of the cohort, not fractions applied to a whole state.
 */
import { InputError } from "../model/errors.js";
import {
  KIND_OFF,
  KIND_ON,
  type CompiledState,
  type Intervention,
  type InterventionEffect,
  type Layer,
  type Model,
} from "../model/model.js";
import type { InterventionSpec, ScenarioFile } from "../model/schema.js";
import { centreNote } from "../model/centre.js";

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

/**
 * Adds intervention layers to a compiled model whose states are all regular.
 * Mutates and returns the model (called once, inside compilation).
 */
export function attachInterventions(model: Model, spec: ScenarioFile): Model {
  const file = model.file;
  const fail = (path: string, message: string, fix = ""): never => {
    throw new InputError(file, path, message, fix);
  };
  const m = model.declared.length;
  const nb = model.baseCount;
  const index = new Map(model.declared.map((d, i) => [d.name, i]));
  const known = model.declared.map((d) => `"${d.name}"`).join(", ");
  const stateIndex = (name: string, path: string): number =>
    index.get(name) ?? fail(path, `unknown state "${name}"`, `use one of the declared states: ${known}`);
  const layers: Layer[] = [{ intervention: -1, month: 0, inTraject: false, weights: new Float64Array(0) }];
  const states: CompiledState[] = model.states;
  const cm = model.cycleMonths;

  const interventions: Intervention[] = spec.interventions.map((iv, p) => {
    const path = `interventions[${p}]`;
    if (spec.interventions.slice(0, p).some((x) => x.name === iv.name)) fail(`${path}.name`, `intervention "${iv.name}" is declared twice`, "give every intervention a unique name");
    const targets = new Uint8Array(m);
    iv.targets.forEach((name, k) => {
      const d = stateIndex(name, `${path}.targets[${k}]`);
      if (model.declaredKind[d] !== KIND_ON && model.declaredKind[d] !== KIND_OFF) {
        fail(`${path}.targets[${k}]`, `"${name}" is an exit state`, "target on-bijstand states, or an off state for aftercare (nazorg)");
      }
      targets[d] = 1;
    });
    const start = periodMonth(iv.start, model.startYear);
    const endPeriod = iv.end.includes("-") ? iv.end : `${iv.end}-12`;
    const end = periodMonth(endPeriod, model.startYear);
    if (end < start) fail(`${path}.end`, `ends (${iv.end}) before it starts (${iv.start})`, "make end the same as or later than start");

    const cap = iv.capacity;
    const byCoaches = cap.coaches !== undefined || cap.caseload !== undefined;
    if (byCoaches && (cap.coaches === undefined || cap.caseload === undefined)) {
      fail(`${path}.capacity`, "coaches and caseload go together", "give both, e.g. {\"coaches\": 2, \"caseload\": 50}");
    }
    const places = cap.places ?? (byCoaches ? cap.coaches! * cap.caseload! : undefined);

    const inflowEffects = iv.effects.filter((e) => e.target === "inflow");
    const measureOf = (e: InterventionSpec["effects"][number], k: number): { measure: "hr" | "rr"; value: number } => {
      const epath = `${path}.effects[${k}]`;
      if ((e.hazard_ratio === undefined) === (e.relative_risk === undefined)) {
        fail(epath, "give exactly one of hazard_ratio and relative_risk", "a hazard ratio acts on the rate (never pushes a probability above 1); a relative risk multiplies the probability");
      }
      if (e.decay.type === "exponential" && e.decay.half_life_months === undefined) fail(`${epath}.decay`, "exponential decay needs half_life_months", "e.g. {\"type\": \"exponential\", \"half_life_months\": 6}");
      return e.hazard_ratio !== undefined ? { measure: "hr", value: e.hazard_ratio } : { measure: "rr", value: e.relative_risk! };
    };

    let inflow: Intervention["inflow"];
    let effects: InterventionEffect[] = [];
    if (inflowEffects.length > 0) {
      if (inflowEffects.length !== iv.effects.length || iv.effects.length > 1) {
        fail(`${path}.effects`, "an inflow (prevention) effect cannot be combined with other effects in one intervention", "declare the prevention as its own intervention");
      }
      if (cap.starts_per_year === undefined) fail(`${path}.capacity`, "inflow prevention needs starts_per_year (persons reached per year)", "e.g. {\"starts_per_year\": 150}");
      const value = measureOf(iv.effects[0], 0).value;
      if (value > 1) {
        fail(`${path}.effects[0]`, `an inflow effect of ${value} would add inflow`, "give the share of reached persons that still flows in: a relative_risk between 0 and 1 (0.65 = 35% fewer)");
      }
      inflow = { value, distribution: iv.effects[0].distribution, path: `${path}.effects[0]` };
    } else {
      if (places === undefined) fail(`${path}.capacity`, "give places, or coaches and caseload", "e.g. {\"places\": 100} or {\"coaches\": 2, \"caseload\": 50}");
      effects = iv.effects.map((e, k) => {
        const { measure, value } = measureOf(e, k);
        const t = e.target;
        let target: InterventionEffect["target"];
        if (typeof t === "string") target = { kind: t as "outflow_work" };
        else {
          const from = stateIndex(t.from, `${path}.effects[${k}].target.from`);
          const to = stateIndex(t.to, `${path}.effects[${k}].target.to`);
          if (!targets[from]) fail(`${path}.effects[${k}].target.from`, `"${t.from}" is not one of the intervention's targets`, "add it to targets, or target a move out of a target state");
          if (from === to) fail(`${path}.effects[${k}].target`, "an effect on staying put is not allowed", "target the move out; staying is the complement");
          target = { kind: "cell", from, to };
        }
        // An effect that no move out of a target state can carry would silently do nothing.
        const fromKinds = model.declared.map((_, d) => d).filter((d) => targets[d]).map((d) => model.declaredKind[d]);
        const needs = target.kind === "reinflow" ? KIND_OFF : target.kind === "cell" ? -1 : KIND_ON;
        if (needs >= 0 && !fromKinds.includes(needs)) {
          fail(`${path}.effects[${k}].target`, `"${target.kind}" acts on moves out of ${needs === KIND_ON ? "on-bijstand" : "off"} states, and no target is one`,
            needs === KIND_OFF ? "target the off state people enter after leaving (aftercare)" : "target on-bijstand states");
        }
        return { target, measure, value, distribution: e.distribution, path: `${path}.effects[${k}]` };
      });
    }

    const durationCycles = Math.ceil(iv.duration_months / cm);
    if (cm > 1) {
      const rounded = [
        ...(iv.duration_months % cm ? [`duration_months ${iv.duration_months} -> ${durationCycles * cm}`] : []),
        ...(iv.costs?.events ?? []).filter((e) => e.after_months % cm).map((e) => `after_months ${e.after_months} -> ${Math.round(e.after_months / cm) * cm}`),
        ...iv.effects.filter((e) => e.decay.type !== "none").map(() => "the after-effect is followed in whole years"),
      ];
      if (rounded.length) model.notes.push(`${path}: with a yearly cycle ${[...new Set(rounded)].join("; ")} (use "cycle": "month" for exact months)`);
    }
    const postMonths = Math.max(0, ...iv.effects.map((e) => afterMonths(e.decay)));
    const postCycles = Math.ceil(postMonths / cm);
    const firstLayer = layers.length;
    if (!inflow) {
      for (let j = 1; j <= durationCycles + postCycles; j++) {
        const inTraject = j <= durationCycles;
        const weights = Float64Array.from(iv.effects, (e) => (inTraject ? 1 : decayWeight(e.decay, (j - durationCycles) * cm)));
        layers.push({ intervention: p, month: j, inTraject, weights });
      }
    }

    // Eligible: regular states of on-targets; of off-targets only the first cycle after leaving (aftercare starts at exit).
    const eligible: number[] = [];
    const minMonths = iv.min_months_on_bijstand;
    if (minMonths !== undefined && minMonths > 0) {
      if (!model.bands) fail(`${path}.min_months_on_bijstand`, "needs duration_bands to know how long people are on bijstand", "declare duration_bands, or leave this out");
      if (!model.bands!.lowerMonths.includes(minMonths)) {
        fail(`${path}.min_months_on_bijstand`, `${minMonths} is not a duration band edge`, `use one of ${model.bands!.lowerMonths.join(", ")}`);
      }
    }
    for (let b = 0; b < nb; b++) {
      const st = states[b];
      if (!targets[st.declared]) continue;
      if (minMonths !== undefined && st.band >= 0 && model.bands!.lowerMonths[st.band] < minMonths) continue;
      const isOff = model.declaredKind[st.declared] === KIND_OFF;
      if (isOff && model.reinflow[st.declared] === null) {
        fail(`${path}.targets`, `"${model.declared[st.declared].name}" has no re-inflow profile, so who has just left cannot be told apart`,
          "give that off state a reinflow profile (aftercare starts when people leave), or target on-bijstand states");
      }
      if (!isOff || st.tunnel === 1) eligible.push(b);
    }

    const costs = iv.costs;
    const costRanges = costs.range ?? {};
    for (const key of Object.keys(costRanges)) {
      if (!["per_start", "per_participant_month"].includes(key)) fail(`${path}.costs.range.${key}`, `no cost "${key}"`, "ranges exist for per_start and per_participant_month");
    }
    return {
      name: iv.name,
      label: iv.label,
      targets,
      eligible: Int32Array.from(eligible),
      startCycle: Math.floor(start / cm) + 1,
      endCycle: Math.floor(end / cm) + 1,
      places: places ?? 0,
      startsPerCycle: ((cap.starts_per_year ?? 0) * cm) / 12,
      durationCycles,
      postCycles,
      effects,
      inflow,
      costs: {
        perStart: costs.per_start,
        perParticipantCycle: costs.per_participant_month * cm,
        events: costs.events.map((e) => ({ amount: e.amount, afterCycles: Math.round(e.after_months / cm) })),
      },
      costRanges,
      layerEntry: new Int32Array(nb).fill(-1),
      firstLayer,
      path,
    };
  });

  for (const iv of interventions) {
    iv.effects.forEach((e) => model.notes.push(...centreNote(e.value, e.distribution, e.path)));
    if (iv.inflow) model.notes.push(...centreNote(iv.inflow.value, iv.inflow.distribution, iv.inflow.path));
  }

  // Layer states: for each intervention, each regular state of a target, months 1..D+M contiguous.
  interventions.forEach((iv, p) => {
    const months = iv.inflow ? 0 : iv.durationCycles + iv.postCycles;
    if (months === 0) return;
    for (let b = 0; b < nb; b++) {
      const st = states[b];
      if (!iv.targets[st.declared]) continue;
      iv.layerEntry[b] = states.length;
      for (let j = 1; j <= months; j++) {
        const when = j <= iv.durationCycles ? `traject ${j}` : `na ${j - iv.durationCycles}`;
        states.push({ ...st, name: `${st.name} [${iv.name} ${when}]`, base: b, layer: iv.firstLayer + j - 1 });
      }
    }
    void p;
  });

  const combinations = spec.combinations.map((c, k) => ({
    name: c.name,
    label: c.label,
    members: c.interventions.map((name, i) => {
      const p = interventions.findIndex((x) => x.name === name);
      if (p < 0) fail(`combinations[${k}].interventions[${i}]`, `unknown intervention "${name}"`, `use one of: ${interventions.map((x) => x.name).join(", ")}`);
      return p;
    }),
  }));
  for (const c of combinations) {
    if (interventions.some((x) => x.name === c.name)) fail("combinations", `"${c.name}" is both an intervention and a combination`, "give the combination its own name");
  }

  const n = states.length;
  const extend = <T extends Int32Array | Uint8Array | Float64Array>(a: T, f: (s: CompiledState) => number): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    states.forEach((s, i) => (out[i] = i < nb ? a[i] : f(s)));
    return out;
  };
  model.declaredOf = extend(model.declaredOf, (s) => s.declared);
  model.kindOf = extend(model.kindOf, (s) => model.declaredKind[s.declared]);
  model.initial = extend(model.initial, () => 0);
  model.costPerCycle = extend(model.costPerCycle, (s) => model.costPerCycle[s.base]);
  model.layers = layers;
  model.interventions = interventions;
  model.combinations = combinations;
  return model;
}
