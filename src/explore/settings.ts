/**
 * The what-if settings of the page: what a policymaker changes in the meeting (macro
 * scenarios, horizon, new inflow, the cost per person, the BUIG budget, and per
 * intervention: on/off, capacity, effect size, costs), their defaults from the scenario
 * file, their limits, and the URL fragment that carries them ("copy settings"
 * reproduces the view). Pure; the page and the tests share it.
 */
import { formatNumber } from "../locale/format.js";
import { EXPLORE } from "../locale/messages-explore.js";
import type { Model } from "../model/model.js";
import type { Capacity, InterventionInfo, PageData } from "./data.js";

export interface InterventionSettings {
  on: boolean;
  capacity: Capacity;
  /** Effect multiplier k: each effect e becomes 1 + k (e - 1) (1: as the file assumes; 0.5: half as big). */
  scale: number;
  perStart: number;
  perParticipantMonth: number;
}

export interface Settings {
  /** Names of the macro scenarios shown, in the file's order. */
  scenarios: string[];
  horizon: number;
  /** New inflow as a percentage of the file's (100: as the file says); the macro effects act on top. */
  inflowPct: number;
  /** Benefit and LKS per person as a percentage of the file's (100: as the file says). */
  costPct: number;
  /** The BUIG budget as a percentage of the file's (100: as the file says). */
  budgetPct: number;
  interventions: InterventionSettings[];
}

/** The largest inflow, cost or budget percentage the page takes. */
export const MAX_PCT = 300;

/** The file's own values: every scenario, the full horizon, every intervention on as declared. */
export function defaultSettings(model: Model, data: Pick<PageData, "interventions">): Settings {
  return {
    scenarios: model.scenarios.map((s) => s.name),
    horizon: model.years,
    inflowPct: 100,
    costPct: 100,
    budgetPct: 100,
    interventions: data.interventions.map((iv) => ({
      on: true,
      capacity: { ...iv.capacity },
      scale: 1,
      perStart: iv.perStart,
      perParticipantMonth: iv.perParticipantMonth,
    })),
  };
}

/** The largest effect multiplier that keeps every relative risk or hazard ratio above 0 (as breakeven.ts allows). */
export function maxScale(iv: InterventionInfo): number {
  let k = 64;
  for (const e of iv.effects) if (e.value < 1) k = Math.min(k, 0.999 / (1 - e.value));
  return k;
}

/** Concurrent places (traject) or persons reached per year (prevention) of a capacity. */
export const capacityAmount = (c: Capacity): number => (c.kind === "coaches" ? c.coaches * c.caseload : c.kind === "places" ? c.places : c.startsPerYear);

// ---- URL fragment ------------------------------------------------------------------

/** Fragment keys per intervention field, in Dutch as the user sees them in the link. */
const KEYS = { on: "aan", coaches: "coaches", caseload: "caseload", places: "plaatsen", startsPerYear: "bereik", scale: "effect", perStart: "per_start", perParticipantMonth: "per_maand" } as const;

const num = (v: number): string => String(Number(v.toPrecision(12)));

/**
 * The settings as a URL fragment (without `#`), e.g.
 * `scenario=matig-herstel,tweede-golf&horizon=4&intensieve-begeleiding.aan=1&intensieve-begeleiding.coaches=3&...`.
 */
export function toFragment(s: Settings, data: Pick<PageData, "interventions">): string {
  const q = new URLSearchParams();
  q.set("scenario", s.scenarios.join(","));
  q.set("horizon", String(s.horizon));
  if (s.inflowPct !== 100) q.set("instroom", num(s.inflowPct));
  if (s.costPct !== 100) q.set("kosten", num(s.costPct));
  if (s.budgetPct !== 100) q.set("budget", num(s.budgetPct));
  s.interventions.forEach((x, p) => {
    const name = data.interventions[p].name;
    q.set(`${name}.${KEYS.on}`, x.on ? "1" : "0");
    const c = x.capacity;
    if (c.kind === "coaches") {
      q.set(`${name}.${KEYS.coaches}`, num(c.coaches));
      q.set(`${name}.${KEYS.caseload}`, num(c.caseload));
    } else if (c.kind === "places") q.set(`${name}.${KEYS.places}`, num(c.places));
    else q.set(`${name}.${KEYS.startsPerYear}`, num(c.startsPerYear));
    q.set(`${name}.${KEYS.scale}`, num(x.scale));
    q.set(`${name}.${KEYS.perStart}`, num(x.perStart));
    q.set(`${name}.${KEYS.perParticipantMonth}`, num(x.perParticipantMonth));
  });
  return q.toString().replace(/%2C/g, ",");
}

