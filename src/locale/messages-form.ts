/**
 * The texts of the messages about a scenario file's form (the zod schema, the macro
 * sets, the JSON itself, yearly values) and of the macro-library notes: Dutch, and
 * English in the same shape (src/locale/lang.ts). Code, paths and field names stay as
 * the file writes them.
 */
import { catalogue } from "./lang.js";

/** How a value found in the file reads in a message: `het getal 14500000`, `de tekst "x"`, ... */
function found(v: unknown): string {
  if (v === undefined) return "niets";
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? `het getal ${v}` : `${v} (geen eindig getal)`;
  if (typeof v === "string") return `de tekst ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}`;
  if (typeof v === "boolean") return `de waarde ${v}`;
  if (Array.isArray(v)) return v.length === 0 ? "een lege lijst []" : `een lijst [...] met ${v.length} ${v.length === 1 ? "element" : "elementen"}`;
  const keys = Object.keys(v as object);
  return keys.length === 0 ? "een leeg object {}" : `een object {${keys.slice(0, 3).map((k) => JSON.stringify(k)).join(", ")}${keys.length > 3 ? ", …" : ""}}`;
}

const TYPES: Record<string, string> = {
  number: "een getal",
  string: "een tekst tussen aanhalingstekens",
  boolean: "true of false",
  array: "een lijst [...]",
  object: "een object {...}",
  record: "een object {...} met een waarde per naam of jaar",
  int: "een geheel getal",
};

/** A ceiling as a reader writes it: 1.000.000.000 in Dutch, 1,000,000,000 in English. */
const nlNumber = (n: number) => n.toLocaleString("nl-NL", { maximumFractionDigits: 20 });
const enNumber = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 20 });

const quoteList = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** The nouns the schema's messages name (slug names, lists that need one element, numbers that must be above 0). */
const NOUNS = {
  interventions: "interventies", scenarios: "scenario's", combinations: "combinaties", targetState: "doeltoestand", effect: "effect",
  macroScenario: "macroscenario", scenario: "scenario", ageBand: "leeftijdsklasse", householdType: "huishoudtype",
  alpha: "alpha (a)", beta: "beta (b)", mean: "het gemiddelde", sd: "de sd", lower: "de ondergrens", upper: "de bovengrens",
};
export type Noun = keyof typeof NOUNS;
const NOUNS_EN: Record<Noun, string> = {
  interventions: "interventions", scenarios: "scenarios", combinations: "combinations", targetState: "target state", effect: "effect",
  macroScenario: "macro scenario", scenario: "scenario", ageBand: "age band", householdType: "household type",
  alpha: "alpha (a)", beta: "beta (b)", mean: "the mean", sd: "the sd", lower: "the lower bound", upper: "the upper bound",
};

/** What a ceiling of docs/limits.md is for, as a message names it. */
const CEILINGS = {
  persons: "personen", amount: "euro per persoon of per keer", months100: "maanden, 100 jaar", months: "maanden", year: "jaartal",
  observations: "waarnemingen", multiplier: "vermenigvuldiger", budget: "euro per jaar", absolute: "in absolute waarde", ageYears: "jaar",
  rate: "rente per jaar, 1 = 100%",
};
export type Ceiling = keyof typeof CEILINGS;
const CEILINGS_EN: Record<Ceiling, string> = {
  persons: "persons", amount: "euros per person or per time", months100: "months, 100 years", months: "months", year: "calendar year",
  observations: "observations", multiplier: "multiplier", budget: "euros per year", absolute: "in absolute value", ageYears: "years",
  rate: "rate per year, 1 = 100%",
};

