/**
 * `bijstandsim init`: writes a complete, plain JSON scenario from the key figures an
 * advisor has (flags for scripts; on a terminal without flags the questions are asked
 * one by one). The probabilities are solved in src/calibrate/init.ts; this module reads
 * the answers, checks them (one Dutch line naming the flag, exit 2, nothing written),
 * and writes the file atomically.
 */
import { existsSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Command } from "commander";
import { ASSUMED, solveInit, type InitInput } from "../calibrate/init.js";
import { InputError } from "../model/errors.js";
import type { MacroSet } from "../model/macro-sets.js";
import { writeFilesAtomically } from "../report/write.js";
import { fail, FIGURE_FLAGS, number, type InitOpts } from "./init-options.js";
import { print } from "./io.js";
import { librarySets } from "./macro-library.js";

const list = (text: string) => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** Shares that sum to 1 (within 0.001), e.g. "0.3,0.7". */
function shares(key: string, text: string, n: number): number[] {
  const xs = list(text).map((s) => number(key, s, { min: 0 }));
  if (xs.length !== n) fail(key, `${xs.length} aandelen voor ${n} groepen`, `geef één aandeel per groep, in de volgorde van --groups`);
  const total = xs.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-3) fail(key, `de aandelen tellen op tot ${Number(total.toPrecision(6))}, niet 1`, `laat ze samen 1 zijn, bijv. ${xs.map((x) => (x / total).toFixed(2)).join(",")}`);
  return xs.map((x) => x / total);
}

/** `--groups "Trede 1=300,Trede 2=520"` (counts) or `--groups "Trede 1,Trede 2" --group-shares 0.4,0.6` (with --stock). */
function groupsOf(opts: InitOpts): { groups: { name: string; stock: number }[]; stock: number } {
  if (!opts.groups) {
    if (opts.stock === undefined) fail("stock", "ontbreekt", "geef het aantal personen met bijstand eind vorig jaar, bijv. --stock 820 (of per groep: --groups \"Trede 1=300,Trede 2=520\")");
    const stock = number("stock", opts.stock, { min: 0 });
    return { groups: [{ name: "Bijstand", stock }], stock };
  }
  const items = list(opts.groups).map((item) => {
    const [name, count] = item.split("=").map((s) => s.trim());
    return { name, count };
  });
  const names = items.map((g) => g.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) fail("groups", `groep "${twice}" staat er twee keer in`, "noem elke groep één keer, van de laagste trede naar de hoogste");
  if (names.some((n) => n === "") || names.length < 1) fail("groups", "bevat een lege naam", "schrijf bijv. --groups \"Trede 1=300,Trede 2=520\"");
  const reserved = names.find((n) => ["Uitgestroomd naar werk", "Uitstroom overig", "Loonkostensubsidie"].includes(n));
  if (reserved) fail("groups", `"${reserved}" is de naam van een toestand die init zelf maakt`, "kies een andere naam voor de groep");
  if (items.every((g) => g.count !== undefined)) {
    const groups = items.map((g) => ({ name: g.name, stock: number("groups", g.count, { min: 0 }) }));
    const stock = groups.reduce((a, g) => a + g.stock, 0);
    if (opts.stock !== undefined && Math.abs(number("stock", opts.stock, { min: 0 }) - stock) > 1e-9) fail("stock", `${opts.stock} is niet de som van de groepen (${stock})`, "laat --stock weg, of laat de groepen optellen tot --stock");
    return { groups, stock };
  }
  if (items.some((g) => g.count !== undefined)) fail("groups", "geeft voor sommige groepen een aantal en voor andere niet", "geef alle aantallen (\"Trede 1=300,Trede 2=520\") of geen en dan --group-shares");
  if (opts.groupShares === undefined || opts.stock === undefined) fail("group-shares", "ontbreekt: de groepen hebben geen aantallen", "geef aantallen in --groups (\"Trede 1=300,...\"), of --stock met --group-shares 0.4,0.6");
  const stock = number("stock", opts.stock, { min: 0 });
  const s = shares("groupShares", opts.groupShares!, names.length);
  return { groups: names.map((name, k) => ({ name, stock: stock * s[k] })), stock };
}

