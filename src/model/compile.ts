/**
 * ScenarioFile -> Model: checks what the schema cannot (names, sums, coverage of the
 * horizon) and builds the typed arrays the engines run on. Every problem is an
 * InputError naming the JSON path and the fix.
 */
import { InputError } from "./errors.js";
import { attachInterventions } from "../interventions/compile.js";
import { centreNote } from "./centre.js";
import { ConversionError, convertRows, matrixPower, monthsIn, toStochastic, type Matrix } from "./convert.js";
import {
  KIND_EXIT,
  KIND_OFF,
  KIND_ON,
  kindCode,
  type CompiledState,
  type DeclaredState,
  type DurationBands,
  type EffectTargetRef,
  type MacroEffect,
  type MacroScenario,
  type Model,
  type Reinflow,
} from "./model.js";
import type { ScenarioFile } from "./schema.js";
import { compilePopulation } from "./population.js";

const SUM_TOLERANCE = 1e-9;

export interface CompileOptions {
  /** Override of the horizon in years (CLI --horizon). */
  horizonYears?: number;
}

/** Builds a Model, or throws InputError for the first problem found. */
export async function compileScenario(spec: ScenarioFile, file: string, options: CompileOptions = {}): Promise<Model> {
  const fail = (path: string, message: string, fix = ""): never => {
    throw new InputError(file, path, message, fix);
  };
  const notes: string[] = [];
  const years = options.horizonYears ?? spec.horizon_years;
  const startYear = spec.start_year;
  const endYear = startYear + years - 1;
  const cycleMonths = monthsIn(spec.cycle);
  const cyclesPerYear = 12 / cycleMonths;
  const tail = (last: number) => (endYear > last + 1 ? `-${endYear}` : "");

  // --- declared states -------------------------------------------------------
  const declared: DeclaredState[] = spec.states.map((s) => ({
    name: s.name,
    label: s.label ?? s.name,
    kind: s.kind,
    source: s.source,
    note: s.note,
  }));
  const m = declared.length;
  const index = new Map<string, number>();
  spec.states.forEach((s, i) => {
    if (index.has(s.name)) fail(`states[${i}].name`, `state "${s.name}" is declared twice`, "give every state a unique name");
    index.set(s.name, i);
  });
  const known = [...index.keys()].map((k) => `"${k}"`).join(", ");
  const stateIndex = (name: string, path: string): number =>
    index.get(name) ?? fail(path, `unknown state "${name}"`, `use one of the declared states: ${known}`);
  const declaredKind = Uint8Array.from(declared, (d) => kindCode(d.kind));
  if (!declared.some((d) => d.kind === "on")) fail("states", "no state has kind \"on\"", "mark the bijstand states with \"kind\": \"on\"");

  // --- ladder order (for the intervention effects "up" and "down") -------------
  const ladderRank = new Int32Array(m).fill(-1);
  if (spec.ladder) {
    spec.ladder.forEach((name, k) => {
      const d = stateIndex(name, `ladder[${k}]`);
      if (declaredKind[d] !== KIND_ON) fail(`ladder[${k}]`, `"${name}" is not an on-bijstand state`, "list on-states only, from the lowest rung to the highest");
      if (ladderRank[d] >= 0) fail(`ladder[${k}]`, `"${name}" is listed twice`, "list every rung once");
      ladderRank[d] = k;
    });
  } else declaredKind.forEach((k, d) => k === KIND_ON && (ladderRank[d] = d));

  // --- transitions (declared level, per cycle) --------------------------------
  const t = spec.transitions;
  const given = [t.matrix, t.list, t.counts].filter((x) => x !== undefined).length;
  if (given !== 1) fail("transitions", `give exactly one of "matrix", "list" or "counts" (found ${given})`);
  const perPeriod: Matrix = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));

  const checkNotFromExit = (from: number, path: string): void => {
    if (declaredKind[from] === KIND_EXIT) {
      fail(path, `"${declared[from].name}" is an exit state and exit states are absorbing`, "remove transitions out of it, or make it kind \"off\"");
    }
  };

  if (t.matrix) {
    const order = t.matrix.order.map((n, i) => stateIndex(n, `transitions.matrix.order[${i}]`));
    if (new Set(order).size !== m || order.length !== m) {
      fail("transitions.matrix.order", `must list each of the ${m} declared states once (lists ${order.length})`, `list exactly: ${known}`);
    }
    if (t.matrix.rows.length !== m) fail("transitions.matrix.rows", `has ${t.matrix.rows.length} rows, expected ${m}`, "give one row per state in `order`");
    t.matrix.rows.forEach((row, r) => {
      const path = `transitions.matrix.rows[${r}]`;
      if (row.length !== m) fail(path, `has ${row.length} entries, expected ${m}`, "give one probability per state in `order`");
      const sum = row.reduce((s, v) => s + v, 0);
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        fail(path, `row "${declared[order[r]].name}" sums to ${sum}, not 1`, "make every row sum to 1 (within 1e-9): the diagonal is the probability of staying");
      }
      const from = order[r];
      row.forEach((p, c) => {
        if (declaredKind[from] === KIND_EXIT && order[c] !== from && p > 0) checkNotFromExit(from, `${path}[${c}]`);
        perPeriod[from][order[c]] = p;
      });
    });
  } else if (t.list) {
    const seen = new Set<string>();
    const diagGiven = new Set<number>();
    t.list.forEach((e, i) => {
      const path = `transitions.list[${i}]`;
      const from = stateIndex(e.from, `${path}.from`);
      const to = stateIndex(e.to, `${path}.to`);
      checkNotFromExit(from, `${path}.from`);
      const key = `${from}->${to}`;
      if (seen.has(key)) fail(path, `transition "${e.from}" -> "${e.to}" is given twice`, "keep one entry per pair");
      seen.add(key);
      perPeriod[from][to] = e.p;
      if (from === to) diagGiven.add(from);
    });
    perPeriod.forEach((row, i) => {
      const off = row.reduce((s, v, j) => (j === i ? s : s + v), 0);
      if (off > 1 + SUM_TOLERANCE) {
        fail("transitions.list", `the probabilities out of "${declared[i].name}" add up to ${off}, more than 1`, "lower them so that the chance of staying is 0 or more");
      }
      if (diagGiven.has(i)) {
        if (Math.abs(off + row[i] - 1) > SUM_TOLERANCE) {
          fail("transitions.list", `row "${declared[i].name}" sums to ${off + row[i]}, not 1`, "make the stay probability the complement, or leave it out and it is computed");
        }
      } else row[i] = Math.max(0, 1 - off);
    });
  } else if (t.counts) {
    const counts: Matrix = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    t.counts.forEach((e, i) => {
      const path = `transitions.counts[${i}]`;
      const from = stateIndex(e.from, `${path}.from`);
      const to = stateIndex(e.to, `${path}.to`);
      if (from !== to && e.n > 0) checkNotFromExit(from, `${path}.from`);
      counts[from][to] += e.n;
    });
    counts.forEach((row, i) => {
      const total = row.reduce((s, v) => s + v, 0);
      if (declaredKind[i] === KIND_EXIT) return;
      if (total === 0) {
        fail("transitions.counts", `no observations from "${declared[i].name}"`, "add counts for it (including the stays, from = to), or give it by `list`");
      }
      perPeriod[i] = row.map((v) => v / total);
    });
  }

  let perCycle: Matrix = perPeriod;
  if (t.per !== spec.cycle) {
    const names = declared.map((d) => d.name);
    try {
      perCycle = t.list
        ? convertRows(perPeriod, monthsIn(t.per), cycleMonths, names)
        : toStochastic(await matrixPower(perPeriod, cycleMonths / monthsIn(t.per)), names);
    } catch (err) {
      if (!(err instanceof ConversionError)) throw err;
      fail("transitions", `converting ${t.per}ly to ${spec.cycle}ly probabilities failed: ${err.message}`,
        t.list ? "lower that probability below 1" : `give the probabilities per ${spec.cycle} ("per": "${spec.cycle}") or as a sparse "list" (converted row by row)`);
    }
  }
  const base = new Float64Array(m * m);
  perCycle.forEach((row, i) => row.forEach((v, j) => (base[i * m + j] = v)));

  // --- duration bands ----------------------------------------------------------
  let bands: DurationBands | undefined;
  if (spec.duration_bands) {
    const b = spec.duration_bands;
    const nb = b.months.length + 1;
    b.months.forEach((v, i) => {
      if (i > 0 && v <= b.months[i - 1]) fail(`duration_bands.months[${i}]`, "band edges must increase", "write them in months, ascending, e.g. [12, 36, 60]");
    });
    for (const key of ["outflow_multiplier", "initial_share"] as const) {
      if (b[key].length !== nb) fail(`duration_bands.${key}`, `has ${b[key].length} values, expected ${nb} (one per band)`, `${b.months.length} edges make ${nb} bands`);
    }
    if (b.labels && b.labels.length !== nb) fail("duration_bands.labels", `has ${b.labels.length} labels, expected ${nb}`);
    const shareSum = b.initial_share.reduce((s, v) => s + v, 0);
    if (Math.abs(shareSum - 1) > SUM_TOLERANCE) fail("duration_bands.initial_share", `sums to ${shareSum}, not 1`, "give the share of the initial stock in each band");
    const edges = [0, ...b.months];
    // Persons in a band of width w cycles move on with probability 1/w per cycle
    // (exponential ageing: the standard cohort approximation; microsimulation tracks months exactly).
    const aging = Float64Array.from({ length: nb }, (_, i) => (i === nb - 1 ? 0 : Math.min(1, cycleMonths / (edges[i + 1] - edges[i]))));
    const labels = b.labels ?? edges.map((e, i) => (i === nb - 1 ? `${e / 12}+ jaar` : `${e / 12}-${edges[i + 1] / 12} jaar`));
    bands = { labels, lowerMonths: edges.slice(0, nb), aging, outflowMultiplier: Float64Array.from(b.outflow_multiplier), initialShare: Float64Array.from(b.initial_share) };
  }

  if (bands) {
    // Band multipliers scale every move out to off and exit states; they must not push a row above 1.
    for (let d = 0; d < m; d++) {
      if (declaredKind[d] !== KIND_ON) continue;
      const out = perCycle[d].reduce((acc, p, j) => (j !== d && declaredKind[j] !== KIND_ON ? acc + p : acc), 0);
      const ladder = perCycle[d].reduce((acc, p, j) => (j !== d && declaredKind[j] === KIND_ON ? acc + p : acc), 0);
      bands.outflowMultiplier.forEach((mult, b) => {
        if (ladder + out * mult > 1 + 1e-12) {
          fail(`duration_bands.outflow_multiplier[${b}]`, `${mult} pushes the probability of leaving "${declared[d].name}" per ${spec.cycle} to ${(ladder + out * mult).toFixed(4)}, above 1`,
            "lower the multiplier, or use a monthly cycle (yearly probabilities leave less room)");
        }
      });
    }
  }

  // --- re-inflow profiles -------------------------------------------------------
  const reinflow: (Reinflow | null)[] = spec.states.map((s, d) => {
    if (!s.reinflow) return null;
    const path = `states[${d}].reinflow`;
    if (s.kind !== "off") fail(path, "only states of kind \"off\" have re-inflow", "move it to the state people enter after leaving for work");
    const pts = s.reinflow.cumulative;
    pts.forEach((p, i) => {
      if (i > 0 && (p.months <= pts[i - 1].months || p.share < pts[i - 1].share)) {
        fail(`${path}.cumulative[${i}]`, "months and shares must increase", "list the points in time order, e.g. 12 months 0.20, 60 months 0.35");
      }
      if (p.share >= 1) fail(`${path}.cumulative[${i}].share`, "must be below 1", "a share of returners, e.g. 0.2");
    });
    const to = distribution(s.reinflow.to, `${path}.to`);
    return { hazard: tunnelHazards(pts, cycleMonths), to };
  });

  function distribution(spec: Record<string, number>, path: string): Float64Array {
    const out = new Float64Array(m);
    for (const [name, share] of Object.entries(spec)) {
      const d = stateIndex(name, `${path}.${name}`);
      if (declaredKind[d] !== KIND_ON) fail(`${path}.${name}`, `"${name}" is not an on-bijstand state`, "people enter bijstand in states of kind \"on\"");
      out[d] = share;
    }
    const sum = out.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(path, `the shares sum to ${sum}, not 1`, "make the entry distribution sum to 1");
    return out;
  }

  // --- compiled states -----------------------------------------------------------
  const states: CompiledState[] = [];
  const entryOf = new Int32Array(m);
  declared.forEach((d, i) => {
    if (d.kind === "on" && bands) {
      entryOf[i] = states.length;
      bands.labels.forEach((l, b) => states.push({ name: `${d.name} (${l})`, declared: i, band: b, tunnel: 0, base: states.length, layer: 0 }));
    } else if (reinflow[i]) {
      entryOf[i] = states.length;
      const unit = cycleMonths === 12 ? "jaar" : "maand";
      reinflow[i]!.hazard.forEach((_, k) => states.push({ name: `${d.name} (${unit} ${k + 1})`, declared: i, band: -1, tunnel: k + 1, base: states.length, layer: 0 }));
      states.push({ name: d.name, declared: i, band: -1, tunnel: 0, base: states.length, layer: 0 });
    } else {
      entryOf[i] = states.length;
      states.push({ name: d.name, declared: i, band: -1, tunnel: 0, base: states.length, layer: 0 });
    }
  });
  const n = states.length;
  const declaredOf = Int32Array.from(states, (s) => s.declared);
  const kindOf = Uint8Array.from(states, (s) => declaredKind[s.declared]);

  // --- initial occupancy ------------------------------------------------------------
  const initial = new Float64Array(n);
  for (const [name, value] of Object.entries(spec.initial)) {
    const d = stateIndex(name, `initial.${name}`);
    const count = typeof value === "number" ? value : value.count;
    if (typeof value !== "number") {
      if (!reinflow[d]) fail(`initial.${name}`, "left_within_months needs an off state with a re-inflow profile", "give a plain count");
      spreadRecentLeavers(initial, entryOf[d], reinflow[d]!.hazard, count, Math.ceil(value.left_within_months / cycleMonths));
    } else if (declared[d].kind === "on" && bands) bands.initialShare.forEach((share, b) => (initial[entryOf[d] + b] += count * share));
    else if (reinflow[d]) initial[entryOf[d] + reinflow[d]!.hazard.length] += count; // already durably off
    else initial[entryOf[d]] += count;
  }

  // --- inflow --------------------------------------------------------------------------
  const entry = distribution(spec.inflow.entry, "inflow.entry");
  const inflowPerYear =
    typeof spec.inflow.per_year === "number"
      ? new Float64Array(years).fill(spec.inflow.per_year)
      : yearlyValues(spec.inflow.per_year, "inflow.per_year", "new inflow");

  // --- money -----------------------------------------------------------------------------
  const costPerCycle = new Float64Array(n);
  spec.states.forEach((s, d) => {
    if (!s.cost) return;
    const perCycle = ((s.cost.benefit + s.cost.lks) * cycleMonths) / monthsIn(s.cost.per);
    states.forEach((c, i) => c.declared === d && (costPerCycle[i] = perCycle));
  });
  const indexedFrom = spec.buig.indexed_on?.from_year;
  const budget = yearlyValues(spec.buig.budget, "buig.budget", "BUIG budget", spec.buig.after_last === "constant" || indexedFrom !== undefined, indexedFrom);

  /** Values for each projected year from a year series; gaps are errors, the tail may be carried forward. */
  function yearlyValues(series: Record<string, number>, path: string, what: string, carry = true, ruleFrom?: number): Float64Array {
    const given = Object.keys(series).map(Number).sort((a, b) => a - b);
    const out = new Float64Array(years);
    const last = given[given.length - 1];
    for (let y = startYear; y <= endYear; y++) {
      const v = series[String(y)];
      if (v !== undefined) out[y - startYear] = v;
      else if (y > last && carry) out[y - startYear] = series[String(last)];
      else fail(path, `has no value for ${y}`, `give ${what} for every year ${startYear}-${endYear}, or shorten the horizon`);
    }
    if (last < endYear && carry && (ruleFrom === undefined || last < ruleFrom)) notes.push(`${what} (${path}): the ${last} value is held for ${last + 1}${tail(last)}`);
    return out;
  }

  const v = spec.buig.vangnet;
  const vangnet = { ownRisk: v?.own_risk ?? 0.075, partialUntil: v?.partial_until ?? 0.125, partialShare: v?.partial_share ?? 0.5 };
  if (vangnet.partialUntil < vangnet.ownRisk) fail("buig.vangnet.partial_until", "is below own_risk", "the partly compensated band lies above the own risk, e.g. 0.075 and 0.125");

  // --- macro ---------------------------------------------------------------------------------
  const macro = spec.macro;
  const driverNames = macro ? Object.keys(macro.drivers) : [];
  const drivers = macro
    ? driverNames.map((name) => ({ name, label: macro.drivers[name].label, unit: macro.drivers[name].unit, baseYear: macro.drivers[name].base_year }))
    : [];
  const effects: MacroEffect[] = (macro?.effects ?? []).map((e, i) => {
    const path = `macro.effects[${i}]`;
    const driver = driverNames.indexOf(e.driver);
    if (driver < 0) fail(`${path}.driver`, `unknown driver "${e.driver}"`, `use one of the drivers in macro.drivers: ${driverNames.join(", ") || "(none declared)"}`);
    let target: EffectTargetRef;
    if (typeof e.target === "string") target = { kind: e.target };
    else {
      const from = stateIndex(e.target.from, `${path}.target.from`);
      const to = stateIndex(e.target.to, `${path}.target.to`);
      checkNotFromExit(from, `${path}.target.from`);
      if (from === to) fail(`${path}.target`, "an effect on staying put is not allowed", "target the move out; staying is the complement");
      target = { kind: "cell", from, to };
    }
    return { driver, target, form: e.form, elasticity: e.elasticity, distribution: e.distribution, lagMonths: e.lag_months, path };
  });

  const heldDrivers = new Map<string, string[]>();
  const scenarios: MacroScenario[] = macro
    ? macro.scenarios.map((sc, si) => {
        const seenNames = macro.scenarios.slice(0, si).map((x) => x.name);
        if (seenNames.includes(sc.name)) fail(`macro.scenarios[${si}].name`, `scenario "${sc.name}" is declared twice`, "give every scenario a unique name");
        for (const key of Object.keys(sc.paths)) {
          if (!driverNames.includes(key)) fail(`macro.scenarios[${si}].paths.${key}`, `unknown driver "${key}"`, `declare it in macro.drivers or use one of: ${driverNames.join(", ")}`);
        }
        const paths = drivers.map((drv, di) => {
          const path = `macro.scenarios[${si}].paths.${drv.name}`;
          const series = sc.paths[drv.name];
          const used = effects.filter((e) => e.driver === di);
          if (!series) {
            if (used.length > 0) fail(path, `scenario "${sc.name}" has no path for driver "${drv.name}"`, "give a value per year for every driver");
            return { firstYear: startYear, values: new Float64Array(0) };
          }
          const yearsGiven = Object.keys(series).map(Number).sort((a, b) => a - b);
          if (yearsGiven.length === 0) fail(path, "is empty", "give the driver's value per year");
          const first = yearsGiven[0];
          const last = yearsGiven[yearsGiven.length - 1];
          const maxLag = Math.max(0, ...used.map((e) => e.lagMonths));
          const needFrom = Math.min(drv.baseYear, startYear - Math.ceil(maxLag / 12));
          if (first > needFrom) {
            fail(path, `starts in ${first}, but the run needs ${needFrom} (base year ${drv.baseYear}, lags up to ${maxLag} months)`, `add values back to ${needFrom}`);
          }
          const values = new Float64Array(last - first + 1);
          for (let y = first; y <= last; y++) {
            const v = series[String(y)];
            if (v === undefined) fail(path, `has no value for ${y}`, "give a value for every year without gaps");
            values[y - first] = v;
          }
          if (last < endYear && used.length > 0) {
            const key = `${drv.name}: the ${last} value is held for ${last + 1}${tail(last)}`;
            heldDrivers.set(key, [...(heldDrivers.get(key) ?? []), sc.name]);
          }
          return { firstYear: first, values };
        });
        return { name: sc.name, label: sc.label, paths };
      })
    : [{ name: "basis", label: "Basis (geen macro-scenario)", paths: [] }];

  for (const [what, names] of heldDrivers) {
    notes.push(`${what} in ${names.length === spec.macro!.scenarios.length ? "every scenario" : names.join(", ")}`);
  }

  let budgetIndex: Model["budgetIndex"];
  if (spec.buig.indexed_on) {
    const driver = driverNames.indexOf(spec.buig.indexed_on.driver);
    if (driver < 0) fail("buig.indexed_on.driver", `unknown driver "${spec.buig.indexed_on.driver}"`, `use one of the drivers in macro.drivers: ${driverNames.join(", ") || "(none declared)"}`);
    const fromYear = spec.buig.indexed_on.from_year;
    if (spec.buig.budget[String(fromYear)] === undefined) fail("buig.indexed_on.from_year", `the budget has no value for ${fromYear}`, "index from a year with a given budget");
    for (const [si, sc] of scenarios.entries()) {
      const path = sc.paths[driver];
      if (!path || path.values.length === 0 || path.firstYear > fromYear) fail(`macro.scenarios[${si}].paths.${driverNames[driver]}`, `has no value for ${fromYear}, which the budget rule needs`, `add the ${fromYear} value`);
    }
    for (const [si, sc] of scenarios.entries()) {
      const path = sc.paths[driver];
      const v = path.values[Math.min(fromYear - path.firstYear, path.values.length - 1)];
      if (!(v > 0)) fail(`macro.scenarios[${si}].paths.${driverNames[driver]}`, `is ${v} in ${fromYear}; the budget rule divides by it`, "index the budget on a driver that is above 0 in from_year");
    }
    budgetIndex = { driver, fromYear, base: spec.buig.budget[String(fromYear)] };
  }

  // --- references ------------------------------------------------------------------------------
  const references = spec.references.map((r, i) => {
    if (r.scenario !== undefined && !scenarios.some((s) => s.name === r.scenario)) {
      fail(`references[${i}].scenario`, `unknown scenario "${r.scenario}"`, `use one of: ${scenarios.map((s) => s.name).join(", ")}`);
    }
    return {
      name: r.name,
      label: r.label,
      scenario: r.scenario,
      metric: r.metric,
      values: new Map(Object.entries(r.values).map(([y, v]) => [Number(y), v])),
      tolerance: r.tolerance,
      source: r.source,
    };
  });

  // --- uncertainty (drawn by the probabilistic runs) --------------------------------------
  const rowConcentration = new Float64Array(m);
  if (typeof t.concentration === "number") rowConcentration.fill(t.concentration);
  else if (t.concentration) {
    for (const [name, c] of Object.entries(t.concentration)) rowConcentration[stateIndex(name, `transitions.concentration.${name}`)] = c;
  }
  if (t.counts && t.concentration === undefined) {
    // Observed counts carry their own uncertainty: Dirichlet(counts) per row.
    t.counts.forEach((e) => (rowConcentration[index.get(e.from)!] += e.n));
  }
  declared.forEach((d, i) => d.kind === "exit" && (rowConcentration[i] = 0));
  // Concentrations count person-periods in the unit of `per`; the rows drawn are per cycle,
  // and N person-years are 12 N observed person-months.
  rowConcentration.forEach((c, i) => (rowConcentration[i] = (c * monthsIn(t.per)) / cycleMonths));
  const moves = (t.list ?? []).flatMap((e) => (e.distribution ? [{ from: index.get(e.from)!, to: index.get(e.to)!, distribution: e.distribution }] : []));
  moves.forEach((mv, k) => {
    if (rowConcentration[mv.from] > 0) {
      fail("transitions", `the row of "${declared[mv.from].name}" has both a Dirichlet concentration and a distribution on one move (${k + 1})`, "use one of the two for that row");
    }
  });
  if (spec.inflow.distribution && typeof spec.inflow.per_year !== "number") {
    fail("inflow.distribution", "a distribution needs a single number per_year", "give per_year as one number, or leave the distribution out");
  }
  const uncertainty = {
    rowConcentration,
    moves,
    perPeriod: Float64Array.from(perPeriod.flat()),
    periodMonths: monthsIn(t.per),
    cost: spec.states.map((s) => (s.cost?.distribution ? { distribution: s.cost.distribution, periodMonths: monthsIn(s.cost.per) } : null)),
    inflow: spec.inflow.distribution,
  };

  effects.forEach((e) => notes.push(...centreNote(e.elasticity, e.distribution, `${e.path}.elasticity`)));
  spec.states.forEach((st, i) => st.cost && notes.push(...centreNote(st.cost.benefit + st.cost.lks, st.cost.distribution, `states[${i}].cost`)));
  if (typeof spec.inflow.per_year === "number") notes.push(...centreNote(spec.inflow.per_year, spec.inflow.distribution, "inflow.per_year"));

  if (cycleMonths > 1) {
    const lags = effects.filter((e) => e.lagMonths % cycleMonths).map((e) => e.path);
    notes.push(`yearly cycle: entrants are counted at the end of their first year and move from the next; for finer timing use "cycle": "month"` +
      (lags.length ? `; lags of ${lags.join(", ")} act in whole years` : ""));
  }

  const model: Model = {
    file,
    name: spec.name,
    label: spec.label ?? spec.name,
    unit: spec.unit,
    startYear,
    years,
    cycle: spec.cycle,
    cyclesPerYear,
    cycleMonths,
    counting: spec.counting,
    declared,
    declaredKind,
    ladderRank,
    states,
    declaredOf,
    kindOf,
    entryOf,
    base,
    bands,
    reinflow,
    initial,
    inflowPerYear,
    entry,
    costPerCycle,
    budget,
    drivers,
    effects,
    scenarios,
    discount: { money: spec.discount.money, persons: spec.discount.persons },
    references,
    notes,
    baseCount: states.length,
    layers: [],
    interventions: [],
    combinations: [],
    vangnet,
    budgetIndex,
    uncertainty,
    population: spec.population ? compilePopulation(spec.population, { file, startYear, years, declared, declaredKind, base }) : undefined,
  };
  return attachInterventions(model, spec);
}

