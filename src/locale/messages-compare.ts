/**
 * The words of `bijstandsim compare` (src/compare/, src/cli/compare-command.ts): its
 * errors, the runs' labels and the notes on what was compared. Dutch first, English in the same shape
 * (src/locale/lang.ts). Run letters (A, B), scenario and metric codes, file names and
 * the sheet names stay codes.
 */
import { catalogue, err } from "./lang.js";

const RERUN = "geef de uitvoermap van bijstandsim run (met results.json) of een results.json die deze versie schreef; draai een oudere run zo nodig opnieuw";
const RERUN_EN = "give the output folder of bijstandsim run (holding results.json) or a results.json this version wrote; rerun an older run if need be";

const nl = {
  // --- reading a run (compare/compare.ts parseRun, cli/compare-command.ts readRun) ---
  notFound: err("niet gevonden", "geef de uitvoermap van een run (met results.json) of het pad van een results.json"),
  noResultsJson: err("bevat geen results.json, dus geen uitvoer van bijstandsim run",
    "geef de map die bijstandsim run schreef (standaard output/<naam van het scenariobestand>/<mode>-<tijd>/, of output/<naam> voor de laatste), of draai eerst bijstandsim run <scenariobestand> --out <map>"),
  notJson: err("is geen JSON, dus geen resultatenbestand van bijstandsim", RERUN),
  scenarioFile: (file: string) => err("is een scenariobestand, geen resultatenbestand", `draai het eerst (bijstandsim run ${file} --out <map>) en vergelijk die map`),
  noFormat: "heeft geen veld \"format\"",
  otherFormat: (got: string, want: string) => `heeft format ${got}, deze versie leest "${want}"`,
  notResults: (found: string) => err(`is geen resultatenbestand van bijstandsim: het ${found}`, RERUN),
  incomplete: (message: string) => err(`is geen volledig resultatenbestand (${message})`, RERUN),
  // --- a run's label: "steenwijkerland.json, cohortmodel, 2026-01-01" ---
  modeCohort: "cohortmodel",
  modePsa: (runs: string, seed: string, noNoise: boolean) => `PSA, ${runs} trekkingen${seed}${noNoise ? ", zonder toevalsvariatie" : ""}`,
  modeMicrosim: (runs: string, one: boolean, seed: string) => `microsimulatie, ${runs} replicatie${one ? "" : "s"}${seed}`,
  dateUnknown: "datum onbekend",
  dateUnknownFile: (day: string) => `datum onbekend, bestand van ${day}`,
  // --- refusals and notes (compare/compare.ts) ---
  /** "a, b en c". */
  list: (xs: readonly string[]): string => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} en ${xs[xs.length - 1]}`),
  runsBefore: "de runs ervoor",
  tooFew: (n: number) => err(`vergelijkt twee of meer runs, maar kreeg er ${n}`, "geef twee of meer uitvoermappen of results.json-bestanden, bijvoorbeeld bijstandsim compare output/vorig-jaar output/dit-jaar"),
  noCommonYear: (other: string, letter: string, years: string, before: string) =>
    err(`heeft geen jaar gemeen met ${other}: ${letter} rekent ${years}, ${before}`, "vergelijk runs waarvan de jaren overlappen (draai een run zo nodig opnieuw met een langere --horizon)"),
  noCommonScenario: (other: string, letter: string, names: string, namesA: string) =>
    err(`heeft geen macroscenario gemeen met ${other} (${letter}: ${names}; A: ${namesA})`,
      "vergelijk runs die een scenario met dezelfde naam doorrekenen (bij init: dezelfde macroset, bijvoorbeeld --macro cpb-2020 voor de scenario's van de meegeleverde bestanden)"),
  notShared: (name: string, choices: string) => err(`"${name}" is geen scenario dat alle runs hebben`, `kies uit: ${choices}`),
  yearsNote: (years: string, perRun: string) => `Jaren: alleen ${years}, die alle runs hebben (${perRun}).`,
  scenariosNote: (common: string, left: string) => `Scenario's: alleen ${common}, die alle runs hebben; niet vergeleken: ${left}.`,
  onlyIn: (label: string, letters: string) => `${label} (alleen in ${letters})`,
  interventionNote: (label: string, letters: string) => `Interventie ${label}: alleen in ${letters}, dus niet vergeleken.`,
  sameFile: (letter: string) => `${letter} en A rekenen met hetzelfde scenariobestand (zelfde SHA-256).`,
  otherFile: (letter: string, file: string, fileA: string) => `${letter} en A rekenen met verschillende scenariobestanden (${file} en ${fileA}).`,
  versionsNote: (perRun: string) => `De runs zijn gemaakt met verschillende versies van bijstandsim: ${perRun}.`,
  unitsNote: (perRun: string) => `Let op: de runs tellen verschillende eenheden: ${perRun}.`,
  meanNote: (letters: string) =>
    `Per run het gemiddelde over de trekkingen of replicaties (${letters}); een run zonder trekkingen met zijn verwachte waarde. Het 90%-interval (p5–p95) staat in de grafieken.`,
  /** `runs`: the number of draws or replications of each run with a band. */
  valueNote: (letters: string, runs: readonly number[]) =>
    `Per run de verwachte waarde (kolom value van yearly.csv). ${letters} ${runs.length > 1 ? "hebben" : "heeft"} ook een 90%-interval (p5–p95) over ${runs.join(" en ")} trekkingen of replicaties: in de grafieken; --stat mean vergelijkt het gemiddelde daarover.`,
  allEqual: "Alle vergeleken cijfers zijn in alle runs gelijk.",
};

