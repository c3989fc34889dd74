/**
 * `bijstandsim init`: writes a complete, plain JSON scenario from the key figures an
 * advisor has (flags for scripts; on a terminal without flags the questions are asked
 * one by one). The probabilities are solved in src/calibrate/init.ts; this module reads
 * the answers, checks them (one line naming the flag, exit 2, nothing written),
 * and writes the file atomically.
 */
import { formatDecimal, formatEuro, formatNumber } from "../locale/format.js";
import { CLI } from "../locale/messages-cli.js";
import { existsSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Command } from "commander";
import { ASSUMED, solveInit, type InitInput } from "../calibrate/init.js";
import { HELP } from "../locale/messages-help.js";
import { INIT } from "../locale/messages-init.js";
import { InputError } from "../model/errors.js";
import type { MacroSet } from "../model/macro-sets.js";
import { writeFilesAtomically } from "../report/write.js";
import { fail, FIGURE_FLAGS, number, type InitOpts } from "./init-options.js";
import { print, status } from "./io.js";
import { librarySets } from "./macro-library.js";

const list = (text: string) => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** Shares that sum to 1 (within 0.001), e.g. "0.3,0.7". */
function shares(key: string, text: string, n: number): number[] {
  const xs = list(text).map((s) => number(key, s, { min: 0, share: true }));
  if (xs.length !== n) fail(key, ...INIT.sharesCount(xs.length, n));
  const total = xs.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-3) fail(key, ...INIT.sharesSum(Number(total.toPrecision(6)), xs.map((x) => (x / total).toFixed(2)).join(",")));
  return xs.map((x) => x / total);
}

/** `--groups "Trede 1=300,Trede 2=520"` (counts) or `--groups "Trede 1,Trede 2" --group-shares 0.4,0.6` (with --stock). */
function groupsOf(opts: InitOpts): { groups: { name: string; stock: number }[]; stock: number } {
  // Shares without groups were ignored, and the file got one state: said, like --entry-shares.
  if (!opts.groups && opts.groupShares !== undefined) fail("groupShares", ...INIT.groupSharesNeedGroups);
  if (!opts.groups) {
    if (opts.stock === undefined) fail("stock", INIT.missing, INIT.stockMissing);
    const stock = number("stock", opts.stock, { min: 0 });
    return { groups: [{ name: "Bijstand", stock }], stock };
  }
  const items = list(opts.groups).map((item) => {
    const [name, count] = item.split("=").map((s) => s.trim());
    return { name, count };
  });
  const names = items.map((g) => g.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) fail("groups", ...INIT.groupTwice(twice));
  if (names.some((n) => n === "") || names.length < 1) fail("groups", ...INIT.groupEmpty);
  const reserved = names.find((n) => ["Uitgestroomd naar werk", "Uitstroom overig", "Loonkostensubsidie"].includes(n));
  if (reserved) fail("groups", ...INIT.groupReserved(reserved));
  if (items.every((g) => g.count !== undefined)) {
    const groups = items.map((g) => ({ name: g.name, stock: number("groups", g.count, { min: 0 }) }));
    const stock = groups.reduce((a, g) => a + g.stock, 0);
    if (opts.stock !== undefined && Math.abs(number("stock", opts.stock, { min: 0 }) - stock) > 1e-9) fail("stock", ...INIT.stockNotSum(opts.stock, stock));
    return { groups, stock };
  }
  if (items.some((g) => g.count !== undefined)) fail("groups", ...INIT.groupsMixed);
  if (opts.groupShares === undefined || opts.stock === undefined) fail("group-shares", ...INIT.groupSharesMissing);
  const stock = number("stock", opts.stock, { min: 0 });
  const s = shares("groupShares", opts.groupShares!, names.length);
  return { groups: names.map((name, k) => ({ name, stock: stock * s[k] })), stock };
}