/**
 * Settings from a URL fragment, starting from `base` (the file's values): what the
 * fragment does not name stays as it is; what it names wrongly is left out and listed
 * (in the page's language) in `problems`.
 */
export function fromFragment(fragment: string, model: Model, data: Pick<PageData, "interventions">, base: Settings): { settings: Settings; problems: string[] } {
  const q = new URLSearchParams(fragment.replace(/^#/, ""));
  const problems: string[] = [];
  const s: Settings = structuredClone(base);
  const bad = (key: string, value: string, why: string) => problems.push(EXPLORE.ignored(key, value, why));
  const scenarios = q.get("scenario");
  if (scenarios !== null) {
    const names = scenarios.split(",").filter(Boolean);
    const unknown = names.filter((n) => !model.scenarios.some((sc) => sc.name === n));
    if (unknown.length || names.length === 0) bad("scenario", scenarios, EXPLORE.unknownScenario(model.scenarios.map((sc) => sc.name).join(", ")));
    else s.scenarios = model.scenarios.map((sc) => sc.name).filter((n) => names.includes(n));
  }
  const horizon = q.get("horizon");
  if (horizon !== null) {
    const h = Number(horizon);
    if (Number.isInteger(h) && h >= 1 && h <= model.years) s.horizon = h;
    else bad("horizon", horizon, EXPLORE.horizonRange(model.years));
  }
  const percentage = (key: string, set: (v: number) => void) => {
    const raw = q.get(key);
    if (raw === null) return;
    const v = Number(raw);
    if (raw.trim() !== "" && Number.isFinite(v) && v >= 0 && v <= MAX_PCT) set(v);
    else bad(key, raw, EXPLORE.percentage(MAX_PCT));
  };
  percentage("instroom", (v) => (s.inflowPct = v));
  percentage("kosten", (v) => (s.costPct = v));
  percentage("budget", (v) => (s.budgetPct = v));
  data.interventions.forEach((iv, p) => readIntervention(q, iv, s.interventions[p], bad));
  return { settings: s, problems };
}

function readIntervention(q: URLSearchParams, iv: InterventionInfo, x: InterventionSettings, bad: (key: string, value: string, why: string) => void): void {
  const read = (field: keyof typeof KEYS, ok: (v: number) => boolean, why: string, set: (v: number) => void) => {
    const key = `${iv.name}.${KEYS[field]}`;
    const raw = q.get(key);
    if (raw === null) return;
    const v = Number(raw);
    if (raw.trim() !== "" && Number.isFinite(v) && ok(v)) set(v);
    else bad(key, raw, why);
  };
  read("on", (v) => v === 0 || v === 1, EXPLORE.onOff, (v) => (x.on = v === 1));
  const c = x.capacity;
  const whole = (v: number) => Number.isInteger(v) && v >= 0;
  if (c.kind === "coaches") {
    read("coaches", whole, EXPLORE.wholeCount, (v) => (c.coaches = v));
    read("caseload", whole, EXPLORE.wholeCount, (v) => (c.caseload = v));
  } else if (c.kind === "places") read("places", (v) => v >= 0, EXPLORE.count, (v) => (c.places = v));
  else read("startsPerYear", (v) => v >= 0, EXPLORE.count, (v) => (c.startsPerYear = v));
  read("scale", (v) => v >= 0 && v <= maxScale(iv), EXPLORE.factor(formatNumber(maxScale(iv), 2)), (v) => (x.scale = v));
  read("perStart", (v) => v >= 0, EXPLORE.amount, (v) => (x.perStart = v));
  read("perParticipantMonth", (v) => v >= 0, EXPLORE.amount, (v) => (x.perParticipantMonth = v));
}
