/**
 * One counting convention for every person-period and cost of a run, intervention
 * costs per participant included, and both discounting conventions: a three-state
 * yearly model computed by hand.
 *
 * A (on bijstand, EUR 12,000 a year), W (off, after work), X (exit); per year 20% of A
 * leave for work, 10% exit. 1,000 persons on A, no inflow. An intervention takes up to
 * 100 persons of A for two years (two yearly cycles) at EUR 100 a month each and
 * raises their outflow to work by half (relative risk 1.5: 30% a year).
 *
 *   cycle 1: 100 start; end: A 900 x 0.7 = 630, in traject (year 2) 100 x 0.6 = 60
 *   cycle 2: 40 start (60 + 40 = 100); end: A 590 x 0.7 + 60 x 0.6 (traject over) = 449, in traject 40 x 0.6 = 24
 *   cycle 3: 76 start (24 + 76 = 100); end: A 373 x 0.7 + 24 x 0.6 = 275.5, in traject 76 x 0.6 = 45.6
 *
 * On A (all of them, in traject or not), at the start and end of each year:
 * without the intervention 1000, 700, 490, 343; with it 1000, 690, 473, 321.1.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../src/simulate/scenario.js";
import { allVariants } from "../src/model/variant.js";
import { compile, type Raw } from "./helpers.js";

const model = (counting: string, firstYear: string): Raw => ({
  name: "hand", start_year: 2024, horizon_years: 3, cycle: "year", counting,
  states: [{ name: "A", kind: "on", cost: { per: "year", benefit: 12000 } }, { name: "W", kind: "off" }, { name: "X", kind: "exit" }],
  initial: { A: 1000 },
  transitions: { per: "year", list: [{ from: "A", to: "W", p: 0.2 }, { from: "A", to: "X", p: 0.1 }] },
  inflow: { per_year: 0, entry: { A: 1 } },
  buig: { budget: { "2024": 0 } },
  discount: { money: 0.1, persons: 0.05, first_year: firstYear },
  interventions: [{ name: "iv", label: "IV", targets: ["A"], start: "2024", end: "2026", capacity: { places: 100 }, duration_months: 24,
    effects: [{ target: "outflow_work", relative_risk: 1.5 }], costs: { per_participant_month: 100 } }],
});

const baseOnA = [1000, 700, 490, 343];
const withOnA = [1000, 690, 473, 321.1];
const participantsStart = [100, 100, 100];
const participantsEnd = [60, 24, 45.6];
const weights = { start: [1, 0], end: [0, 1], half: [0.5, 0.5] } as const;

const close = (actual: ArrayLike<number>, expected: number[]) =>
  expected.forEach((v, y) => expect(Math.abs(actual[y] - v), `year ${y}: ${actual[y]} vs ${v}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(v))));

describe("counting and discounting, by hand", () => {
  for (const counting of ["start", "end", "half"] as const) {
    it(`counts persons, benefits and intervention costs at the ${counting} of each cycle`, () => {
      const m = compile(model(counting, "undiscounted"));
      const [base, variant] = runScenario(m, m.scenarios[0], allVariants(m));
      const [ws, we] = weights[counting];
      const personYears = (onA: number[]) => [0, 1, 2].map((y) => ws * onA[y] + we * onA[y + 1]);
      const participants = [0, 1, 2].map((y) => ws * participantsStart[y] + we * participantsEnd[y]);
      close(base.persons.volumeAvg, personYears(baseOnA));
      close(variant.persons.volumeAvg, personYears(withOnA));
      close(variant.interventions.participants, participants);
      const cost = participants.map((p) => p * 1200);
      close(variant.interventions.cost, cost);
      const effect = [0, 1, 2].map((y) => 12000 * (personYears(baseOnA)[y] - personYears(withOnA)[y]));
      close(variant.effect.buigEffect, effect);
      close(variant.effect.netEffect, effect.map((e, y) => e - cost[y]));
    });
  }

  for (const firstYear of ["undiscounted", "discounted"] as const) {
    it(`discounts the first year or not: ${firstYear}`, () => {
      const m = compile(model("half", firstYear));
      const [base, variant] = runScenario(m, m.scenarios[0], allVariants(m));
      const shift = firstYear === "discounted" ? 1 : 0;
      const money = (y: number) => 1.1 ** -(y + shift);
      const persons = (y: number) => 1.05 ** -(y + shift);
      close(base.money.expenditureDiscounted, [0, 1, 2].map((y) => base.money.expenditure[y] * money(y)));
      close(base.money.volumeAvgDiscounted, [0, 1, 2].map((y) => base.persons.volumeAvg[y] * persons(y)));
      // half counting, by hand: net effect per year, then its discounted running sum
      const net = [0, 1, 2].map((y) => 12000 * ((baseOnA[y] + baseOnA[y + 1]) / 2 - (withOnA[y] + withOnA[y + 1]) / 2) - 1200 * (participantsStart[y] + participantsEnd[y]) / 2);
      close(net, [-36000, 87600, 146040]);
      let npv = 0;
      close(variant.effect.netEffectNpv, net.map((x, y) => (npv += x * money(y))));
      close(variant.money.expenditure, [0, 1, 2].map((y) => 12000 * (withOnA[y] + withOnA[y + 1]) / 2));
    });
  }
});