/** `--budget 14500000` (the start year) or `--budget 2024=14500000,2025=14800000`. */
function budgetOf(text: string | undefined, startYear: number): Record<string, number> {
  if (text === undefined) fail("budget", INIT.missing, INIT.budgetMissing(startYear));
  const out: Record<string, number> = {};
  const items = list(text!);
  for (const item of items) {
    const [a, b] = item.split("=").map((s) => s.trim());
    // One amount alone is the first year's; in a list every amount names its year. "43,5" is
    // not two budgets: read that way, 5 replaced 43 (and "2026=44,8" gave 2025 a budget of 8).
    if (b === undefined && items.length > 1) fail("budget", ...INIT.budgetListItem(text!.trim(), item, startYear));
    const year = b === undefined ? startYear : number("budget", a, { whole: true });
    if (b !== undefined && !/^\d{4}$/.test(a)) fail("budget", ...INIT.budgetYear(a));
    if (out[String(year)] !== undefined) fail("budget", ...INIT.budgetTwice(year));
    out[String(year)] = number("budget", b ?? a, { above: 0 });
  }
  if (out[String(startYear)] === undefined) fail("budget", ...INIT.budgetFirstYear(startYear));
  return out;
}

function benefitOf(opts: InitOpts): InitInput["benefit"] {
  if (opts.benefitMonth !== undefined && opts.benefitYear !== undefined) fail("benefitYear", ...INIT.benefitBoth);
  if (opts.benefitMonth !== undefined) return { per: "month", amount: number("benefitMonth", opts.benefitMonth, { above: 0 }) };
  if (opts.benefitYear !== undefined) return { per: "year", amount: number("benefitYear", opts.benefitYear, { above: 0 }) };
  return fail("benefitMonth", INIT.missing, INIT.benefitMissing);
}

function macroOf(text: string | undefined, sets: { set: MacroSet }[], startYear: number): string[] {
  const names = list(text ?? "neutraal");
  for (const name of names) {
    const found = sets.find((s) => s.set.name === name);
    if (!found) fail("macro", ...INIT.macroUnknown(name, sets.map((s) => s.set.name).join(", ")));
    if (found!.set.kind === "paths") {
      const last = Math.max(...found!.set.scenarios.flatMap((sc) => ("paths" in sc ? Object.values(sc.paths).flatMap((p) => Object.keys(p).map(Number)) : [])));
      if (last < startYear) fail("macro", ...INIT.macroHistory(name, last, startYear));
    }
    const drivers = Object.keys(found!.set.drivers);
    if (!drivers.includes("landelijk_volume")) fail("macro", ...INIT.macroNoDriver(name));
  }
  return names;
}

function need(key: keyof InitOpts, opts: InitOpts, fix: string): string {
  const v = opts[key];
  if (v === undefined || v === "") fail(key, INIT.missing, fix);
  return v as string;
}

/** The options as checked key figures; InputError on the first that cannot hold. */
export function initInput(opts: InitOpts, sets: { set: MacroSet }[]): InitInput {
  const name = need("name", opts, INIT.nameMissing);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) fail("name", ...INIT.nameForm(name, name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "mijn-gemeente"));
  const startYear = number("startYear", need("startYear", opts, INIT.startYearMissing), { whole: true });
  if (startYear < 1900 || startYear > 2200) fail("startYear", ...INIT.startYearOdd(startYear));
  const horizonYears = opts.horizon === undefined ? 5 : number("horizon", opts.horizon, { whole: true, example: "5" });
  if (horizonYears < 1 || horizonYears > 100) fail("horizon", ...INIT.horizonOdd(horizonYears));
  const { groups, stock } = groupsOf(opts);
  const inflow = number("inflow", need("inflow", opts, INIT.inflowMissing), { min: 0 });
  const reinflow = opts.reinflow === undefined ? undefined : number("reinflow", opts.reinflow, { min: 0 });
  if (reinflow !== undefined && reinflow > inflow) fail("reinflow", ...INIT.reinflowTooMuch(reinflow, inflow));
  const outflowWork = number("outflowWork", need("outflowWork", opts, INIT.outflowWorkMissing), { min: 0 });
  const outflowOther = number("outflowOther", need("outflowOther", opts, INIT.outflowOtherMissing), { min: 0 });
  if (outflowWork + outflowOther >= stock + inflow) {
    fail(outflowWork >= outflowOther ? "outflowWork" : "outflowOther", ...INIT.outflowTooMuch(outflowWork + outflowOther, stock + inflow));
  }
  if (reinflow && outflowWork === 0) fail("reinflow", ...INIT.reinflowNoWork);
  const entry = opts.entryShares === undefined ? undefined : shares("entryShares", opts.entryShares, groups.length);
  if (entry && !opts.groups) fail("entryShares", ...INIT.entryNeedsGroups);
  const lks = lksOf(opts);
  const budgetAfter = opts.budgetAfter ?? "held";
  if (budgetAfter !== "held" && budgetAfter !== "indexed") fail("budgetAfter", ...INIT.budgetAfter(budgetAfter));
  return {
    name, label: opts.label?.trim() || INIT.labelDefault(`${name.charAt(0).toUpperCase()}${name.slice(1)}`), startYear, horizonYears, groups, entry, inflow, reinflow,
    outflowWork, outflowOther, benefit: benefitOf(opts), lks, budget: budgetOf(opts.budget, startYear), budgetAfter: budgetAfter as "held" | "indexed", macroSets: macroOf(opts.macro, sets, startYear), reference: referenceOf(sets),
  };
}

