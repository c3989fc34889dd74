/**
 * The Dutch texts of the messages about a scenario file's form (the zod schema, the
 * macro sets, the JSON itself) and of the macro-library notes. One place, so a later
 * change can offer them in another language: give `MSG` the same shape in English and
 * choose it here. Code, paths and field names stay as the file writes them.
 */

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

/** A ceiling as a Dutch reader writes it: 1.000.000.000. */
const nl = (n: number) => n.toLocaleString("nl-NL", { maximumFractionDigits: 20 });

const quoteList = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

export const MSG = {
  found,
  // --- fields (src/model/fields.ts) ---
  number: "moet een getal zijn",
  finite: "moet een eindig getal zijn (geen NaN of Infinity)",
  nonNegative: "moet 0 of meer zijn",
  probability: "moet een kans tussen 0 en 1 zijn",
  wholeNumber: "moet een geheel getal zijn",
  minimum: (min: number) => `moet ${min} of meer zijn`,
  tooLarge: (max: number) => `is groter dan ${nl(max)}: geen plausibele invoer (een tikfout, of een verkeerde eenheid)`,
  tooTiny: "ligt zo dicht bij 0 (maar is geen 0) dat ermee rekenen overloopt",
  ceiling: (max: number, what: string) => `mag hoogstens ${nl(max)} zijn (${what}; docs/limits.md)`,
  driverRange: (max: number, tiny: number) => `moet 0 zijn of in absolute waarde tussen ${tiny} en ${nl(max)} liggen (docs/limits.md)`,
  tooManyStates: (total: number, max: number, own: number) =>
    `maakt het model te groot: ${nl(total)} toestanden na uitsplitsing (grens ${nl(max)}), waarvan ${nl(own)} voor deelnemers van deze interventie (maanden in traject en na afloop maal doeltoestanden)`,
  tooManyStatesFix: "verlaag duration_months of decay.months (of half_life_months), of richt de interventie op minder toestanden",
  tooManyRegular: (total: number, max: number, own: number) => `maken het model te groot: ${nl(total)} toestanden na uitsplitsing (grens ${nl(max)}), waarvan ${nl(own)} uit duurklassen en herinstroom-maanden`,
  tooManyRegularFix: "gebruik minder duurklassen (duration_bands) of een kortere herinstroomperiode (reinflow.cumulative)",
  tooMany: (max: number) => `heeft meer dan ${max} elementen (docs/limits.md)`,
  positive: (what: string) => `${what} moet boven 0 liggen`,
  // --- schema (src/model/schema.ts, distributions/) ---
  yearKey: "jaren zijn viercijferige sleutels zoals \"2024\"",
  offsetKey: "jaren in een vorm tellen vanaf het basisjaar: \"0\", \"1\", \"2\", ...",
  period: "een periode is een jaar \"2022\" of een maand \"2022-07\"",
  slug: (plural: string, example: string) => `namen van ${plural} zijn kleine letters, cijfers en streepjes, zoals "${example}"`,
  atLeastOne: (what: string) => `geef ten minste één ${what}`,
  atLeastTwoStates: "geef ten minste twee toestanden (een in de bijstand en een uitstroomtoestand)",
  nonEmptyName: "een naam mag niet leeg zijn",
  maxYears: "mag hoogstens 100 jaar zijn",
  reinflowPoint: "geef ten minste één punt, bijv. {\"months\": 12, \"share\": 0.2}",
  concentration: "een Dirichlet-concentratie moet boven 0 liggen",
  hazardRatio: "een hazard ratio moet boven 0 liggen",
  relativeRisk: "een relatief risico moet 0 of meer zijn",
  aboveZero: "moet boven 0 liggen",
  ci95: "ci95 moet [laag, hoog] zijn met laag <= hoog",
  truncnormal: "vraagt laag < hoog met het gemiddelde ertussen",
  uniform: "high moet minstens low zijn",
  gammaShape: "de sd moet tussen een miljoenste en duizend keer het gemiddelde liggen ((gemiddelde/sd)^2 tussen 1e-6 en 1e12)",
  lognormalRange: "ci95 moet binnen [0.000001, 1000000] liggen",
  // --- describing a schema issue (src/model/issues.ts) ---
  missing: "ontbreekt",
  missingFix: (example: string) => `voeg het toe, bijv. ${example}`,
  wrongType: (input: unknown, expected: string) => `is ${found(input)}, maar hier hoort ${TYPES[expected] ?? expected}`,
  wrongTypeFix: (example: string) => `schrijf het zo: ${example}`,
  unknownKeys: (keys: readonly string[]) => (keys.length === 1 ? `onbekend veld ${quoteList(keys)}` : `onbekende velden ${quoteList(keys)}`),
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
  duplicateKey: (key: string) => `veld ${JSON.stringify(key)} staat twee keer in hetzelfde object (JSON zou stil de laatste waarde nemen)`,
  duplicateKeyFix: "houd één van de twee over",
  jsonCommentsFix: "verwijder alle // en /* */ commentaar (het voorbeeld in docs/scenario-format.md heeft het alleen als uitleg); of laat `bijstandsim init` een geldig bestand schrijven",
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
  setEmptyPathFix: (shape: boolean) => (shape ? `geef een waarde per jaar vanaf het basisjaar, bijv. {"0": 1, "1": 1.04}` : `geef een waarde per jaar, bijv. {"2024": 1, "2025": 1.02}`),
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
  heldDriver: (driver: string, last: number, from: number, to: number, scenarios: string) =>
    `drijver ${driver} staat in ${scenarios} vanaf ${from} stil op de waarde van ${last} (${to - from + 1} jaar: ${from}-${to}); een constant gehouden drijver is geen prognose. Geef het pad tot ${to} (docs/macro-scenarios.md)`,
  everyScenario: "elk scenario",
} as const;