/** `--budget 14500000` (the start year) or `--budget 2024=14500000,2025=14800000`. */
function budgetOf(text: string | undefined, startYear: number): Record<string, number> {
  if (text === undefined) fail("budget", "ontbreekt", `geef het BUIG-budget van ${startYear} in euro, bijv. --budget 14500000 (één jaar is genoeg)`);
  const out: Record<string, number> = {};
  for (const item of list(text!)) {
    const [a, b] = item.split("=").map((s) => s.trim());
    const year = b === undefined ? startYear : number("budget", a, { whole: true });
    if (b !== undefined && !/^\d{4}$/.test(a)) fail("budget", `"${a}" is geen jaartal`, "schrijf bijv. --budget 2024=14500000,2025=14800000");
    out[String(year)] = number("budget", b ?? a, { above: 0 });
  }
  if (out[String(startYear)] === undefined) fail("budget", `heeft geen bedrag voor ${startYear}, het eerste jaar`, `geef ten minste ${startYear}, bijv. --budget ${startYear}=14500000`);
  return out;
}

function benefitOf(opts: InitOpts): InitInput["benefit"] {
  if (opts.benefitMonth !== undefined && opts.benefitYear !== undefined) fail("benefitYear", "is samen met --benefit-month gegeven", "geef de uitkering per maand of per jaar, niet beide");
  if (opts.benefitMonth !== undefined) return { per: "month", amount: number("benefitMonth", opts.benefitMonth, { above: 0 }) };
  if (opts.benefitYear !== undefined) return { per: "year", amount: number("benefitYear", opts.benefitYear, { above: 0 }) };
  return fail("benefitMonth", "ontbreekt", "geef de gemiddelde uitkering per persoon, bijv. --benefit-month 1350 (of per jaar: --benefit-year 16200)");
}

function macroOf(text: string | undefined, sets: { set: MacroSet }[], startYear: number): string[] {
  const names = list(text ?? "neutraal");
  for (const name of names) {
    const found = sets.find((s) => s.set.name === name);
    if (!found) fail("macro", `onbekende macroreeks "${name}"`, `gebruik een van: ${sets.map((s) => s.set.name).join(", ")} (bijstandsim init --list-macro)`);
    if (found!.set.kind === "paths") {
      const last = Math.max(...found!.set.scenarios.flatMap((sc) => ("paths" in sc ? Object.values(sc.paths).flatMap((p) => Object.keys(p).map(Number)) : [])));
      if (last < startYear) fail("macro", `${name} beschrijft jaren tot ${last} (gepubliceerde paden); voor een start in ${startYear} is dat geen vooruitblik`, "gebruik neutraal, de vormen als stresstest (cpb-2020-vormen) of een eigen actuele reeks (docs/macro-scenarios.md)");
    }
    const drivers = Object.keys(found!.set.drivers);
    if (!drivers.includes("landelijk_volume")) fail("macro", `${name} heeft geen drijver landelijk_volume, waarop de effecten van init werken`, "kies een reeks met landelijk_volume, of pas na init de effecten in het bestand aan (docs/macro-scenarios.md)");
  }
  return names;
}

function need(key: keyof InitOpts, opts: InitOpts, fix: string): string {
  const v = opts[key];
  if (v === undefined || v === "") fail(key, "ontbreekt", fix);
  return v as string;
}