/** The shape the elasticities are scaled to follow: matig herstel from the library's CPB shapes, when it ships them. */
function referenceOf(sets: { set: MacroSet }[]): InitInput["reference"] {
  const shapes = sets.find((s) => s.set.name === "cpb-2020-vormen")?.set;
  const sc = shapes?.scenarios.find((x) => x.name === "stresstest-matig-herstel");
  const path = sc && "paths" in sc ? sc.paths.landelijk_volume : undefined;
  if (!path) return undefined;
  const years = Object.keys(path).map(Number).sort((a, b) => a - b);
  return { label: "vorm van matig herstel (CPB juni 2020, cpb-2020-vormen)", path: years.map((y) => path[String(y)]) };
}

function lksOf(opts: InitOpts): InitInput["lks"] {
  if (opts.lksPersons === undefined && opts.lksYear === undefined) return undefined;
  if (opts.lksPersons === undefined || opts.lksYear === undefined) fail(opts.lksPersons === undefined ? "lksPersons" : "lksYear", INIT.missing, INIT.lksMissing);
  return { persons: number("lksPersons", opts.lksPersons, { min: 0 }), perYear: number("lksYear", opts.lksYear, { above: 0 }) };
}

/** The library's sets, one line each. */
function listMacro(): void {
  for (const { file, set } of librarySets()) {
    print(`${set.name.padEnd(17)} ${set.label}`);
    print(`${"".padEnd(17)} ${INIT.listLine(INIT.kinds[set.kind], set.scenarios.map((s) => s.name).join(", "), file)}`);
  }
  print(`\n${INIT.listOwn}`);
}


async function initCommand(opts: InitOpts, cmd: Command): Promise<void> {
  if (opts.listMacro) return listMacro();
  const scripted = FIGURE_FLAGS.some((k) => cmd.getOptionValueSource(k) === "cli");
  if (!scripted && process.stdin.isTTY && process.stdout.isTTY) {
    const { askInit, inquirerPrompter } = await import("./init-questions.js"); // the prompt library loads only for questions
    opts = { ...opts, ...(await askInit(inquirerPrompter(), librarySets())) };
  }
  const sets = librarySets();
  const input = initInput(opts, sets);
  const out = opts.out ?? `${input.name}.json`;
  if (existsSync(out) && !opts.force) throw new InputError("--out", "", ...INIT.outExists(out));
  const { scenario, check } = solveInit(input, out);
  writeFilesAtomically(dirname(out) || ".", { [basename(out)]: JSON.stringify(scenario, null, 2) + "\n" });
  if (opts.quiet) return;
  for (const w of oddFigures(input)) status(CLI.warning(w));
  const groups = input.groups.length > 1 ? INIT.groupsWord(input.groups.length, input.groups.map((g) => g.name).join(", ")) : INIT.oneGroup;
  print(INIT.written(out, input.label, input.horizonYears, input.startYear, groups, input.macroSets.join(", ")));
  const f1 = (v: number) => formatDecimal(v, 1);
  print(INIT.check(input.startYear, f1(check.inflow), f1(check.outflow_work), f1(check.outflow_other), f1(check.volume_end)));
  print(INIT.assumptions(input.groups.length > 1 ? INIT.ladder(ASSUMED.workRatio, ASSUMED.up * 100, ASSUMED.down * 100) : "", input.budgetAfter === "indexed"));
  print(INIT.next(out));
}

