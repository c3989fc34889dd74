/**
 * What verkenner.html carries besides the engine: the compiled model (encoded, codec.ts)
 * and what the page needs to know of the scenario file itself: how each intervention's
 * capacity is written (coaches x caseload, places, or persons reached per year: the
 * compiled model keeps only the resulting places), where each value sits in the file
 * (for the "edit these fields" line), and the file's text (for the download of an
 * edited copy). Built in Node from the parsed file (pageData); read in the browser.
 */
import type { Json } from "./codec.js";
import { encodeModel } from "./codec.js";
import { effectList } from "../analyses/effects.js";
import { lang, type Lang } from "../locale/lang.js";
import { EXPLORE } from "../locale/messages-explore.js";
import { REPORT } from "../locale/messages-report.js";
import type { Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";

export type Capacity =
  | { kind: "coaches"; coaches: number; caseload: number }
  | { kind: "places"; places: number }
  | { kind: "reach"; startsPerYear: number };

export interface EffectInfo {
  /** Description of the move it acts on and the measure, in the page's language. */
  label: string;
  /** The file's value (hazard ratio or relative risk). */
  value: number;
  /** JSON path of that value in the scenario file, e.g. `interventions[0].effects[1].hazard_ratio`. */
  path: string;
}

export interface InterventionInfo {
  name: string;
  label: string;
  kind: "traject" | "prevention";
  capacity: Capacity;
  effects: EffectInfo[];
  perStart: number;
  perParticipantMonth: number;
  /** JSON path of the intervention in the file, `interventions[p]`. */
  path: string;
}

export interface PageData {
  /** The language of the run that wrote the page: its script speaks it too. */
  lang: Lang;
  /** The scenario file as the user named it on the command line (for the reproduce line). */
  file: string;
  /** SHA-256 of the file's text. */
  hash: string;
  /** The scenario file's text, for the download of an edited copy. */
  text: string;
  version: string;
  /** `horizon_years` of the file (the model may have been compiled with another --horizon). */
  fileHorizon: number;
  model: Json;
  interventions: InterventionInfo[];
  /** The file's `inflow.per_year` as written (a number, or one per year): the inflow setting scales it. */
  inflowPerYear: number | Record<string, number>;
  /** Each state's cost as the file writes it (JSON path of its `cost`, benefit, lks): the cost setting scales them. */
  costs: { path: string; benefit: number; lks: number }[];
  /** The file's `buig.budget` as written (a number, or one per year): the budget setting scales it. */
  budget: number | Record<string, number>;
  /**
   * JSON paths of the file's `distribution`s beside a value the page may edit (new inflow,
   * a state's cost, an intervention's effect): an edit of the value leaves its
   * distribution as it is, which the page says (a PSA of the edited file draws from it).
   */
  distributions: string[];
}

function effectInfo(model: Model, spec: ScenarioFile, p: number): EffectInfo[] {
  const iv = model.interventions[p];
  const raw = spec.interventions[p];
  if (iv.kind === "prevention") {
    const field = raw.effects[0].relative_risk !== undefined ? "relative_risk" : "hazard_ratio";
    return [{ label: EXPLORE.preventionEffect, value: effectList(model, p)[0].value, path: `${iv.path}.effects[0].${field}` }];
  }
  return iv.effects.map((e, k) => {
    const move = e.target.kind === "cell" ? `${model.declared[e.target.from].label} → ${model.declared[e.target.to].label}` : REPORT.targets[e.target.kind] ?? e.target.kind;
    // the measure in the report's words (intensiteitsfactor / hazard ratio)
    const measure = REPORT.measures[e.measure === "hr" ? "hazard ratio" : "relatief risico"];
    return { label: `${move} (${measure})`, value: e.value, path: `${iv.path}.effects[${k}].${e.measure === "hr" ? "hazard_ratio" : "relative_risk"}` };
  });
}

function capacityOf(model: Model, spec: ScenarioFile, p: number): Capacity {
  const iv = model.interventions[p];
  const cap = spec.interventions[p].capacity;
  if (iv.kind === "prevention") return { kind: "reach", startsPerYear: cap.starts_per_year ?? 0 };
  if (cap.places !== undefined || cap.coaches === undefined || cap.caseload === undefined) return { kind: "places", places: iv.places };
  return { kind: "coaches", coaches: cap.coaches, caseload: cap.caseload };
}

/** Everything the page needs, from the compiled model and the parsed file it came from. */
export function pageData(model: Model, spec: ScenarioFile, meta: { file: string; hash: string; text: string; version: string }): PageData {
  return {
    lang: lang(),
    ...meta,
    fileHorizon: spec.horizon_years,
    model: encodeModel(model),
    interventions: model.interventions.map((iv, p) => ({
      name: iv.name,
      label: iv.label,
      kind: iv.kind,
      capacity: capacityOf(model, spec, p),
      effects: effectInfo(model, spec, p),
      perStart: spec.interventions[p].costs.per_start,
      perParticipantMonth: spec.interventions[p].costs.per_participant_month,
      path: iv.path,
    })),
    inflowPerYear: spec.inflow.per_year,
    budget: spec.buig.budget,
    costs: spec.states.flatMap((st, d) => (st.cost ? [{ path: `states[${d}].cost`, benefit: st.cost.benefit, lks: st.cost.lks }] : [])),
    distributions: [
      ...(spec.inflow.distribution ? ["inflow.distribution"] : []),
      ...spec.states.flatMap((st, d) => (st.cost?.distribution ? [`states[${d}].cost.distribution`] : [])),
      ...spec.interventions.flatMap((iv, p) => iv.effects.flatMap((e, k) => (e.distribution ? [`interventions[${p}].effects[${k}].distribution`] : []))),
    ],
  };
}
