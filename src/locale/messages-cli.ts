/**
 * The command line's own texts: the error line's frame, commander's usage errors, the
 * option parsers, `--help`, status lines and the lines a run prints around its tables.
 * Dutch first, English in the same shape (src/locale/lang.ts).
 */
import { catalogue, err } from "./lang.js";

const nl = {
  // --- the error line: `bijstandsim: fout: <file>: <field>: <what>. Oplossing: <fix>` ---
  errorPrefix: "fout",
  fixLabel: "Oplossing:",
  topLevel: "(bovenste niveau)",
  seeHelp: "(zie --help)",
  internalError: "interne fout (meld dit alstublieft)",
  workerFailedNoOutput: "geen uitvoer geschreven",
  workerFailedOn: (task: string, message: string) => `een worker faalde bij ${task}: ${message}`,
  /** The task a failed worker ran (in workerFailedOn). */
  runsTask: (first: number, last: number) => `runs ${first}..${last}`,
  blocksTask: (first: number, last: number) => `microsim-blokken ${first}..${last}`,
  workerThreadFailed: (message: string) => `een worker-thread faalde: ${message}`,
  interrupted: "bijstandsim: onderbroken (Ctrl-C); er is niets geschreven",
  unknownLang: (v: string) => err(`onbekende taal "${v}"`, "gebruik nl (Nederlands, standaard) of en (English)"),
  // --- commander's usage errors, translated from its English text ---
  unknownOption: (flag: string) => `onbekende optie '${flag}'`,
  didYouMean: (s: string) => ` (bedoelt u ${s}?)`,
  unknownCommand: (name: string) => `onbekende opdracht '${name}'`,
  missingArgument: (name: string) => `het argument '${name}' ontbreekt`,
  optionMissingValue: (flags: string) => `optie '${flags}' mist een waarde`,
  requiredOption: (flags: string) => `verplichte optie '${flags}' ontbreekt`,
  tooManyArguments: (command: string, expected: string, got: string) => `te veel argumenten${command ? ` voor '${command}'` : ""}: verwacht ${expected}, gekregen ${got}`,
  invalidChoice: (flags: string, value: string, choices: string) => `optie '${flags}': '${value}' kan niet; kies uit ${choices}`,
  invalidValue: (flags: string, value: string) => `optie '${flags}': '${value}' kan niet`,
  conflicting: (a: string, b: string) => `${a} gaat niet samen met ${b}`,
  // --- option parsers (src/cli/options.ts) ---
  wholeNumberFrom: (name: string, min: number, got: string) => `${name} moet een geheel getal van ${min} of meer zijn (gegeven: "${got}").`,
  wholeNumberDots: (name: string, got: string, plain: string) => `${name} is een geheel getal zonder punt tussen de duizendtallen: schrijf ${plain} (gegeven: "${got}").`,
  wholeNumberRange: (name: string, min: number, max: number, got: string) => `${name} moet een geheel getal van ${min} tot en met ${max} zijn (gegeven: "${got}").`,
  positiveNumber: (name: string, got: string) => `${name} moet een getal boven 0 zijn (gegeven: "${got}").`,
  fourDigitYear: (name: string, got: string) => `${name} moet een jaartal van vier cijfers zijn (gegeven: "${got}").`,
  probability: (name: string, got: string) => `${name} moet een getal van 0 tot (niet tot en met) 1 zijn (gegeven: "${got}").`,
  // --- reading files (src/cli/load.ts, calibrate-commands.ts) ---
  notWritten: (file: string) => `${file} (niet geschreven)`,
  wouldBeInvalid: (message: string) => `het scenario zou ongeldig zijn: ${message}`,
  // --- run (src/cli/run-command.ts) ---
  personsScaleMicrosim: err("geldt alleen voor --mode microsim", "voeg --mode microsim toe, of laat de optie weg"),
  personsScaled: (k: string) => `--persons-scale ${k} schaalt de personen, niet het BUIG-budget, de capaciteit van de interventies of de referentiewaarden: het BUIG-resultaat, de vangnetcompensatie, de interventie-effecten en de vergelijking met referenties gelden niet voor deze schaal (de optie is er om rekentijd en geheugen op een grotere populatie te meten)`,
  outIsRunsFolder: err("is een map met runs (er staat latest in): een run vervangt alleen de map van één eerdere run", "laat --out weg (de run komt dan in een nieuwe map daarin), of kies een nieuwe map"),
  drawsOnly: err("geldt alleen voor --mode psa en --mode microsim; het cohortmodel rekent de verwachte waarden uit, zonder trekkingen", "gebruik --mode psa (of --mode microsim), of laat de optie weg"),
  noNoisePsaOnly: err("geldt alleen voor --mode psa; het cohortmodel rekent de verwachte waarden uit, zonder toeval", "gebruik --mode psa, of laat de optie weg"),
  psaNothingVaries: err("geen parameter in het bestand heeft een verdeling (distribution) en zonder toevalsvariatie in de populatie is elke trekking het verwachte pad", "laat --no-noise weg, geef parameters een distribution, of draai zonder --mode psa"),
  microsimNoNoise: err("een microsimulatie is per definitie toevallig", "laat --no-noise weg, of gebruik --mode cohort voor verwachte waarden"),
  note: (text: string) => `let op: ${text}`,
  warning: (text: string) => `waarschuwing: ${text}`,
  outputs: (files: string) => `Uitvoer: ${files}`,
  outputsIn: (folder: string, files: string) => `Uitvoer in ${folder}: ${files}`,
  phases: {
    startup: "opstarten (Node en modules)", load: "inlezen en compileren", simulate: "simuleren", analyses: "analyses", files: "bestanden opbouwen",
    explorer: "verkenner", report: "rapport (grafieken, html, xlsx)", write: "schrijven",
  },
  timingsLine: (parts: string, total: string) => `Tijden: ${parts}; totaal ${total}`,
  reportAt: (file: string) => `Rapport: ${file} (opent offline in elke browser)`,
  psaStarted: (runs: number, workers: number) => `PSA gestart: ${runs} trekkingen, verdeeld over --workers ${workers}`,
  psaProgress: (runs: number) => `PSA ${runs} trekkingen`,
  microsimStarted: (runs: number, scenarios: number, workers: number) =>
    `Microsimulatie gestart: ${runs} ${runs === 1 ? "replicatie" : "replicaties"} van ${scenarios} ${scenarios === 1 ? "scenario" : "scenario's"}, verdeeld over --workers ${workers}`,
  microsimOneThread: (runs: number, scenarios: number) =>
    `Microsimulatie gestart: ${runs} ${runs === 1 ? "replicatie" : "replicaties"} van ${scenarios} ${scenarios === 1 ? "scenario" : "scenario's"}, in één thread (een populatie met interventies wordt als geheel gesimuleerd)`,
  microsimProgress: (runs: number) => `Microsimulatie ${runs} ${runs === 1 ? "replicatie" : "replicaties"}`,
  validated: (file: string, states: number, on: number, compiled: number, scenarios: number, names: string) =>
    `${file}: geldig. ${states} toestanden (${on} in de bijstand), ${compiled} na uitsplitsing, ${scenarios} scenario('s): ${names}.`,
  reportWrittenIn: (folder: string, files: string, charts: number) => `Rapport in ${folder}: ${files} en ${charts} grafiekbestanden in charts/`,
  explorerWritten: (file: string, mb: string) => `Verkenner: ${file} (${mb} MB). Open het bestand in een browser (Chrome, Edge, Firefox); het werkt zonder internet.`,
  written: (files: string) => `Geschreven: ${files}`,
  reading: (file: string) => `${file} lezen`,
  fitProgress: "fit (vertraging)",
};