const nl = {
  or: "of",
  orPerYear: "of per jaar",
  // --- fields (src/model/fields.ts) ---
  number: "moet een getal zijn",
  finite: "moet een eindig getal zijn (geen NaN of Infinity)",
  nonNegative: "moet 0 of meer zijn",
  probability: "moet een kans tussen 0 en 1 zijn",
  wholeNumber: "moet een geheel getal zijn",
  minimum: (min: number) => `moet ${min} of meer zijn`,
  positive: (what: Noun) => `${NOUNS[what]} moet boven 0 liggen`,
  tooLarge: (max: number) => `is groter dan ${nlNumber(max)}: geen plausibele invoer (een tikfout, of een verkeerde eenheid)`,
  tooTiny: "ligt zo dicht bij 0 (maar is geen 0) dat ermee rekenen overloopt",
  ceiling: (max: number, what: Ceiling) => `mag hoogstens ${nlNumber(max)} zijn (${CEILINGS[what]}; docs/limits.md)`,
  driverRange: (max: number, tiny: number) => `moet 0 zijn of in absolute waarde tussen ${tiny} en ${nlNumber(max)} liggen (docs/limits.md)`,
  tooManyStates: (total: number, max: number, own: number) =>
    `maakt het model te groot: ${nlNumber(total)} toestanden na uitsplitsing (grens ${nlNumber(max)}), waarvan ${nlNumber(own)} voor deelnemers van deze interventie (maanden in traject en na afloop maal doeltoestanden)`,
  tooManyStatesFix: "verlaag duration_months of decay.months (of half_life_months), of richt de interventie op minder toestanden",
  tooManyRegular: (total: number, max: number, own: number) => `maken het model te groot: ${nlNumber(total)} toestanden na uitsplitsing (grens ${nlNumber(max)}), waarvan ${nlNumber(own)} uit duurklassen en herinstroom-maanden`,
  tooManyRegularFix: "gebruik minder duurklassen (duration_bands) of een kortere herinstroomperiode (reinflow.cumulative)",
  tooMany: (max: number) => `heeft meer dan ${max} elementen (docs/limits.md)`,
  // --- schema (src/model/schema.ts, distributions/) ---
  yearKey: "jaren zijn viercijferige sleutels zoals \"2024\"",
  offsetKey: "jaren in een vorm tellen vanaf het basisjaar: \"0\", \"1\", \"2\", ...",
  period: "een periode is een jaar \"2022\" of een maand \"2022-07\"",
  slug: (plural: Noun, example: string) => `namen van ${NOUNS[plural]} zijn kleine letters, cijfers en streepjes, zoals "${example}"`,
  atLeastOne: (what: Noun) => `geef ten minste één ${NOUNS[what]}`,
  atLeastTwoStates: "geef ten minste twee toestanden (een in de bijstand en een uitstroomtoestand)",
  nonEmptyName: "een naam mag niet leeg zijn",
  maxYears: "mag hoogstens 100 jaar zijn",
  reinflowPoint: "geef ten minste één punt, bijv. {\"months\": 12, \"share\": 0.2}",
  concentration: "een Dirichlet-concentratie moet boven 0 liggen",
  hazardRatio: "een intensiteitsfactor (hazard_ratio) moet boven 0 liggen",
  relativeRisk: "een relatief risico moet 0 of meer zijn",
  aboveZero: "moet boven 0 liggen",
  ci95: "ci95 moet [laag, hoog] zijn met laag <= hoog",
  ci95Swap: (swapped: string) => `draai de twee getallen om: "ci95": ${swapped}`,
  truncnormal: "vraagt laag < hoog met het gemiddelde ertussen",
  uniform: "high moet minstens low zijn",
  gammaShape: "de sd moet tussen een miljoenste en duizend keer het gemiddelde liggen ((gemiddelde/sd)^2 tussen 1e-6 en 1e12)",
  lognormalRange: "ci95 moet binnen [0.000001, 1000000] liggen",
  // --- describing a schema issue (src/model/issues.ts) ---
  missing: "ontbreekt",
  missingFix: (example: string) => `voeg het toe, bijv. ${example}`,
  missingTypo: (typo: string) => `ontbreekt; het bestand heeft wel het onbekende veld "${typo}"`,
  renameTo: (typo: string, key: string) => `hernoem "${typo}" tot "${key}"`,
  wrongType: (input: unknown, expected: string) => `is ${found(input)}, maar hier hoort ${TYPES[expected] ?? expected}`,
  wrongTypeFix: (example: string) => `schrijf het zo: ${example}`,
  unknownKeys: (keys: readonly string[]): string => (keys.length === 1 ? `onbekend veld ${quoteList(keys)}` : `onbekende velden ${quoteList(keys)}`),
  unknownKeysFix: (keys: readonly string[], suggestions: readonly string[]) =>
    `verwijder of hernoem ${quoteList(keys)}${suggestions.length ? ` (bedoelt u ${quoteList(suggestions)}?)` : ""}; docs/scenario-format.md noemt alle velden`,
  invalidValue: (input: unknown) => `is ${found(input)}: geen toegestane waarde`,
  invalidValueFix: (values: readonly unknown[]) => `gebruik een van ${values.map((v) => JSON.stringify(v)).join(", ")}`,
  tooSmallArray: (n: number, min: number) => `heeft ${n} ${n === 1 ? "element" : "elementen"}, ten minste ${min} nodig`,
  tooBig: (max: number) => `mag hoogstens ${max} zijn`,
  foundSuffix: (input: unknown) => ` (gevonden: ${found(input)})`,
  notFinite: (input: number) => `moet een eindig getal zijn (gevonden: ${input}; het getal is te groot)`,
  notFiniteFix: "schrijf een eindig getal",
  customFix: (example: string) => `schrijf het zo: ${example}`,
  seeDocs: "zie docs/scenario-format.md",
  // --- JSON (src/model/parse.ts) ---
  jsonComments: (line: number) => `bevat commentaar (vanaf regel ${line}): JSON kent geen commentaar`,
  jsonCommentsFix: "verwijder alle // en /* */ commentaar (het voorbeeld in docs/scenario-format.md heeft het alleen als uitleg); of laat `bijstandsim init` een geldig bestand schrijven",
  duplicateKey: (key: string) => `veld ${JSON.stringify(key)} staat twee keer in hetzelfde object (JSON zou stil de laatste waarde nemen)`,
  duplicateKeyFix: "houd één van de twee over",
  // --- yearly values (src/model/compile/years.ts) ---
  noValueFirstYear: (y: number) => `heeft geen waarde voor ${y}, het eerste jaar van de projectie`,
  noValueFirstYearFix: (key: string, y: number, example: number) => `geef ten minste ${y}, bijv. "${key}": {"${y}": ${example}}; één jaar is genoeg: latere jaren houden de laatste waarde aan`,
  noValueGap: (y: number) => `heeft geen waarde voor ${y}`,
  noValueGapFix: (y: number, before: number, after: number) => `vul het gat: geef ${y} (tussen ${before} en ${after}), of laat de jaren na ${before} weg zodat ${before} aangehouden wordt`,
  noValueAfterLast: (y: number, last: number) => `heeft geen waarde voor ${y} (de laatste is ${last}) en "after_last" is "error"`,
  noValueAfterLastFix: (end: number) => `geef waarden tot en met ${end}, zet "after_last" op "constant" (de laatste waarde aanhouden), of kort de horizon in`,
  // --- macro paths (src/model/compile/macro.ts) ---
  pathForDriverFix: (driver: string, from: number) =>
    `geef dit scenario een pad voor "${driver}" (een effect gebruikt die drijver), bijv. "${driver}": {"${from}": 1, "${from + 1}": 1.02}; of neem de scenario's uit een macroreeks met "set" (docs/macro-scenarios.md)`,
  // --- macro sets (src/model/macro-sets.ts) ---
  setScenarioTwice: (name: string) => `scenario "${name}" staat twee keer in de reeks`,
  setScenarioTwiceFix: "geef elk scenario een eigen naam",
  setUnknownDriver: (name: string) => `drijver "${name}" is niet gedeclareerd in deze reeks`,
  setUnknownDriverFix: (declared: readonly string[]) => `declareer hem onder "drivers", of gebruik een van: ${declared.join(", ") || "(geen)"}`,
  setEmptyPath: "is leeg",
  setEmptyPathFix: (shape: boolean): string => (shape ? `geef een waarde per jaar vanaf het basisjaar, bijv. {"0": 1, "1": 1.04}` : `geef een waarde per jaar, bijv. {"2024": 1, "2025": 1.02}`),
  setNeedsBaseYear: "ontbreekt: een reeks met kalenderjaren (\"kind\": \"paths\") noemt het jaar waarin de index 1 is",
  setNeedsBaseYearFix: "voeg het toe, bijv. \"base_year\": 2023",
  setNoBaseYear: (kind: string) => `hoort niet in een reeks van soort "${kind}": het basisjaar kiest het scenariobestand`,
  setNoBaseYearFix: "haal base_year hier weg; een scenariobestand kiest het met \"set\": {\"name\": ..., \"base_year\": 2023}",
  setRefEmpty: "is een lege lijst",
  setRefWrong: (v: unknown) => `is ${found(v)}, maar hier hoort de naam van een macroreeks`,
  setRefFix: "schrijf bijv. \"set\": \"neutraal\", \"set\": [\"neutraal\", \"cpb-2020-vormen\"] of \"set\": {\"name\": \"cpb-2020-vormen\", \"base_year\": 2023}; `bijstandsim init --list-macro` toont de reeksen",
  setRefKeysFix: "een verwijzing kent alleen \"name\", \"base_year\" en \"only\"",
  setRefBaseYear: (v: unknown) => `is ${found(v)}, maar hier hoort een jaartal`,
  setRefBaseYearFix: "schrijf bijv. \"base_year\": 2023",
  setRefOnly: "is geen lijst met scenarionamen",
  setRefOnlyFix: "schrijf bijv. \"only\": [\"stresstest-tweede-golf\"]",
  setRefBaseYearOnPaths: (name: string) => `reeks "${name}" heeft vaste kalenderjaren; een basisjaar kiezen kan alleen bij vormen en constante reeksen`,
  setRefBaseYearOnPathsFix: "laat base_year weg, of gebruik de vormen van deze reeks (bijv. cpb-2020-vormen)",
  setAnchorClash: (own: number, name: string, anchor: number) => `is ${own}, maar reeks "${name}" wordt toegepast met basisjaar ${anchor}`,
  setAnchorClashFix: (anchor: number) => `maak beide gelijk: base_year ${anchor} hier, of hetzelfde jaar in "set": {"name": ..., "base_year": ...}`,
  setNoSuchScenario: (name: string, set: string) => `reeks "${set}" heeft geen scenario "${name}"`,
  setNoSuchScenarioFix: (names: readonly string[]) => `gebruik een van: ${names.join(", ")}`,
  setScenarioClash: (name: string, set: string) => `scenario "${name}" uit reeks "${set}" bestaat al (eigen scenario of andere reeks)`,
  setLacksDriver: (set: string, driver: string) => `de macroreeks "${set}" kent de drijver "${driver}" niet, maar het bestand gebruikt die (macro.effects of buig.indexed_on) in elk scenario, ook in de scenario's van "${set}"`,
  setLacksDriverFix: (set: string, driver: string, own: string | undefined, drivers: readonly string[]) =>
    `laat "${set}" weg uit macro.set en geef ${own ? `uw eigen reeks (${own})` : "uw eigen reeks"} ook een scenario zonder conjunctuur (bijv. "${driver}" constant op de waarde van het basisjaar); of laat de effecten de drijver${drivers.length === 1 ? "" : "s"} van "${set}" gebruiken (${drivers.join(", ")})`,
  setScenarioClashFix: "noem elke reeks één keer, of geef het eigen scenario een andere naam",
  setUnknown: (name: string) => `onbekende macroreeks "${name}"`,
  setUnknownFix: (names: readonly string[]) => `gebruik een van: ${names.join(", ")}; of een eigen bestand naast het scenariobestand, bijv. "set": "./mijn-reeks.json" (zie docs/macro-scenarios.md)`,
  setFileMissing: "reeksbestand niet gevonden",
  setFileMissingFix: "een pad in \"set\" is relatief aan het scenariobestand; een naam zonder .json zoekt in scenarios/macro/",
  // --- notes and warnings of a run ---
  noteShapes: (name: string, label: string, anchor: number) =>
    `macroreeks ${name} (${label}): stresstests, geen prognose; vormen toegepast met basisjaar ${anchor} (jaar 0), de schok begint in ${anchor + 1}`,
  noteConstant: (name: string, drivers: readonly string[], from: number, to: number) =>
    `macroreeks ${name}: ${drivers.join(", ")} bewust constant in ${from}-${to} (geen conjunctuur); een uitgangspunt, geen prognose`,
  notePathsBeforeRun: (name: string, last: number, from: number, to: number) =>
    `macroreeks ${name} loopt tot ${last} (gepubliceerde paden, geschiedenis); de run begint in ${from}, dus ${from}-${to} houden de waarde van ${last} aan: dit is geen vooruitblik. Gebruik de vormen als stresstest (bijv. cpb-2020-vormen) of een eigen actuele reeks (docs/macro-scenarios.md)`,
  largeEffect: (path: string, factor: number, scenario: string, year: number, form: string, elasticity: number) =>
    `${path}: dit effect vermenigvuldigt in ${scenario} (${year}) met ${String(factor).replace(".", ",")}; klopt de elasticiteit ${elasticity}? ${form === "linear" ? "Bij \"form\": \"linear\" werkt die per eenheid van de drijver (0.08 = 8% per procentpunt)" : "Bij \"form\": \"power\" is het de macht van de index (1 = evenredig)"}`,
  heldDriver: (driver: string, last: number, from: number, to: number, scenarios: string, horizon: number | undefined) =>
    `drijver ${driver} staat in ${scenarios} vanaf ${from} stil op de waarde van ${last} (${to - from + 1} jaar: ${from}-${to}); een constant gehouden drijver is geen prognose. Geef het pad tot ${to} (docs/macro-scenarios.md)${horizon ? `, of reken tot en met ${last + 1} (--horizon ${horizon})` : ""}`,
  everyScenario: "elk scenario",
};