const en: typeof nl = {
  notFound: err("not found", "give the output folder of a run (holding results.json) or the path of a results.json"),
  noResultsJson: err("holds no results.json, so no output of bijstandsim run",
    "give the folder bijstandsim run wrote (by default output/<scenario file's name>/<mode>-<time>/, or output/<name> for the latest), or first run bijstandsim run <scenario file> --out <folder>"),
  notJson: err("is not JSON, so no results file of bijstandsim", RERUN_EN),
  scenarioFile: (file) => err("is a scenario file, not a results file", `run it first (bijstandsim run ${file} --out <folder>) and compare that folder`),
  noFormat: "has no field \"format\"",
  otherFormat: (got, want) => `has format ${got}, this version reads "${want}"`,
  notResults: (found) => err(`is not a results file of bijstandsim: it ${found}`, RERUN_EN),
  incomplete: (message) => err(`is not a complete results file (${message})`, RERUN_EN),
  modeCohort: "cohort model",
  modePsa: (runs, seed, noNoise) => `PSA, ${runs} draws${seed}${noNoise ? ", without population noise" : ""}`,
  modeMicrosim: (runs, one, seed) => `microsimulation, ${runs} replication${one ? "" : "s"}${seed}`,
  dateUnknown: "date unknown",
  dateUnknownFile: (day) => `date unknown, file dated ${day}`,
  list: (xs) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`),
  runsBefore: "the runs before it",
  tooFew: (n) => err(`compares two or more runs, but got ${n}`, "give two or more output folders or results.json files, for example bijstandsim compare output/last-year output/this-year"),
  noCommonYear: (other, letter, years, before) =>
    err(`has no year in common with ${other}: ${letter} covers ${years}, ${before}`, "compare runs whose years overlap (rerun one with a longer --horizon if need be)"),
  noCommonScenario: (other, letter, names, namesA) =>
    err(`has no macro scenario in common with ${other} (${letter}: ${names}; A: ${namesA})`,
      "compare runs that compute a scenario of the same name (with init: the same macro set, for example --macro cpb-2020 for the scenarios of the shipped files)"),
  notShared: (name, choices) => err(`"${name}" is not a scenario all runs have`, `choose from: ${choices}`),
  yearsNote: (years, perRun) => `Years: only ${years}, which all runs have (${perRun}).`,
  scenariosNote: (common, left) => `Scenarios: only ${common}, which all runs have; not compared: ${left}.`,
  onlyIn: (label, letters) => `${label} (only in ${letters})`,
  interventionNote: (label, letters) => `Intervention ${label}: only in ${letters}, so not compared.`,
  sameFile: (letter) => `${letter} and A compute with the same scenario file (same SHA-256).`,
  otherFile: (letter, file, fileA) => `${letter} and A compute with different scenario files (${file} and ${fileA}).`,
  versionsNote: (perRun) => `The runs were made with different versions of bijstandsim: ${perRun}.`,
  unitsNote: (perRun) => `Note: the runs count different units: ${perRun}.`,
  meanNote: (letters) =>
    `Per run the mean over the draws or replications (${letters}); a run without draws with its expected value. The 90% interval (p5–p95) is in the charts.`,
  valueNote: (letters, runs) =>
    `Per run the expected value (column value of yearly.csv). ${letters} also ${runs.length > 1 ? "have" : "has"} a 90% interval (p5–p95) over ${runs.join(" and ")} draws or replications: in the charts; --stat mean compares the mean over them.`,
  allEqual: "All compared numbers are equal in all runs.",
};

export const COMPARE = catalogue(nl, en);
