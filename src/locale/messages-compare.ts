/**
 * The words of `bijstandsim compare` (src/compare/, src/cli/compare-command.ts): its
 * errors, the notes on what was compared, the terminal tables, the charts,
 * vergelijking.html and vergelijking.xlsx. Dutch first, English in the same shape
 * (src/locale/lang.ts). Run letters (A, B), scenario and metric codes, file names and
 * the sheet names stay codes.
 */
import { catalogue, err, listWith } from "./lang.js";

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
  list: listWith("en"),
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
  labelsDiffer: (name: string, perRun: string) => `Scenario ${name} heet in de runs anders (${perRun}): ze worden op naam gekoppeld, maar zijn mogelijk niet hetzelfde scenario (een stresstest met een schok vanaf een ander jaar); de tabellen tonen de naam uit A.`,
  interventionNote: (label: string, letters: string) => `Interventie ${label}: alleen in ${letters}, dus niet vergeleken.`,
  sameFile: (letter: string) => `${letter} en A rekenen met hetzelfde scenariobestand (zelfde SHA-256).`,
  otherFile: (letter: string, file: string, fileA: string) => `${letter} en A rekenen met verschillende scenariobestanden (${file} en ${fileA}).`,
  versionsNote: (perRun: string) => `De runs zijn gemaakt met verschillende versies van bijstandsim: ${perRun}.`,
  unitsNote: (perRun: string) => `De runs tellen verschillende eenheden: ${perRun}; hun volumes en stromen zijn niet hetzelfde getal.`,
  populationsNote: (perRun: string) =>
    `De runs gaan over verschillende populaties (${perRun}). Scenario's en interventies worden op naam gekoppeld: met dezelfde naam zijn ze daar niet dezelfde, en de verschillen zijn geen herziening van één raming.`,
  meanNote: (letters: string) =>
    `Per run het gemiddelde over de trekkingen of replicaties (${letters}); een run zonder trekkingen met zijn verwachte waarde. Het 90%-interval (p5–p95) staat in de grafieken.`,
  /** `runs`: the number of draws or replications of each run with a band. */
  valueNote: (letters: string, runs: readonly number[]) =>
    `Per run de verwachte waarde (kolom value van yearly.csv). ${letters} ${runs.length > 1 ? "hebben" : "heeft"} ook een 90%-interval (p5–p95) over ${runs.join(" en ")} trekkingen of replicaties: in de grafieken; --stat mean vergelijkt het gemiddelde daarover.`,
  allEqual: "Alle vergeleken cijfers zijn in alle runs gelijk.",
  // --- tables (compare/tables.ts): the terminal, the page and the workbook ---
  metricFrom: (label: string, year: number, unit: string) => `${label} vanaf ${year} (${unit})`,
  metricColumn: "Grootheid",
  runColumn: "Run",
  total: (period: string) => `Totaal ${period}`,
  interventionBlock: (scenario: string, variant: string) => `${scenario}: ${variant}, tegenover geen interventie`,
  minusA: (letter: string) => `${letter} min A`,
  versusA: (letter: string) => `${letter} tegenover A`,
  terminalTitle: (n: number, period: string, differences: string) => `Vergelijking van ${n} runs, ${period} (verschil: ${differences})`,
  // --- charts (compare/charts.ts) ---
  /** The dash patterns of runs A, B, C, ... in words. */
  dashNames: ["doorgetrokken", "gestreept", "gestippeld", "streep-stip", "kort gestreept", "fijn gestippeld"],
  linesSubtitle: (period: string) => `Per scenario en run, ${period}`,
  linesKey: (runs: string, band: boolean) => ` Kleur: scenario; lijn: run (${runs}).${band ? " Vlak: het 90%-interval (p5–p95) van de run met trekkingen." : ""}`,
  differenceSubtitle: (pairs: string) => `${pairs}, per jaar en scenario`,
  volumeTitle: "Bijstandsvolume (personen, eind van het jaar)",
  volumeCaption: "Het aantal personen in de bijstand aan het eind van elk jaar, zonder interventie.",
  volumeDiffTitle: "Verschil in bijstandsvolume met run A (personen, eind van het jaar)",
  volumeDiffCaption: "Per jaar en scenario: het volume van de run min dat van run A (positief = meer mensen in de bijstand dan in A).",
  buigTitle: "BUIG-resultaat (euro; positief = overschot)",
  buigCaption: "BUIG-budget min uitgaven per jaar, zonder interventie.",
  buigDiffTitle: "Verschil in BUIG-resultaat met run A (euro)",
  buigDiffCaption: "Per jaar en scenario: het BUIG-resultaat van de run min dat van run A (positief = gunstiger dan in A).",
  netEffectCaption: (label: string, year: number) =>
    `Het cumulatieve netto-effect van ${label} (BUIG-effect min kosten, tegenover hetzelfde scenario zonder interventie), opgeteld vanaf ${year}.`,
  // --- vergelijking.html (compare/html.ts) and vergelijking.xlsx (compare/xlsx.ts) ---
  heading: "Vergelijking van bijstandsprognoses",
  /** The runs table of the page, and the header of the workbook's sheet Runs. */
  runsHead: ["Run", "Uitvoer", "Scenariobestand", "Rekenwijze", "Datum", "Versie", "SHA-256", "Jaren"],
  runsSheetHead: ["Run", "Uitvoer", "Scenariobestand", "Rekenwijze", "Datum", "Versie van bijstandsim", "SHA-256 van het scenariobestand", "Jaren"],
  statMean: "het gemiddelde over de trekkingen (waar een run die heeft)",
  statValue: "de verwachte waarde (kolom value van yearly.csv)",
  /** The page's lead; the arguments come escaped. */
  lead: (pairs: string, period: string, n: number, scenarios: string, stat: string) =>
    `${pairs}, ${period}, ${n} scenario${n === 1 ? "" : "'s"}: ${scenarios}. Per run ${stat}; een verschil is de run min run A.`,
  whatCompared: "Wat is vergeleken",
  perScenario: "Per scenario",
  again: "Opnieuw maken",
  tablesIntro:
    "Per grootheid de waarde in elke run en het verschil met run A (vet; in rood waar het verschil ongunstig is voor de begroting: meer volume, instroom, uitgaven of kosten, minder uitstroom naar werk, resultaat of effect). Volumes en instroom en uitstroom in personen, bedragen in euro; een interventie tegenover hetzelfde scenario zonder interventie in dezelfde run. De totalen tellen de jaren op waar dat kan (niet bij volumes en cumulatieve bedragen).",
  alsoIn: "De cijfers staan ook in vergelijking.xlsx en vergelijking.csv naast deze pagina.",
  footer: "Gemaakt met bijstandsim compare. Deze pagina is één bestand: grafieken en opmaak staan erin, ze heeft geen internetverbinding nodig.",
  sheetUnits: "Volumes en stromen in personen, bedragen in euro, zoals getoond afgerond (hele euro's en personen, het gemiddelde volume op een tiende): de jaren tellen op tot het totaal, een verschil is de run min run A. De onafgeronde waarden staan op blad Gegevens.",
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
  list: listWith("and"),
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
  labelsDiffer: (name, perRun) => `Scenario ${name} has another label in the runs (${perRun}): they are paired by name but may not be the same scenario (a stress test with a shock from another year); the tables show A's label.`,
  interventionNote: (label, letters) => `Intervention ${label}: only in ${letters}, so not compared.`,
  sameFile: (letter) => `${letter} and A compute with the same scenario file (same SHA-256).`,
  otherFile: (letter, file, fileA) => `${letter} and A compute with different scenario files (${file} and ${fileA}).`,
  versionsNote: (perRun) => `The runs were made with different versions of bijstandsim: ${perRun}.`,
  unitsNote: (perRun) => `The runs count different units: ${perRun}; their volumes and flows are not the same number.`,
  populationsNote: (perRun) =>
    `The runs are of different populations (${perRun}). Scenarios and interventions are paired by name: with the same name they are not the same there, and the differences are no revision of one forecast.`,
  meanNote: (letters) =>
    `Per run the mean over the draws or replications (${letters}); a run without draws with its expected value. The 90% interval (p5–p95) is in the charts.`,
  valueNote: (letters, runs) =>
    `Per run the expected value (column value of yearly.csv). ${letters} also ${runs.length > 1 ? "have" : "has"} a 90% interval (p5–p95) over ${runs.join(" and ")} draws or replications: in the charts; --stat mean compares the mean over them.`,
  allEqual: "All compared numbers are equal in all runs.",
  metricFrom: (label, year, unit) => `${label} from ${year} (${unit})`,
  metricColumn: "Metric",
  runColumn: "Run",
  total: (period) => `Total ${period}`,
  interventionBlock: (scenario, variant) => `${scenario}: ${variant}, against no intervention`,
  minusA: (letter) => `${letter} minus A`,
  versusA: (letter) => `${letter} against A`,
  terminalTitle: (n, period, differences) => `Comparison of ${n} runs, ${period} (difference: ${differences})`,
  dashNames: ["solid", "dashed", "dotted", "dash-dot", "short dashes", "fine dots"],
  linesSubtitle: (period) => `Per scenario and run, ${period}`,
  linesKey: (runs, band) => ` Colour: scenario; line: run (${runs}).${band ? " Band: the 90% interval (p5–p95) of the run with draws." : ""}`,
  differenceSubtitle: (pairs) => `${pairs}, per year and scenario`,
  volumeTitle: "Bijstand volume (persons, end of the year)",
  volumeCaption: "The number of persons on bijstand at the end of each year, without intervention.",
  volumeDiffTitle: "Difference in bijstand volume from run A (persons, end of the year)",
  volumeDiffCaption: "Per year and scenario: the run's volume minus run A's (positive = more people on bijstand than in A).",
  buigTitle: "BUIG result (euro; positive = surplus)",
  buigCaption: "BUIG budget minus expenditure per year, without intervention.",
  buigDiffTitle: "Difference in BUIG result from run A (euro)",
  buigDiffCaption: "Per year and scenario: the run's BUIG result minus run A's (positive = better than in A).",
  netEffectCaption: (label, year) =>
    `The cumulative net effect of ${label} (BUIG effect minus cost, against the same scenario without intervention), summed from ${year}.`,
  heading: "Comparison of bijstand forecasts",
  runsHead: ["Run", "Output", "Scenario file", "Method", "Date", "Version", "SHA-256", "Years"],
  runsSheetHead: ["Run", "Output", "Scenario file", "Method", "Date", "Version of bijstandsim", "SHA-256 of the scenario file", "Years"],
  statMean: "the mean over the draws (where a run has them)",
  statValue: "the expected value (column value of yearly.csv)",
  lead: (pairs, period, n, scenarios, stat) =>
    `${pairs}, ${period}, ${n} scenario${n === 1 ? "" : "s"}: ${scenarios}. Per run ${stat}; a difference is the run minus run A.`,
  whatCompared: "What was compared",
  perScenario: "Per scenario",
  again: "Reproduce",
  tablesIntro:
    "Per metric the value in each run and the difference from run A (bold; in red where the difference is unfavourable for the budget: more volume, inflow, expenditure or cost, less outflow to work, result or effect). Volumes and inflow and outflow in persons, amounts in euros; an intervention against the same scenario without intervention in the same run. The totals add up the years where that makes sense (not for volumes and cumulative amounts).",
  alsoIn: "The numbers are also in vergelijking.xlsx and vergelijking.csv next to this page.",
  footer: "Made with bijstandsim compare. This page is one file: charts and styles are inside, it needs no internet connection.",
  sheetUnits: "Volumes and flows in persons, amounts in euros, rounded as shown (whole euros and persons, the average volume to a tenth): the years add up to the total, a difference is the run minus run A. The unrounded values are on sheet Gegevens.",
};

export const COMPARE = catalogue(nl, en);