const en: typeof nl = {
  errorPrefix: "error",
  fixLabel: "Fix:",
  topLevel: "(top level)",
  seeHelp: "(see --help)",
  internalError: "internal error (please report)",
  workerFailedNoOutput: "no output written",
  workerFailedOn: (task, message) => `a worker failed on ${task}: ${message}`,
  runsTask: (first, last) => `runs ${first}..${last}`,
  blocksTask: (first, last) => `microsim blocks ${first}..${last}`,
  workerThreadFailed: (message) => `a worker thread failed: ${message}`,
  interrupted: "bijstandsim: interrupted (Ctrl-C); nothing was written",
  unknownLang: (v) => err(`unknown language "${v}"`, "use nl (Dutch, the default) or en (English)"),
  unknownOption: (flag) => `unknown option '${flag}'`,
  didYouMean: (s) => ` (did you mean ${s}?)`,
  unknownCommand: (name) => `unknown command '${name}'`,
  missingArgument: (name) => `missing required argument '${name}'`,
  optionMissingValue: (flags) => `option '${flags}' argument missing`,
  requiredOption: (flags) => `required option '${flags}' not specified`,
  tooManyArguments: (command, expected, got) => `too many arguments${command ? ` for '${command}'` : ""}: expected ${expected}, got ${got}`,
  invalidChoice: (flags, value, choices) => `option '${flags}': '${value}' is not allowed; choose from ${choices}`,
  invalidValue: (flags, value) => `option '${flags}': '${value}' is invalid`,
  conflicting: (a, b) => `${a} cannot be used with ${b}`,
  wholeNumberFrom: (name, min, got) => `${name} must be a whole number of ${min} or more (got "${got}").`,
  wholeNumberDots: (name, got, plain) => `${name} is a whole number without thousands separators: write ${plain} (got "${got}").`,
  wholeNumberRange: (name, min, max, got) => `${name} must be a whole number from ${min} to ${max} (got "${got}").`,
  positiveNumber: (name, got) => `${name} must be a number above 0 (got "${got}").`,
  fourDigitYear: (name, got) => `${name} must be a four-digit year (got "${got}").`,
  probability: (name, got) => `${name} must be a number from 0 up to (not including) 1 (got "${got}").`,
  notWritten: (file) => `${file} (not written)`,
  wouldBeInvalid: (message) => `the scenario would be invalid: ${message}`,
  personsScaleMicrosim: err("applies to --mode microsim only", "add --mode microsim, or leave it out"),
  personsScaled: (k) => `--persons-scale ${k} scales the persons, not the BUIG budget, the interventions' capacity or the reference values: the BUIG result, the safety-net compensation, the intervention effects and the comparison with references do not hold at this scale (the option is there to measure time and memory on a larger population)`,
  outIsRunsFolder: err("is a folder of runs (it holds latest): a run replaces only the folder of one earlier run", "leave out --out (the run then goes into a new folder inside it), or choose a new folder"),
  drawsOnly: err("applies to --mode psa and --mode microsim only; the cohort model computes expected values, without draws", "use --mode psa (or --mode microsim), or leave it out"),
  noNoisePsaOnly: err("applies to --mode psa only; the cohort model computes expected values, without chance", "use --mode psa, or leave it out"),
  psaNothingVaries: err("no parameter in the file has a distribution, and without the population's chance variation every draw is the expected path", "leave out --no-noise, give parameters a distribution, or run without --mode psa"),
  microsimNoNoise: err("a microsimulation is random by nature", "leave out --no-noise, or use --mode cohort for expected values"),
  note: (text) => `note: ${text}`,
  warning: (text) => `warning: ${text}`,
  outputs: (files) => `Output: ${files}`,
  outputsIn: (folder, files) => `Output in ${folder}: ${files}`,
  phases: {
    startup: "start-up (Node and modules)", load: "reading and compiling", simulate: "simulation", analyses: "analyses", files: "building files",
    explorer: "what-if page", report: "report (charts, html, xlsx)", write: "writing",
  },
  timingsLine: (parts, total) => `Timings: ${parts}; total ${total}`,
  reportAt: (file) => `Report: ${file} (opens offline in any browser)`,
  psaStarted: (runs, workers) => `PSA started: ${runs} draws, split over --workers ${workers}`,
  psaProgress: (runs) => `PSA ${runs} draws`,
  microsimStarted: (runs, scenarios, workers) =>
    `Microsimulation started: ${runs} replication${runs === 1 ? "" : "s"} of ${scenarios} scenario${scenarios === 1 ? "" : "s"}, split over --workers ${workers}`,
  microsimOneThread: (runs, scenarios) =>
    `Microsimulation started: ${runs} replication${runs === 1 ? "" : "s"} of ${scenarios} scenario${scenarios === 1 ? "" : "s"}, on one thread (a population with interventions is simulated whole)`,
  microsimProgress: (runs) => `Microsimulation ${runs} replication${runs === 1 ? "" : "s"}`,
  validated: (file, states, on, compiled, scenarios, names) =>
    `${file}: valid. ${states} states (${on} on bijstand), ${compiled} compiled states (with duration bands, months after leaving and months in traject), ${scenarios} scenario(s): ${names}.`,
  reportWrittenIn: (folder, files, charts) => `Report in ${folder}: ${files} and ${charts} chart files in charts/`,
  explorerWritten: (file, mb) => `What-if page: ${file} (${mb} MB). Open the file in a browser (Chrome, Edge, Firefox); it works offline.`,
  written: (files) => `Written: ${files}`,
  reading: (file) => `reading ${file}`,
  fitProgress: "fit (lag)",
};