/** How a value found in the file reads in an English message: `the number 14500000`, `the text "x"`, ... */
function foundEn(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? `the number ${v}` : `${v} (not a finite number)`;
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}`;
  if (typeof v === "boolean") return `the value ${v}`;
  if (Array.isArray(v)) return v.length === 0 ? "an empty list []" : `a list [...] of ${v.length} ${v.length === 1 ? "element" : "elements"}`;
  const keys = Object.keys(v as object);
  return keys.length === 0 ? "an empty object {}" : `an object {${keys.slice(0, 3).map((k) => JSON.stringify(k)).join(", ")}${keys.length > 3 ? ", …" : ""}}`;
}

const TYPES_EN: Record<string, string> = {
  number: "a number",
  string: "a text in quotes",
  boolean: "true or false",
  array: "a list [...]",
  object: "an object {...}",
  record: "an object {...} with a value per name or year",
  int: "a whole number",
};

const en: typeof nl = {
  or: "or",
  orPerYear: "or per year",
  number: "must be a number",
  finite: "must be a finite number (not NaN or Infinity)",
  nonNegative: "must be 0 or more",
  probability: "must be a probability between 0 and 1",
  wholeNumber: "must be a whole number",
  minimum: (min) => `must be ${min} or more`,
  positive: (what) => `${NOUNS_EN[what]} must be above 0`,
  tooLarge: (max) => `is larger than ${enNumber(max)}: not a plausible input (a typo, or a wrong unit)`,
  tooTiny: "is so close to 0 (but not 0) that computing with it overflows",
  ceiling: (max, what) => `may be at most ${enNumber(max)} (${CEILINGS_EN[what]}; docs/limits.md)`,
  driverRange: (max, tiny) => `must be 0 or between ${tiny} and ${enNumber(max)} in absolute value (docs/limits.md)`,
  tooManyStates: (total, max, own) =>
    `makes the model too large: ${enNumber(total)} states after splitting (limit ${enNumber(max)}), ${enNumber(own)} of them for this intervention's participants (months in traject and after it times target states)`,
  tooManyStatesFix: "lower duration_months or decay.months (or half_life_months), or aim the intervention at fewer states",
  tooManyRegular: (total, max, own) => `make the model too large: ${enNumber(total)} states after splitting (limit ${enNumber(max)}), ${enNumber(own)} of them from duration bands and re-inflow months`,
  tooManyRegularFix: "use fewer duration bands (duration_bands) or a shorter re-inflow period (reinflow.cumulative)",
  tooMany: (max) => `has more than ${max} elements (docs/limits.md)`,
  yearKey: "years are four-digit keys such as \"2024\"",
  offsetKey: "years in a shape count from the base year: \"0\", \"1\", \"2\", ...",
  period: "a period is a year \"2022\" or a month \"2022-07\"",
  slug: (plural, example) => `names of ${NOUNS_EN[plural]} are lower-case letters, digits and hyphens, such as "${example}"`,
  atLeastOne: (what) => `give at least one ${NOUNS_EN[what]}`,
  atLeastTwoStates: "give at least two states (one on bijstand and one to leave to)",
  nonEmptyName: "a name cannot be empty",
  maxYears: "can be at most 100 years",
  reinflowPoint: "give at least one point, e.g. {\"months\": 12, \"share\": 0.2}",
  concentration: "a Dirichlet concentration must be above 0",
  hazardRatio: "a hazard ratio must be above 0",
  relativeRisk: "a relative risk must be 0 or more",
  aboveZero: "must be above 0",
  ci95: "ci95 must be [low, high] with low <= high",
  ci95Swap: (swapped) => `swap the two numbers: "ci95": ${swapped}`,
  truncnormal: "needs low < high with the mean in between",
  uniform: "high must be at least low",
  gammaShape: "the sd must lie between a millionth and a thousand times the mean ((mean/sd)^2 between 1e-6 and 1e12)",
  lognormalRange: "ci95 must lie within [0.000001, 1000000]",
  missing: "is missing",
  missingFix: (example) => `add it, e.g. ${example}`,
  missingTypo: (typo) => `is missing; the file does have the unknown field "${typo}"`,
  renameTo: (typo, key) => `rename "${typo}" to "${key}"`,
  wrongType: (input, expected) => `is ${foundEn(input)}, but ${TYPES_EN[expected] ?? expected} belongs here`,
  wrongTypeFix: (example) => `write it like this: ${example}`,
  unknownKeys: (keys) => (keys.length === 1 ? `unknown field ${quoteList(keys)}` : `unknown fields ${quoteList(keys)}`),
  unknownKeysFix: (keys, suggestions) =>
    `remove or rename ${quoteList(keys)}${suggestions.length ? ` (did you mean ${quoteList(suggestions)}?)` : ""}; docs/scenario-format.md lists every field`,
  invalidValue: (input) => `is ${foundEn(input)}: not an allowed value`,
  invalidValueFix: (values) => `use one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
  tooSmallArray: (n, min) => `has ${n} ${n === 1 ? "element" : "elements"}, at least ${min} needed`,
  tooBig: (max) => `can be at most ${max}`,
  foundSuffix: (input) => ` (found: ${foundEn(input)})`,
  notFinite: (input) => `must be a finite number (found: ${input}; the number is too large)`,
  notFiniteFix: "write a finite number",
  customFix: (example) => `write it like this: ${example}`,
  seeDocs: "see docs/scenario-format.md",
  jsonComments: (line) => `contains comments (from line ${line}): JSON has no comments`,
  jsonCommentsFix: "remove every // and /* */ comment (the example in docs/scenario-format.md has them only as explanation); or let `bijstandsim init` write a valid file",
  duplicateKey: (key) => `field ${JSON.stringify(key)} appears twice in the same object (JSON would silently take the last value)`,
  duplicateKeyFix: "keep one of the two",
  noValueFirstYear: (y) => `has no value for ${y}, the first year of the projection`,
  noValueFirstYearFix: (key, y, example) => `give at least ${y}, e.g. "${key}": {"${y}": ${example}}; one year is enough: later years hold the last value`,
  noValueGap: (y) => `has no value for ${y}`,
  noValueGapFix: (y, before, after) => `fill the gap: give ${y} (between ${before} and ${after}), or leave out the years after ${before} so that ${before} is held`,
  noValueAfterLast: (y, last) => `has no value for ${y} (the last is ${last}) and "after_last" is "error"`,
  noValueAfterLastFix: (end) => `give values up to and including ${end}, set "after_last" to "constant" (hold the last value), or shorten the horizon`,
  pathForDriverFix: (driver, from) =>
    `give this scenario a path for "${driver}" (an effect uses that driver), e.g. "${driver}": {"${from}": 1, "${from + 1}": 1.02}; or take the scenarios from a macro set with "set" (docs/macro-scenarios.md)`,
  setScenarioTwice: (name) => `scenario "${name}" appears twice in the set`,
  setScenarioTwiceFix: "give every scenario its own name",
  setUnknownDriver: (name) => `driver "${name}" is not declared in this set`,
  setUnknownDriverFix: (declared) => `declare it under "drivers", or use one of: ${declared.join(", ") || "(none)"}`,
  setEmptyPath: "is empty",
  setEmptyPathFix: (shape) => (shape ? `give a value per year from the base year, e.g. {"0": 1, "1": 1.04}` : `give a value per year, e.g. {"2024": 1, "2025": 1.02}`),
  setNeedsBaseYear: "is missing: a set with calendar years (\"kind\": \"paths\") names the year in which the index is 1",
  setNeedsBaseYearFix: "add it, e.g. \"base_year\": 2023",
  setNoBaseYear: (kind) => `does not belong in a set of kind "${kind}": the scenario file chooses the base year`,
  setNoBaseYearFix: "remove base_year here; a scenario file chooses it with \"set\": {\"name\": ..., \"base_year\": 2023}",
  setRefEmpty: "is an empty list",
  setRefWrong: (v) => `is ${foundEn(v)}, but the name of a macro set belongs here`,
  setRefFix: "write e.g. \"set\": \"neutraal\", \"set\": [\"neutraal\", \"cpb-2020-vormen\"] or \"set\": {\"name\": \"cpb-2020-vormen\", \"base_year\": 2023}; `bijstandsim init --list-macro` shows the sets",
  setRefKeysFix: "a reference knows only \"name\", \"base_year\" and \"only\"",
  setRefBaseYear: (v) => `is ${foundEn(v)}, but a year belongs here`,
  setRefBaseYearFix: "write e.g. \"base_year\": 2023",
  setRefOnly: "is not a list of scenario names",
  setRefOnlyFix: "write e.g. \"only\": [\"stresstest-tweede-golf\"]",
  setRefBaseYearOnPaths: (name) => `set "${name}" has fixed calendar years; choosing a base year works only for shapes and constant sets`,
  setRefBaseYearOnPathsFix: "leave base_year out, or use the shapes of this set (e.g. cpb-2020-vormen)",
  setAnchorClash: (own, name, anchor) => `is ${own}, but set "${name}" is applied with base year ${anchor}`,
  setAnchorClashFix: (anchor) => `make both equal: base_year ${anchor} here, or the same year in "set": {"name": ..., "base_year": ...}`,
  setNoSuchScenario: (name, set) => `set "${set}" has no scenario "${name}"`,
  setNoSuchScenarioFix: (names) => `use one of: ${names.join(", ")}`,
  setScenarioClash: (name, set) => `scenario "${name}" from set "${set}" already exists (own scenario or another set)`,
  setLacksDriver: (set, driver) => `the macro set "${set}" does not know the driver "${driver}", but the file uses it (macro.effects or buig.indexed_on) in every scenario, the scenarios of "${set}" included`,
  setLacksDriverFix: (set, driver, own, drivers) =>
    `leave "${set}" out of macro.set and give ${own ? `your own set (${own})` : "your own set"} a scenario without business cycle too (e.g. "${driver}" constant at its base-year value); or let the effects use the driver${drivers.length === 1 ? "" : "s"} of "${set}" (${drivers.join(", ")})`,
  setScenarioClashFix: "name each set once, or give the own scenario another name",
  setUnknown: (name) => `unknown macro set "${name}"`,
  setUnknownFix: (names) => `use one of: ${names.join(", ")}; or a file of your own next to the scenario file, e.g. "set": "./mijn-reeks.json" (see docs/macro-scenarios.md)`,
  setFileMissing: "set file not found",
  setFileMissingFix: "a path in \"set\" is relative to the scenario file; a name without .json looks in scenarios/macro/",
  noteShapes: (name, label, anchor) =>
    `macro set ${name} (${label}): stress tests, not a forecast; shapes applied with base year ${anchor} (year 0), the shock starts in ${anchor + 1}`,
  noteConstant: (name, drivers, from, to) =>
    `macro set ${name}: ${drivers.join(", ")} deliberately constant in ${from}-${to} (no business cycle); an assumption, not a forecast`,
  notePathsBeforeRun: (name, last, from, to) =>
    `macro set ${name} runs to ${last} (published paths, history); the run starts in ${from}, so ${from}-${to} hold the value of ${last}: this is not an outlook. Use the shapes as a stress test (e.g. cpb-2020-vormen) or a current set of your own (docs/macro-scenarios.md)`,
  largeEffect: (path, factor, scenario, year, form, elasticity) =>
    `${path}: this effect multiplies by ${factor} in ${scenario} (${year}); is the elasticity ${elasticity} right? ${form === "linear" ? "With \"form\": \"linear\" it acts per unit of the driver (0.08 = 8% per percentage point)" : "With \"form\": \"power\" it is the power of the index (1 = proportional)"}`,
  heldDriver: (driver, last, from, to, scenarios, horizon) =>
    `driver ${driver} is held at its ${last} value in ${scenarios} from ${from} (${to - from + 1} years: ${from}-${to}); a driver held constant is not a forecast. Give the path up to ${to} (docs/macro-scenarios.md)${horizon ? `, or project up to ${last + 1} (--horizon ${horizon})` : ""}`,
  everyScenario: "every scenario",
};

export const MSG = catalogue(nl, en);