/**
 * Figures that pass every check and still look like a slip (a monthly benefit typed as
 * a yearly one, a budget off by a factor of ten): one warning each, the file is written.
 */
export function oddFigures(input: InitInput): string[] {
  const month = input.benefit.per === "month" ? input.benefit.amount : input.benefit.amount / 12;
  const flag = input.benefit.per === "month" ? "--benefit-month" : "--benefit-year";
  const euro = (v: number) => (Math.abs(v) < 10 ? `€\u00a0${formatDecimal(v, 2)}` : formatEuro(v)); // not "€ 0" for 0,25
  const out: string[] = [];
  if (month < 250 || month > 5000) out.push(INIT.benefitOdd(euro(month), month < 250, flag));
  const stock = input.groups.reduce((a, g) => a + g.stock, 0);
  const lks = input.lks ? input.lks.persons * input.lks.perYear : 0;
  const spending = stock * month * 12 + lks;
  // Every year's budget: a later one typed in millions ("2026=44.8") is as wrong as the first.
  for (const [year, budget] of Object.entries(input.budget).sort(([a], [b]) => Number(a) - Number(b))) {
    const ratio = budget / spending;
    if (spending > 0 && (ratio > 3 || ratio < 1 / 3)) {
      // three significant digits: a budget given in thousands is 0,00109 times, not 0,00
      out.push(INIT.budgetOdd(euro(budget), Number(year), formatNumber(Number(ratio.toPrecision(3)), 8), euro(spending), formatDecimal(stock, 0), euro(month), lks ? euro(lks) : undefined, flag));
    }
  }
  return out;
}

/** Adds `init` to the program. */
export function registerInit(program: Command): void {
  program
    .command("init")
    .description(HELP.init)
    .option("--name <slug>", HELP.initName)
    .option("--label <text>", HELP.initLabel)
    .option("--start-year <year>", HELP.initStartYear)
    .option("--horizon <years>", HELP.initHorizon)
    .option("--stock <n>", HELP.initStock)
    .option("--groups <list>", HELP.initGroups)
    .option("--group-shares <list>", HELP.initGroupShares)
    .option("--entry-shares <list>", HELP.initEntryShares)
    .option("--inflow <n>", HELP.initInflow)
    .option("--reinflow <n>", HELP.initReinflow)
    .option("--outflow-work <n>", HELP.initOutflowWork)
    .option("--outflow-other <n>", HELP.initOutflowOther)
    .option("--benefit-month <eur>", HELP.initBenefitMonth)
    .option("--benefit-year <eur>", HELP.initBenefitYear)
    .option("--lks-persons <n>", HELP.initLksPersons)
    .option("--lks-year <eur>", HELP.initLksYear)
    .option("--budget <list>", HELP.initBudget)
    .option("--budget-after <rule>", HELP.initBudgetAfter)
    .option("--macro <list>", HELP.initMacro)
    .option("--list-macro", HELP.initListMacro)
    .option("-o, --out <file>", HELP.initOut)
    .option("--force", HELP.initForce)
    .option("-q, --quiet", HELP.quiet)
    .addHelpText("after", `
${HELP.example}
  bin/bijstandsim init --name meppel --label "Gemeente Meppel" --start-year 2024 --stock 820 --inflow 300 \\
    --outflow-work 180 --outflow-other 110 --benefit-month 1350 --budget 14500000 --macro neutraal --out meppel.json
  bin/bijstandsim run meppel.json --report`)
    .action(initCommand);
}
