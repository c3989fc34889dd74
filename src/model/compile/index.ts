/**
 * ScenarioFile -> Model: checks what the schema cannot (names, sums, coverage of the
 * horizon) and builds the typed arrays the engines run on. One small step per section
 * of the file, in the order below; each throws an InputError naming the JSON path and
 * the fix for the first problem it finds, and returns its part of the model (and the
 * notes the user should read). Pure and synchronous; the model it returns is not
 * changed afterwards.
 */
import type { Model } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { checkBandMultipliers, compileBands } from "./bands.js";
import { context } from "./context.js";
import { compileInflow } from "./inflow.js";
import { compileInitial } from "./initial.js";
import { compileInterventions } from "./interventions.js";
import { layoutStates } from "./layout.js";
import { compileBudgetIndex, compileMacro } from "./macro.js";
import { budgetScaleNote, compileBudget, compileVangnet, costPerCycle } from "./money.js";
import { compilePopulation } from "./population.js";
import { compileReferences } from "./references.js";
import { compileReinflow } from "./reinflow.js";
import { compileDeclared, compileLadder } from "./states.js";
import { compileBase, declaredTransitions } from "./transitions.js";
import { centreNotes, compileUncertainty, yearlyCycleNote } from "./uncertainty.js";

export interface CompileOptions {
  /** Override of the horizon in years (CLI --horizon). */
  horizonYears?: number;
}

/** Builds a Model, or throws InputError for the first problem found. */
export function compileScenario(spec: ScenarioFile, file: string, options: CompileOptions = {}): Model {
  const ctx = context(spec, file, options.horizonYears);
  const decl = compileDeclared(spec, ctx);
  const ladderRank = compileLadder(spec.ladder, decl, ctx);
  const transitions = declaredTransitions(spec.transitions, decl, ctx);
  const base = compileBase(transitions, decl, ctx);
  const bands = compileBands(spec.duration_bands, ctx);
  checkBandMultipliers(bands, base, decl, ctx);
  const reinflow = compileReinflow(spec.states, decl, ctx);
  const layout = layoutStates(decl, bands, reinflow, ctx.cycleMonths);
  const initial = compileInitial(spec.initial, decl, layout, bands, reinflow, ctx);
  const inflow = compileInflow(spec.inflow, decl, ctx);
  const { budget, notes: budgetNotes } = compileBudget(spec.buig, ctx);
  const vangnet = compileVangnet(spec.buig.vangnet, ctx);
  const macro = compileMacro(spec.macro, decl, ctx);
  const budgetIndex = compileBudgetIndex(spec.buig, macro, ctx);
  const references = compileReferences(spec.references, macro.scenarios, ctx);
  const uncertainty = compileUncertainty(spec, decl, ctx);
  const population = spec.population ? compilePopulation(spec.population, { file, startYear: ctx.startYear, years: ctx.years, declared: decl.states, declaredKind: decl.kind, base }) : undefined;
  const iv = compileInterventions(spec, { decl, states: layout.states, bands, reinflow }, ctx);

  const states = [...layout.states, ...iv.layerStates];
  const costs = costPerCycle(spec.states, states, ctx);
  const withLayers = new Float64Array(states.length);
  withLayers.set(initial);
  return {
    file,
    name: spec.name,
    label: spec.label ?? spec.name,
    unit: spec.unit,
    startYear: ctx.startYear,
    years: ctx.years,
    cycle: spec.cycle,
    cyclesPerYear: ctx.cyclesPerYear,
    cycleMonths: ctx.cycleMonths,
    counting: spec.counting,
    declared: decl.states,
    declaredKind: decl.kind,
    ladderRank,
    states,
    declaredOf: Int32Array.from(states, (s) => s.declared),
    kindOf: Uint8Array.from(states, (s) => decl.kind[s.declared]),
    entryOf: layout.entryOf,
    base,
    transitions,
    bands,
    reinflow,
    initial: withLayers,
    inflowPerYear: inflow.perYear,
    entry: inflow.entry,
    costPerCycle: costs,
    budget,
    drivers: macro.drivers,
    effects: macro.effects,
    scenarios: macro.scenarios,
    discount: { money: spec.discount.money, persons: spec.discount.persons, firstYear: spec.discount.first_year },
    references,
    notes: [...inflow.notes, ...budgetNotes, ...budgetScaleNote(budget, withLayers, costs, ctx), ...macro.notes, ...centreNotes(spec, macro.effects), ...yearlyCycleNote(macro.effects, ctx), ...iv.notes],
    baseCount: layout.states.length,
    layers: iv.layers,
    interventions: iv.interventions,
    combinations: iv.combinations,
    vangnet,
    budgetIndex,
    uncertainty,
    population,
  };
}