/**
 * Persons who left bijstand in the last k cycles at a steady rate and have not come back:
 * those who left j cycles ago (j = 1..k) are still off with probability S(j - 1), so the
 * count is spread over tunnel cycles 1..k in proportion to that survival. Past the end of
 * the tunnel they are durably off.
 */
export function spreadRecentLeavers(initial: Float64Array, first: number, hazard: Float64Array, count: number, k: number): void {
  const weights = new Float64Array(k);
  let survival = 1;
  for (let j = 0; j < k; j++) {
    weights[j] = survival;
    if (j < hazard.length) survival *= 1 - hazard[j];
  }
  const total = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, j) => (initial[first + Math.min(j, hazard.length)] += (count * w) / total));
}

/**
 * Hazard per tunnel cycle from cumulative return shares, assuming a constant monthly
 * hazard between the given points (piecewise-exponential survival S(t), S(0) = 1).
 * hazard_k = 1 - S(c k) / S(c (k - 1)) for cycle length c months, up to the last point.
 */
export function tunnelHazards(points: { months: number; share: number }[], cycleMonths: number): Float64Array {
  const survival = (month: number): number => {
    let prevM = 0;
    let prevS = 1;
    for (const p of points) {
      const s = 1 - p.share;
      if (month <= p.months) return prevS * (s / prevS) ** ((month - prevM) / (p.months - prevM));
      prevM = p.months;
      prevS = s;
    }
    return prevS;
  };
  const last = points[points.length - 1].months;
  const k = Math.ceil(last / cycleMonths);
  return Float64Array.from({ length: k }, (_, i) => 1 - survival(Math.min(last, (i + 1) * cycleMonths)) / survival(i * cycleMonths));
}

export { KIND_ON, KIND_OFF, KIND_EXIT };