/** The options as checked key figures; InputError on the first that cannot hold. */
export function initInput(opts: InitOpts, sets: { set: MacroSet }[]): InitInput {
  const name = need("name", opts, "geef een korte naam, bijv. --name meppel");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) fail("name", `"${name}" bevat hoofdletters, spaties of tekens`, `gebruik kleine letters, cijfers en streepjes, bijv. --name ${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "mijn-gemeente"}; de volledige naam gaat in --label`);
  const startYear = number("startYear", need("startYear", opts, "geef het eerste jaar van de projectie, bijv. --start-year 2024"), { whole: true });
  if (startYear < 1900 || startYear > 2200) fail("startYear", `${startYear} is geen zinnig jaar`, "geef bijv. --start-year 2024");
  const horizonYears = opts.horizon === undefined ? 5 : number("horizon", opts.horizon, { whole: true });
  if (horizonYears < 1 || horizonYears > 100) fail("horizon", `${horizonYears} jaar kan niet`, "geef 1 tot 100 jaar, bijv. --horizon 5");
  const { groups, stock } = groupsOf(opts);
  const inflow = number("inflow", need("inflow", opts, "geef de instroom per jaar, bijv. --inflow 300"), { min: 0 });
  const reinflow = opts.reinflow === undefined ? undefined : number("reinflow", opts.reinflow, { min: 0 });
  if (reinflow !== undefined && reinflow > inflow) fail("reinflow", `${reinflow} is meer dan de hele instroom (${inflow})`, "--inflow is alle instroom, --reinflow het deel daarvan dat herinstroom is");
  const outflowWork = number("outflowWork", need("outflowWork", opts, "geef de uitstroom naar werk per jaar, bijv. --outflow-work 180"), { min: 0 });
  const outflowOther = number("outflowOther", need("outflowOther", opts, "geef de overige uitstroom per jaar (AOW, verhuizing, overlijden, ...), bijv. --outflow-other 110"), { min: 0 });
  if (outflowWork + outflowOther >= stock + inflow) {
    fail(outflowWork >= outflowOther ? "outflowWork" : "outflowOther", `uitstroom naar werk plus overige uitstroom (${outflowWork + outflowOther}) is niet kleiner dan stand plus instroom (${stock + inflow})`, "wie uitstroomt moet in de bijstand zitten: controleer de aantallen (per jaar, personen)");
  }
  if (reinflow && outflowWork === 0) fail("reinflow", "herinstroom zonder uitstroom naar werk", "geef --outflow-work, of laat --reinflow weg");
  const entry = opts.entryShares === undefined ? undefined : shares("entryShares", opts.entryShares, groups.length);
  if (entry && !opts.groups) fail("entryShares", "geldt alleen met --groups", "laat --entry-shares weg, of geef --groups");
  const lks = lksOf(opts);
  const budgetAfter = opts.budgetAfter ?? "held";
  if (budgetAfter !== "held" && budgetAfter !== "indexed") fail("budgetAfter", `"${budgetAfter}" kan niet`, "gebruik held (gelijk houden) of indexed (het landelijke volume van het scenario volgen)");
  return {
    name, label: opts.label?.trim() || `Gemeente ${name.charAt(0).toUpperCase()}${name.slice(1)}`, startYear, horizonYears, groups, entry, inflow, reinflow,
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
  if (opts.lksPersons === undefined || opts.lksYear === undefined) fail(opts.lksPersons === undefined ? "lksPersons" : "lksYear", "ontbreekt", "geef beide: het aantal personen met loonkostensubsidie en het bedrag per persoon per jaar, bijv. --lks-persons 40 --lks-year 9000");
  return { persons: number("lksPersons", opts.lksPersons, { min: 0 }), perYear: number("lksYear", opts.lksYear, { above: 0 }) };
}

/** The library's sets, one line each, in Dutch. */
function listMacro(): void {
  const kinds = { paths: "gepubliceerde paden", shapes: "vormen: stresstests vanaf een basisjaar", constant: "constant" };
  for (const { file, set } of librarySets()) {
    print(`${set.name.padEnd(17)} ${set.label}`);
    print(`${"".padEnd(17)} ${kinds[set.kind]}; scenario's: ${set.scenarios.map((s) => s.name).join(", ")} (${file})`);
  }
  print("\nEen eigen reeks: een bestand in hetzelfde formaat naast uw scenariobestand, \"set\": \"./mijn-reeks.json\" (docs/macro-scenarios.md).");
}