export const CLI = catalogue(nl, en);

/** Reading an input file (cli/input-file.ts): what kind of file was expected, and what it turned out to be. */
const KINDS = { scenario: "scenariobestand (.json)", macroSet: "macroreeks (.json)", csv: "CSV-bestand", series: "CSV-bestand met reeksen (scenario,year,metric,value)" };
export type InputFileKind = keyof typeof KINDS;
const KINDS_EN: Record<InputFileKind, string> = { scenario: "scenario file (.json)", macroSet: "macro set (.json)", csv: "CSV file", series: "CSV file of series (scenario,year,metric,value)" };

const inputNl = {
  notFound: "bestand niet gevonden",
  notFoundFix: (kind: InputFileKind): string => (kind === "scenario" ? "controleer het pad; de meegeleverde scenario's staan in scenarios/" : "controleer het pad"),
  isFolder: "is een map, geen bestand",
  isFolderFix: (kind: InputFileKind) => `geef een ${KINDS[kind]}`,
  unreadable: (code: string) => `kan niet gelezen worden (${code})`,
  unreadableFix: "controleer de rechten op het bestand",
  tooBig: (limit: string) => `is groter dan ${limit}, de grens voor dit soort bestand`,
  tooBigFix: (kind: InputFileKind) => `geef een ${KINDS[kind]}; is dit het goede bestand?`,
  utf16: (order: string) => `is UTF-16 (${order}), geen UTF-8`,
  utf16Fix: "sla het op als UTF-8 (in Excel: 'CSV UTF-8'; in een teksteditor: codering UTF-8)",
  binary: "is geen tekstbestand (het bevat binaire bytes, bijv. een .xlsx, .zip of afbeelding)",
  binaryFix: (kind: InputFileKind) => `geef een ${KINDS[kind]} als platte tekst (UTF-8)${kind === "csv" || kind === "series" ? "; sla een werkmap op als CSV" : ""}`,
};
const inputEn: typeof inputNl = {
  notFound: "file not found",
  notFoundFix: (kind) => (kind === "scenario" ? "check the path; the shipped scenarios are in scenarios/" : "check the path"),
  isFolder: "is a folder, not a file",
  isFolderFix: (kind) => `give a ${KINDS_EN[kind]}`,
  unreadable: (code) => `cannot be read (${code})`,
  unreadableFix: "check the file's permissions",
  tooBig: (limit) => `is larger than ${limit}, the limit for this kind of file`,
  tooBigFix: (kind) => `give a ${KINDS_EN[kind]}; is this the right file?`,
  utf16: (order) => `is UTF-16 (${order}), not UTF-8`,
  utf16Fix: "save it as UTF-8 (in Excel: 'CSV UTF-8'; in a text editor: encoding UTF-8)",
  binary: "is not a text file (it holds binary bytes, e.g. an .xlsx, .zip or image)",
  binaryFix: (kind) => `give a ${KINDS_EN[kind]} as plain text (UTF-8)${kind === "csv" || kind === "series" ? "; save a workbook as CSV" : ""}`,
};

export const INPUT = catalogue(inputNl, inputEn);