const f1 = (v: number) => v.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
  if (existsSync(out) && !opts.force) throw new InputError("--out", "", `${out} bestaat al`, "kies een andere naam met --out, of overschrijf het met --force");
  const { scenario, check } = solveInit(input, out);
  writeFilesAtomically(dirname(out) || ".", { [basename(out)]: JSON.stringify(scenario, null, 2) + "\n" });
  if (opts.quiet) return;
  print(`${out} geschreven: ${input.label}, ${input.horizonYears} jaar vanaf ${input.startYear}, ${input.groups.length > 1 ? `${input.groups.length} groepen (${input.groups.map((g) => g.name).join(", ")})` : "één bijstandstoestand"}, macroreeks ${input.macroSets.join(", ")}.`);
  print(`Controle ${input.startYear} zonder conjunctuur: instroom ${f1(check.inflow)}, uitstroom naar werk ${f1(check.outflow_work)}, overige uitstroom ${f1(check.outflow_other)}, volume eind ${f1(check.volume_end)}.`);
  print(`Aannames (met bron in het bestand): ${input.groups.length > 1 ? `kans op werk x${ASSUMED.workRatio} per trede hoger, ${ASSUMED.up * 100}% per jaar een trede omhoog en ${ASSUMED.down * 100}% omlaag; ` : ""}stromen gelijk in latere jaren; budget ${input.budgetAfter === "indexed" ? "geïndexeerd" : "gelijk gehouden"} na het laatste opgegeven jaar.`);
  print(`Volgende stap: bijstandsim run ${out} --report`);
}

/** Adds `init` to the program. */
export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a scenario file from a municipality's key figures (asks the questions on a terminal without flags)")
    .option("--name <slug>", "short name, e.g. meppel (also the file name)")
    .option("--label <text>", "full name, e.g. \"Gemeente Meppel\"")
    .option("--start-year <year>", "first projected year; the stock is that of the end of the year before")
    .option("--horizon <years>", "years to project (default 5)")
    .option("--stock <n>", "persons on bijstand at the end of the previous year")
    .option("--groups <list>", "groups in ladder order, lowest first, with their stock: \"Trede 1=300,Trede 2=520\" (or names with --group-shares)")
    .option("--group-shares <list>", "share of --stock per group, e.g. 0.4,0.6")
    .option("--entry-shares <list>", "share of new inflow per group (default: as the stock)")
    .option("--inflow <n>", "inflow per year, new and re-inflow together")
    .option("--reinflow <n>", "the part of --inflow that is re-inflow after work, if known")
    .option("--outflow-work <n>", "outflow to work per year")
    .option("--outflow-other <n>", "other outflow per year (AOW age, moving, death, ...)")
    .option("--benefit-month <eur>", "average benefit per person per month")
    .option("--benefit-year <eur>", "average benefit per person per year (instead of --benefit-month)")
    .option("--lks-persons <n>", "persons working with loonkostensubsidie (paid from BUIG)")
    .option("--lks-year <eur>", "loonkostensubsidie per person per year")
    .option("--budget <list>", "BUIG budget: 14500000 (the start year) or 2024=14500000,2025=14800000; later years are held")
    .option("--budget-after <rule>", "after the last budget year: held (default) or indexed (follows the scenario's national volume)")
    .option("--macro <list>", "macro scenario set(s), comma-separated (default neutraal; see --list-macro)")
    .option("--list-macro", "list the macro scenario sets of the library")
    .option("-o, --out <file>", "scenario file to write (default <name>.json)")
    .option("--force", "overwrite an existing --out")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", `
Example:
  bijstandsim init --name meppel --label "Gemeente Meppel" --start-year 2024 --stock 820 --inflow 300 \\
    --outflow-work 180 --outflow-other 110 --benefit-month 1350 --budget 14500000 --macro neutraal --out meppel.json
  bijstandsim run meppel.json --report`)
    .action(initCommand);
}
