/**
 * The texts of compiling a scenario file (src/model/compile/, adjust.ts, convert.ts,
 * the JSON reader) and of the engine and analyses that name a user's mistake: errors as
 * `[what, fix]`, and the notes a run prints. Dutch first, English in the same shape
 * (src/locale/lang.ts). Field names, state names and paths are codes.
 */
import { catalogue, err } from "./lang.js";
import { formatNumber, stored } from "./format.js";

/** A number as JSON writes it in the file (a decimal point), without float noise: 1.035, not 1.0350000000000001. */
const json = (v: number): string => String(Number(v.toPrecision(6)));

/**
 * V8's JSON.parse messages (English, whatever the locale) in Dutch; the position is
 * given as line and column already. An unknown message stays as V8 wrote it.
 */
const JSON_ERRORS_NL: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [/^Expected double-quoted property name/, "hier hoort een naam tussen dubbele aanhalingstekens; staat er een komma te veel voor } of ]?"],
  [/^Expected property name or '}'/, "hier hoort een naam tussen dubbele aanhalingstekens, of }"],
  [/^Expected ':' after property name/, "na een naam hoort een dubbele punt"],
  [/^Expected ',' or '}' after property value/, "na een waarde hoort een komma of }"],
  [/^Expected ',' or ']' after array element/, "na een element van een lijst hoort een komma of ]"],
  [/^Unexpected non-whitespace character after JSON/, "na het einde van de JSON staat nog tekst"],
  [/^Unexpected end of JSON input/, "de JSON houdt hier op: een } of ] ontbreekt"],
  [/^Bad control character in string literal/, "een tab of regeleinde binnen een tekst tussen aanhalingstekens (schrijf \\t of \\n)"],
  [/^Unterminated string/, "een tekst zonder sluitend aanhalingsteken"],
  [/^Bad (escaped character|Unicode escape)/, "een ongeldige \\ in een tekst"],
  [/^(No number after minus sign|Exponent part is missing a number|Unterminated fractional number)/, "een onvolledig getal"],
  [/^Unexpected number/, "een getal dat hier niet kan staan (een getal als 012 begint niet met een 0)"],
  [/^Unexpected token '(.*?)'/, (m) => `het teken ${m[1]} kan hier niet staan`],
];
/** V8's message without its position (given as line and column) or its quote of the text. */
const jsonErrorText = (v8: string): string => v8.replace(/,? in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/s, "");
const dutchJsonError = (v8: string): string => {
  const text = jsonErrorText(v8);
  for (const [re, say] of JSON_ERRORS_NL) {
    const m = re.exec(text);
    if (m) return typeof say === "string" ? say : say(m);
  }
  return text;
};

const nl = {
  // --- a result that is not finite (outcomes/finite.ts, cli/run-command.ts) ---
  notFinite: (at: string, behind: string) => err(`de berekening geeft een ongeldig getal (NaN of oneindig) in ${at}, niets geschreven`, `een invoergetal is te extreem: controleer ${behind} (docs/limits.md)`),
  behindCapacity: "de capaciteit van de interventies (places, coaches x caseload, starts_per_year)",
  behindCosts: "de kosten van de interventies (per_start, per_participant_month, events) en de kosten per toestand",
  behindExpenditure: "de kosten per toestand (benefit, lks) en de aantallen",
  behindBudget: "buig.budget en de drijver waarop het budget geïndexeerd is",
  behindCounts: "de aantallen (initial, inflow.per_year) en de macropaden en elasticiteiten",
  // --- JSON (model/parse.ts) ---
  lineColumn: (line: number, col: number) => `regel ${line}, kolom ${col}`,
  line: (line: number) => `regel ${line}`,
  invalidJson: (detail: string) => `is geen geldige JSON (${dutchJsonError(detail)})`,
  jsonNoNumber: (word: string) => `JSON kent geen ${word}: schrijf een eindig getal (of laat het veld weg)`,
  jsonCheck: "controleer komma's, aanhalingstekens en haakjes rond die plek (een JSON-linter wijst het aan)",
  trailingComma: "is geen geldige JSON: een komma vlak voor ] of }",
  trailingCommaFix: "verwijder die komma (na het laatste element van een lijst of object staat er in JSON geen)",
  jsonDecimalComma: (n: string) => `schrijf een getal in JSON met een punt als decimaalteken en zonder punten tussen de duizendtallen: ${n}`,
  // --- labels written into results ---
  baselineLabel: "Zonder interventie",
  noMacroLabel: "Basis (geen macro-scenario)",
  // --- notes ---
  heldValue: (key: string, last: number, next: string) => `${key}: de waarde van ${last} wordt aangehouden voor ${next}`,
  heldIn: (what: string, scenarios: string) => `${what} in ${scenarios}`,
  everyScenario: "elk scenario",
  yearlyWhat: { "new inflow": "nieuwe instroom", "BUIG budget": "BUIG-budget" } as Record<string, string>,
  outsideInterval: (path: string, point: number, lo: number, hi: number) =>
    `${path}: de puntwaarde ${point} ligt buiten het 95%-interval van zijn verdeling (${lo} – ${hi}): de run met verwachte waarden en de probabilistische runs rekenen dan met heel andere getallen. Staan ze in dezelfde eenheid (per maand of per jaar; een factor 1.3 of een toename 0.3)? Laat de verdeling om de puntwaarde liggen`,
  centreNote: (path: string, point: number, centre: number) =>
    `${path}: de puntwaarde ${point} en het midden van de verdeling (${centre}) verschillen; de run met verwachte waarden gebruikt de puntwaarde, probabilistische runs de verdeling`,
  yearlyCycle: (lags: string) =>
    `jaarcyclus: instromers worden aan het eind van hun eerste jaar geteld en gaan vanaf het jaar erna verder; voor fijnere timing "cycle": "month"` + (lags ? `; vertragingen van ${lags} werken in hele jaren` : ""),
  yearlyRounding: (path: string, what: string) => `${path}: met een jaarcyclus ${what} (gebruik "cycle": "month" voor exacte maanden)`,
  afterEffectYears: "het na-effect wordt in hele jaren gevolgd",
  aowOnTop: (exit: string, from: string) => `microsim: AOW-uitstroom komt bovenop de overgangen naar "${exit}" in transitions (vanuit ${from}); als die AOW al bevatten, telt het dubbel`,
  aowTableStarts: (first: number, value: string) => `microsim: de wettelijke AOW-tabel begint in ${first}; de waarde daarvan (${value}) geldt voor eerdere jaren`,
  aowNotSet: (last: number, value: string, end: number) => `microsim: de AOW-leeftijd na ${last} ligt nog niet vast in de wet; ${value} wordt aangehouden voor ${last + 1}-${end}`,
  yearsMonths: (y: number, m: number) => `${y} jaar${m ? ` ${m} maanden` : ""}`,
  noExitDeclared: "(geen gedeclareerd: voeg een toestand van soort \"exit\" toe)",
  // --- states, transitions, bands (compile/) ---
  stateTwice: (name: string) => err(`toestand "${name}" is twee keer gedeclareerd`, "geef elke toestand een eigen naam"),
  noOnState: err("geen enkele toestand heeft soort \"on\"", "markeer de bijstandstoestanden met \"kind\": \"on\""),
  unknownState: (name: string, known: string) => err(`onbekende toestand "${name}"`, `gebruik een van de gedeclareerde toestanden: ${known}`),
  ladderNotOn: (name: string) => err(`"${name}" is geen bijstandstoestand`, "noem alleen bijstandstoestanden, van de laagste trede naar de hoogste"),
  ladderTwice: (name: string) => err(`"${name}" staat er twee keer in`, "noem elke trede één keer"),
  fromExit: (name: string) => err(`"${name}" is een uitstroomtoestand en uitstroomtoestanden zijn absorberend`, "haal de overgangen eruit weg, of geef hem soort \"off\""),
  entryNotOn: (name: string) => err(`"${name}" is geen bijstandstoestand`, "mensen stromen de bijstand in via toestanden van soort \"on\""),
  entrySum: (sum: number) => err(`de aandelen tellen op tot ${sum}, niet 1`, "laat de instroomverdeling optellen tot 1"),
  oneEncoding: (n: number) => err(`geef precies één van "matrix", "list" of "counts" (gevonden: ${n})`, 'bijv. "list": [{"from": "Bijstand", "to": "Werk", "p": 0.02}] (docs/scenario-format.md)'),
  matrixOrder: (m: number, n: number, known: string) => err(`moet elk van de ${m} gedeclareerde toestanden één keer noemen (noemt er ${n})`, `noem precies: ${known}`),
  matrixRows: (n: number, m: number) => err(`heeft ${n} rijen, verwacht ${m}`, "geef één rij per toestand in `order`"),
  matrixEntries: (n: number, m: number) => err(`heeft ${n} waarden, verwacht ${m}`, "geef één kans per toestand in `order`"),
  rowSum: (name: string, sum: number) => err(`rij "${name}" telt op tot ${sum}, niet 1`, "laat elke rij optellen tot 1 (binnen 1e-9): de diagonaal is de kans om te blijven"),
  pairTwice: (from: string, to: string) => err(`overgang "${from}" -> "${to}" staat er twee keer in`, "houd één regel per paar"),
  outAboveOne: (name: string, sum: number) => err(`de kansen uit "${name}" tellen op tot ${stored(sum, 9)}, meer dan 1`, "verlaag ze zodat de kans om te blijven 0 of meer is"),
  listRowSum: (name: string, sum: number) => err(`rij "${name}" telt op tot ${sum}, niet 1`, "maak de kans om te blijven het complement, of laat hem weg: dan wordt hij berekend"),
  noObservations: (name: string) => err(`geen waarnemingen vanuit "${name}"`, "geef er tellingen voor (ook het blijven, van = naar), of geef de rij als `list`"),
  conversionFailed: (per: string, cycle: string, detail: string, isList: boolean) =>
    err(`omrekenen van kansen per ${per === "year" ? "jaar" : "maand"} naar kansen per ${cycle === "year" ? "jaar" : "maand"} is mislukt: ${detail}`,
      isList ? "verlaag die kans tot onder 1" : `geef de kansen per ${cycle === "year" ? "jaar" : "maand"} ("per": "${cycle}") of als een dunne "list" (rij voor rij omgerekend)`),
  noRealRoot: (detail: string) => `de matrix heeft geen reële wortel (${detail}); er is geen stochastische maandwortel`,
  rootNotReal: "de wortel van de matrix is niet reëel (de jaarmatrix heeft geen reële wortel)",
  negativeProbability: (v: string, from: string, to: string) =>
    `omrekenen geeft een negatieve kans ${v} van "${from}" naar "${to}" (de jaarmatrix heeft geen stochastische maandwortel: mensen zouden binnen een jaar heen en weer moeten gaan)`,
  rowAfterConversion: (name: string, sum: number) => `rij "${name}" telt na omrekenen op tot ${sum}`,
  leavesAll: (name: string) => `iedereen in "${name}" vertrekt binnen de periode (kans 1), en daar bestaat geen constant-hazard-equivalent van`,
  bandEdges: err("de grenzen van de duurklassen moeten oplopen", "schrijf ze in maanden, oplopend, bijv. [12, 36, 60]"),
  bandValues: (n: number, nb: number, edges: number) => err(`heeft ${n} waarden, verwacht ${nb} (één per duurklasse)`, `${edges} grenzen maken ${nb} duurklassen`),
  bandLabels: (n: number, nb: number) => err(`heeft ${n} labels, verwacht ${nb}`, `geef één label per duurklasse (${nb - 1} grenzen maken ${nb} klassen), of laat labels weg`),
  bandShares: (sum: number) => err(`telt op tot ${sum}, niet 1`, "geef het aandeel van de beginstand in elke duurklasse"),
  bandMultiplier: (mult: number, name: string, cycle: string, p: string) =>
    err(`${mult} duwt de kans om "${name}" te verlaten per ${cycle === "year" ? "jaar" : "maand"} naar ${p}, boven 1`, "verlaag de factor, of gebruik een maandcyclus (kansen per jaar laten minder ruimte)"),
  leftWithin: err("left_within_months vraagt een toestand buiten de bijstand met een herinstroomprofiel", "geef een gewoon aantal"),
  reinflowOff: err("alleen toestanden van soort \"off\" hebben herinstroom", "zet het bij de toestand waarin mensen komen na uitstroom naar werk"),
  reinflowIncrease: err("maanden en aandelen moeten oplopen", "zet de punten op volgorde in de tijd, bijv. 12 maanden 0.20, 60 maanden 0.35"),
  reinflowBelowOne: err("moet onder 1 liggen", "een aandeel terugkeerders, bijv. 0.2"),
  partialBelowOwnRisk: err("ligt onder own_risk", "de deels vergoede band ligt boven het eigen risico, bijv. 0.075 en 0.125"),
  largeEffectSize: (path: string, value: number, measure: string) =>
    `${path}: een ${measure === "hr" ? "intensiteitsfactor" : "relatief risico"} van ${formatNumber(value, 6)} is een heel groot effect (onderzoek naar begeleiding vindt meestal 1,05 tot 1,2, of 0,8 tot 0,95 voor een effect dat iets minder maakt)` +
    (value >= 100 || value === 0 ? "" : value > 1 ? `; is een toename van ${formatNumber(value, 6)}% bedoeld? Schrijf die als ${json(1 + value / 100)}` : `; is een toename van ${formatNumber(value * 100, 6)}% bedoeld (schrijf ${json(1 + value)}) of een afname (schrijf ${json(1 - value)})?`),
  startsBeforeProjection: (path: string, start: string, year: number) =>
    `${path}: "${start}" ligt vóór het begin van de projectie (${year}): de interventie telt vanaf januari ${year}; wie er al eerder in zat, zit niet als deelnemer in de beginstand`,
  budgetScale: (year: number, others: number, budget: string, times: string, cost: string) =>
    `buig.budget: het BUIG-budget ${year}${others ? ` (en dat van ${others === 1 ? "1 ander jaar" : `${others} andere jaren`})` : ""} (${budget}) is ${times} keer wat de beginvoorraad per jaar kost (${cost}); controleer of het in hele euro's staat (niet in miljoenen of duizenden) en de kosten per toestand (states[].cost)`,
  referenceScenario: (name: string, names: string) => err(`onbekend scenario "${name}"`, `gebruik een van: ${names}`),
  concentrationAndDistribution: (name: string, k: number) => err(`de rij van "${name}" heeft zowel een Dirichlet-concentratie als een verdeling op één overgang (${k})`, "gebruik een van de twee voor die rij"),
  inflowDistributionNumber: err("een verdeling vraagt één getal per_year", "geef per_year als één getal, of laat de verdeling weg"),
  // --- macro (compile/macro.ts) ---
  unknownDriver: (name: string, names: string) => err(`onbekende drijver "${name}"`, `gebruik een van de drijvers in macro.drivers: ${names || "(geen gedeclareerd)"}`),
  stayingPut: err("een effect op blijven mag niet", "richt het op de overgang eruit; blijven is het complement"),
  scenarioTwice: (name: string) => err(`scenario "${name}" is twee keer gedeclareerd`, "geef elk scenario een eigen naam"),
  pathUnknownDriver: (name: string, names: string) => err(`onbekende drijver "${name}"`, `declareer hem in macro.drivers of gebruik een van: ${names}`),
  noPathForDriver: (scenario: string, driver: string) => `scenario "${scenario}" heeft geen pad voor drijver "${driver}"`,
  pathEmpty: err("is leeg", "geef de waarde van de drijver per jaar"),
  pathStartsLate: (first: number, need: number, base: number, lag: number) => err(`begint in ${first}, maar de run heeft ${need} nodig (basisjaar ${base}, vertragingen tot ${lag} maanden)`, `voeg waarden toe terug tot ${need}`),
  pathGap: (y: number) => err(`heeft geen waarde voor ${y}`, "geef een waarde voor elk jaar, zonder gaten"),
  budgetNoValue: (y: number) => err(`het budget heeft geen waarde voor ${y}`, "indexeer vanaf een jaar met een opgegeven budget"),
  budgetRuleNoValue: (y: number) => err(`heeft geen waarde voor ${y}, die de budgetregel nodig heeft`, `voeg de waarde van ${y} toe`),
  budgetRuleZero: (v: number, y: number) => err(`is ${v} in ${y}; de budgetregel deelt erdoor`, "indexeer het budget op een drijver die in from_year boven 0 ligt"),
  // --- interventions (compile/interventions.ts) ---
  interventionTwice: (name: string) => err(`interventie "${name}" is twee keer gedeclareerd`, "geef elke interventie een eigen naam"),
  endsBeforeStart: (end: string, start: string) => err(`eindigt (${end}) voordat ze begint (${start})`, "maak end gelijk aan of later dan start"),
  noCostRange: (key: string) => err(`geen kostenpost "${key}"`, "bandbreedtes bestaan voor per_start en per_participant_month"),
  targetExit: (name: string) => err(`"${name}" is een uitstroomtoestand`, "richt de interventie op bijstandstoestanden, of op een toestand buiten de bijstand voor nazorg"),
  coachesCaseload: err("coaches en caseload horen bij elkaar", "geef beide, bijv. {\"coaches\": 2, \"caseload\": 50}"),
  oneMeasure: err("geef precies één van hazard_ratio en relative_risk", "een hazard ratio werkt op de intensiteit (duwt een kans nooit boven 1); een relatief risico vermenigvuldigt de kans"),
  halfLife: err("exponentiële uitdoving vraagt half_life_months", "bijv. {\"type\": \"exponential\", \"half_life_months\": 6}"),
  preventionAlone: err("een instroomeffect (preventie) gaat in één interventie niet samen met andere effecten", "declareer de preventie als eigen interventie"),
  preventionStarts: err("instroompreventie vraagt starts_per_year (bereikte personen per jaar)", "bijv. {\"starts_per_year\": 150}"),
  preventionAdds: (v: number) => err(`een instroomeffect van ${v} zou instroom toevoegen`, "geef het aandeel bereikte personen dat toch instroomt: een relative_risk tussen 0 en 1 (0.65 = 35% minder)"),
  placesOrCoaches: err("geef places, of coaches en caseload", "bijv. {\"places\": 100} of {\"coaches\": 2, \"caseload\": 50}"),
  fromNotTarget: (name: string) => err(`"${name}" is geen van de doeltoestanden van de interventie`, "voeg hem toe aan targets, of richt het effect op een overgang uit een doeltoestand"),
  noTargetOfKind: (kind: string, on: boolean) =>
    err(`"${kind}" werkt op overgangen uit ${on ? "bijstandstoestanden" : "toestanden buiten de bijstand"}, en geen doeltoestand is er een`, on ? "richt de interventie op bijstandstoestanden" : "richt de interventie op de toestand waarin mensen na uitstroom komen (nazorg)"),
  needsBands: err("vraagt duration_bands om te weten hoe lang mensen in de bijstand zitten", "declareer duration_bands, of laat dit weg"),
  notBandEdge: (m: number, edges: string) => err(`${m} is geen grens van een duurklasse`, `gebruik een van ${edges}`),
  noReinflowProfile: (name: string) =>
    err(`"${name}" heeft geen herinstroomprofiel, dus wie net vertrokken is valt niet te onderscheiden`, "geef die toestand buiten de bijstand een herinstroomprofiel (nazorg begint bij vertrek), of richt de interventie op bijstandstoestanden"),
  unknownIntervention: (name: string, names: string) => err(`onbekende interventie "${name}"`, `gebruik een van: ${names}`),
  bothInterventionAndCombination: (name: string) => err(`"${name}" is zowel een interventie als een combinatie`, "geef de combinatie een eigen naam"),
  // --- population (compile/population.ts) ---
  aowNeedsAges: err("een AOW-leeftijd vraagt de leeftijden van de personen", "geef population.ages, of laat aow_age_months weg"),
  aowNoYears: err("geeft geen jaren", "geef bijv. {\"2024\": 804, \"2028\": 807}, of één aantal maanden"),
  aowNoValue: (year: number, start: number) => err(`heeft geen waarde voor ${year} of eerder`, `voeg een waarde voor ${start} toe`),
  aowNoExit: err("AOW-uitstroom vraagt een uitstroomtoestand, en het bestand declareert er geen", "declareer een toestand van soort \"exit\" (bijv. \"Uitstroom overig\")"),
  aowUnknown: (name: string, exits: string) => err(`onbekende toestand "${name}"`, `gebruik een van de uitstroomtoestanden: ${exits}`),
  aowNotExit: (name: string, exits: string) => err(`"${name}" is geen uitstroomtoestand`, `gebruik een van de uitstroomtoestanden: ${exits}`),
  ageBandOrder: (to: number, from: number) => err(`"to" (${to}) moet boven "from" (${from}) liggen`, "leeftijden zijn in jaren; een klasse beslaat [from, to)"),
  ageBandAboveAow: (from: number, aow: string) => err(`${from} jaar ligt op of boven de AOW-leeftijd (${aow}): niemand in deze klasse zit in de bijstand`, "laat de klasse weg of laat hem lager beginnen"),
  ageShares: (sum: number) => err(`de aandelen tellen op tot ${sum}, niet 1`, "laat de leeftijdsaandelen optellen tot 1"),
  tooManyHouseholds: (n: number) => err(`heeft ${n} typen, hoogstens 255 kunnen`, "voeg huishoudtypen samen"),
  householdTwice: (name: string) => err(`huishoudtype "${name}" is twee keer gedeclareerd`, "geef elk type een eigen naam"),
  householdShares: (sum: number) => err(`de aandelen tellen op tot ${sum}, niet 1`, "laat de aandelen van de huishoudtypen optellen tot 1"),
  // --- adjust.ts (fits, draws, what-ifs) ---
  lagTooLong: (first: number, lag: number, need: number) => err(`begint in ${first}, maar een vertraging van ${lag} maanden heeft ${need} nodig`, `voeg waarden toe terug tot ${need}`),
  scaledMoves: (factor: number, detail: string) => err(`met de overgangen eruit maal ${factor}: ${detail}`, "schaal ze minder"),
  nonNegative: (v: number) => err(`moet een eindig getal van 0 of meer zijn (gegeven: ${v})`, "geef 0 of meer"),
  horizonRange: (years: number, max: number) => err(`een horizon van ${years} jaar ligt niet binnen 1-${max}`, `kies 1 tot ${max} jaar, of verleng horizon_years in het bestand`),
  // --- engine, simulate, analyses, outcomes ---
  unknownScenarioRun: (name: string, names: string) => err(`onbekend scenario "${name}"`, `gebruik een van: ${names}`),
  unknownVariant: (name: string, names: string) =>
    err(`onbekende interventie of combinatie "${name}"`, names ? `gebruik een van: ${names}` : "het bestand declareert geen interventies: laat --variant weg, of voeg een interventie toe (docs/scenario-format.md)"),
  unknownInterventionRun: (name: string, names: string) => err(`onbekende interventie "${name}"`, `gebruik een van: ${names || "(het bestand declareert geen interventies)"}`),
  rowOverflow: (state: string, total: string) => `de kansen om "${state}" te verlaten tellen op tot ${total}, meer dan 1`,
  effectOverflow: (intervention: string, state: string, total: string) => `interventie "${intervention}" duwt de kans om "${state}" te verlaten naar ${total}, boven 1`,
  multiplierNegative: (scenario: string, year: number, value: number) => err(`in scenario "${scenario}", ${year}, is de vermenigvuldiger ${value} (die moet 0 of meer zijn)`, "verlaag de elasticiteit of gebruik form \"power\""),
  effectRange: (message: string, scenario: string, year: number) =>
    err(`${message} (scenario "${scenario}", ${year})`, "gebruik een hazard_ratio in plaats van een relative_risk (die kan een kans niet boven 1 duwen), of verlaag het relatieve risico"),
  rowOverflowIn: (scenario: string, year: number, message: string) => err(`in scenario "${scenario}", ${year}: ${message}`, "verlaag de elasticiteiten of het drijverpad, of de basiskansen uit die toestand"),
};

const en: typeof nl = {
  notFinite: (at, behind) => err(`the computation gives an invalid number (NaN or infinite) in ${at}, nothing written`, `an input number is too extreme: check ${behind} (docs/limits.md)`),
  behindCapacity: "the capacity of the interventions (places, coaches x caseload, starts_per_year)",
  behindCosts: "the costs of the interventions (per_start, per_participant_month, events) and the costs per state",
  behindExpenditure: "the costs per state (benefit, lks) and the counts",
  behindBudget: "buig.budget and the driver the budget is indexed on",
  behindCounts: "the counts (initial, inflow.per_year) and the macro paths and elasticities",
  lineColumn: (line, col) => `line ${line}, column ${col}`,
  line: (line) => `line ${line}`,
  invalidJson: (detail) => `is not valid JSON (${jsonErrorText(detail)})`,
  jsonNoNumber: (word) => `JSON has no ${word}: write a finite number (or leave the field out)`,
  jsonCheck: "check commas, quotes and brackets near that place (a JSON linter shows it)",
  trailingComma: "is not valid JSON: a comma right before ] or }",
  trailingCommaFix: "remove that comma (JSON has none after the last element of a list or object)",
  jsonDecimalComma: (n) => `write a number in JSON with a point as the decimal separator and no thousands separators: ${n}`,
  baselineLabel: "Without intervention",
  noMacroLabel: "Base (no macro scenario)",
  heldValue: (key, last, next) => `${key}: the ${last} value is held for ${next}`,
  heldIn: (what, scenarios) => `${what} in ${scenarios}`,
  everyScenario: "every scenario",
  yearlyWhat: {},
  outsideInterval: (path, point, lo, hi) =>
    `${path}: the point value ${point} lies outside its distribution's 95% interval (${lo} – ${hi}): the expected-value run and the probabilistic runs then compute with very different numbers. Are they in the same unit (per month or per year; a factor 1.3 or an increase 0.3)? Let the distribution lie around the point value`,
  centreNote: (path, point, centre) =>
    `${path}: the point value ${point} and the centre of its distribution (${centre}) differ; the expected-value run uses the point value, probabilistic runs the distribution`,
  yearlyCycle: (lags) =>
    `yearly cycle: entrants are counted at the end of their first year and move from the next; for finer timing use "cycle": "month"` + (lags ? `; lags of ${lags} act in whole years` : ""),
  yearlyRounding: (path, what) => `${path}: with a yearly cycle ${what} (use "cycle": "month" for exact months)`,
  afterEffectYears: "the after-effect is followed in whole years",
  aowOnTop: (exit, from) => `microsim: AOW exits come on top of the moves to "${exit}" in transitions (from ${from}); if those already include AOW, it counts twice`,
  aowTableStarts: (first, value) => `microsim: the statutory AOW table starts in ${first}; its value (${value}) is used for earlier years`,
  aowNotSet: (last, value, end) => `microsim: the AOW age after ${last} is not yet set by law; ${value} is held for ${last + 1}-${end}`,
  yearsMonths: (y, m) => `${y} years${m ? ` ${m} months` : ""}`,
  noExitDeclared: "(none declared: add a state of kind \"exit\")",
  stateTwice: (name) => err(`state "${name}" is declared twice`, "give every state a unique name"),
  noOnState: err("no state has kind \"on\"", "mark the bijstand states with \"kind\": \"on\""),
  unknownState: (name, known) => err(`unknown state "${name}"`, `use one of the declared states: ${known}`),
  ladderNotOn: (name) => err(`"${name}" is not an on-bijstand state`, "list on-states only, from the lowest rung to the highest"),
  ladderTwice: (name) => err(`"${name}" is listed twice`, "list every rung once"),
  fromExit: (name) => err(`"${name}" is an exit state and exit states are absorbing`, "remove transitions out of it, or make it kind \"off\""),
  entryNotOn: (name) => err(`"${name}" is not an on-bijstand state`, "people enter bijstand in states of kind \"on\""),
  entrySum: (sum) => err(`the shares sum to ${sum}, not 1`, "make the entry distribution sum to 1"),
  oneEncoding: (n) => err(`give exactly one of "matrix", "list" or "counts" (found ${n})`, 'e.g. "list": [{"from": "Bijstand", "to": "Werk", "p": 0.02}] (docs/scenario-format.md)'),
  matrixOrder: (m, n, known) => err(`must list each of the ${m} declared states once (lists ${n})`, `list exactly: ${known}`),
  matrixRows: (n, m) => err(`has ${n} rows, expected ${m}`, "give one row per state in `order`"),
  matrixEntries: (n, m) => err(`has ${n} entries, expected ${m}`, "give one probability per state in `order`"),
  rowSum: (name, sum) => err(`row "${name}" sums to ${sum}, not 1`, "make every row sum to 1 (within 1e-9): the diagonal is the probability of staying"),
  pairTwice: (from, to) => err(`transition "${from}" -> "${to}" is given twice`, "keep one entry per pair"),
  outAboveOne: (name, sum) => err(`the probabilities out of "${name}" add up to ${stored(sum, 9)}, more than 1`, "lower them so that the chance of staying is 0 or more"),
  listRowSum: (name, sum) => err(`row "${name}" sums to ${sum}, not 1`, "make the stay probability the complement, or leave it out and it is computed"),
  noObservations: (name) => err(`no observations from "${name}"`, "add counts for it (including the stays, from = to), or give it by `list`"),
  conversionFailed: (per, cycle, detail, isList) =>
    err(`converting ${per}ly to ${cycle}ly probabilities failed: ${detail}`, isList ? "lower that probability below 1" : `give the probabilities per ${cycle} ("per": "${cycle}") or as a sparse "list" (converted row by row)`),
  noRealRoot: (detail) => `the matrix has no real root (${detail}); it has no monthly stochastic root`,
  rootNotReal: "the matrix root is not real (the yearly matrix has no real root)",
  negativeProbability: (v, from, to) =>
    `converting gives a negative probability ${v} from "${from}" to "${to}" (the yearly matrix has no monthly stochastic root: people would have to move back and forth within a year)`,
  rowAfterConversion: (name, sum) => `row "${name}" sums to ${sum} after conversion`,
  leavesAll: (name) => `all of "${name}" leaves within the period (probability 1), which has no constant-hazard equivalent`,
  bandEdges: err("band edges must increase", "write them in months, ascending, e.g. [12, 36, 60]"),
  bandValues: (n, nb, edges) => err(`has ${n} values, expected ${nb} (one per band)`, `${edges} edges make ${nb} bands`),
  bandLabels: (n, nb) => err(`has ${n} labels, expected ${nb}`, `give one label per band (${nb - 1} edges make ${nb} bands), or leave labels out`),
  bandShares: (sum) => err(`sums to ${sum}, not 1`, "give the share of the initial stock in each band"),
  bandMultiplier: (mult, name, cycle, p) => err(`${mult} pushes the probability of leaving "${name}" per ${cycle} to ${p}, above 1`, "lower the multiplier, or use a monthly cycle (yearly probabilities leave less room)"),
  leftWithin: err("left_within_months needs an off state with a re-inflow profile", "give a plain count"),
  reinflowOff: err("only states of kind \"off\" have re-inflow", "move it to the state people enter after leaving for work"),
  reinflowIncrease: err("months and shares must increase", "list the points in time order, e.g. 12 months 0.20, 60 months 0.35"),
  reinflowBelowOne: err("must be below 1", "a share of returners, e.g. 0.2"),
  partialBelowOwnRisk: err("is below own_risk", "the partly compensated band lies above the own risk, e.g. 0.075 and 0.125"),
  largeEffectSize: (path, value, measure) =>
    `${path}: a ${measure === "hr" ? "hazard ratio" : "relative risk"} of ${formatNumber(value, 6)} is a very large effect (studies of guidance mostly find 1.05 to 1.2, or 0.8 to 0.95 for an effect that lowers something)` +
    (value >= 100 || value === 0 ? "" : value > 1 ? `; is an increase of ${formatNumber(value, 6)}% meant? Write it as ${json(1 + value / 100)}` : `; is an increase of ${formatNumber(value * 100, 6)}% meant (write ${json(1 + value)}) or a decrease (write ${json(1 - value)})?`),
  startsBeforeProjection: (path, start, year) =>
    `${path}: "${start}" lies before the projection starts (${year}): the intervention counts from January ${year}; whoever was in it before is not a participant in the starting stock`,
  budgetScale: (year, others, budget, times, cost) =>
    `buig.budget: the BUIG budget ${year}${others ? ` (and that of ${others} other year${others === 1 ? "" : "s"})` : ""} (${budget}) is ${times} times what the starting stock costs a year (${cost}); check that it is in whole euros (not millions or thousands) and the states' costs (states[].cost)`,
  referenceScenario: (name, names) => err(`unknown scenario "${name}"`, `use one of: ${names}`),
  concentrationAndDistribution: (name, k) => err(`the row of "${name}" has both a Dirichlet concentration and a distribution on one move (${k})`, "use one of the two for that row"),
  inflowDistributionNumber: err("a distribution needs a single number per_year", "give per_year as one number, or leave the distribution out"),
  unknownDriver: (name, names) => err(`unknown driver "${name}"`, `use one of the drivers in macro.drivers: ${names || "(none declared)"}`),
  stayingPut: err("an effect on staying put is not allowed", "target the move out; staying is the complement"),
  scenarioTwice: (name) => err(`scenario "${name}" is declared twice`, "give every scenario a unique name"),
  pathUnknownDriver: (name, names) => err(`unknown driver "${name}"`, `declare it in macro.drivers or use one of: ${names}`),
  noPathForDriver: (scenario, driver) => `scenario "${scenario}" has no path for driver "${driver}"`,
  pathEmpty: err("is empty", "give the driver's value per year"),
  pathStartsLate: (first, need, base, lag) => err(`starts in ${first}, but the run needs ${need} (base year ${base}, lags up to ${lag} months)`, `add values back to ${need}`),
  pathGap: (y) => err(`has no value for ${y}`, "give a value for every year without gaps"),
  budgetNoValue: (y) => err(`the budget has no value for ${y}`, "index from a year with a given budget"),
  budgetRuleNoValue: (y) => err(`has no value for ${y}, which the budget rule needs`, `add the ${y} value`),
  budgetRuleZero: (v, y) => err(`is ${v} in ${y}; the budget rule divides by it`, "index the budget on a driver that is above 0 in from_year"),
  interventionTwice: (name) => err(`intervention "${name}" is declared twice`, "give every intervention a unique name"),
  endsBeforeStart: (end, start) => err(`ends (${end}) before it starts (${start})`, "make end the same as or later than start"),
  noCostRange: (key) => err(`no cost "${key}"`, "ranges exist for per_start and per_participant_month"),
  targetExit: (name) => err(`"${name}" is an exit state`, "target on-bijstand states, or an off state for aftercare (nazorg)"),
  coachesCaseload: err("coaches and caseload go together", "give both, e.g. {\"coaches\": 2, \"caseload\": 50}"),
  oneMeasure: err("give exactly one of hazard_ratio and relative_risk", "a hazard ratio acts on the rate (never pushes a probability above 1); a relative risk multiplies the probability"),
  halfLife: err("exponential decay needs half_life_months", "e.g. {\"type\": \"exponential\", \"half_life_months\": 6}"),
  preventionAlone: err("an inflow (prevention) effect cannot be combined with other effects in one intervention", "declare the prevention as its own intervention"),
  preventionStarts: err("inflow prevention needs starts_per_year (persons reached per year)", "e.g. {\"starts_per_year\": 150}"),
  preventionAdds: (v) => err(`an inflow effect of ${v} would add inflow`, "give the share of reached persons that still flows in: a relative_risk between 0 and 1 (0.65 = 35% fewer)"),
  placesOrCoaches: err("give places, or coaches and caseload", "e.g. {\"places\": 100} or {\"coaches\": 2, \"caseload\": 50}"),
  fromNotTarget: (name) => err(`"${name}" is not one of the intervention's targets`, "add it to targets, or target a move out of a target state"),
  noTargetOfKind: (kind, on) =>
    err(`"${kind}" acts on moves out of ${on ? "on-bijstand" : "off"} states, and no target is one`, on ? "target on-bijstand states" : "target the off state people enter after leaving (aftercare)"),
  needsBands: err("needs duration_bands to know how long people are on bijstand", "declare duration_bands, or leave this out"),
  notBandEdge: (m, edges) => err(`${m} is not a duration band edge`, `use one of ${edges}`),
  noReinflowProfile: (name) =>
    err(`"${name}" has no re-inflow profile, so who has just left cannot be told apart`, "give that off state a reinflow profile (aftercare starts when people leave), or target on-bijstand states"),
  unknownIntervention: (name, names) => err(`unknown intervention "${name}"`, `use one of: ${names}`),
  bothInterventionAndCombination: (name) => err(`"${name}" is both an intervention and a combination`, "give the combination its own name"),
  aowNeedsAges: err("an AOW age needs the ages of the persons", "give population.ages, or leave aow_age_months out"),
  aowNoYears: err("gives no years", "give e.g. {\"2024\": 804, \"2028\": 807}, or one number of months"),
  aowNoValue: (year, start) => err(`has no value for ${year} or earlier`, `add a value for ${start}`),
  aowNoExit: err("AOW exits need an exit state, and the file declares none", "declare a state of kind \"exit\" (e.g. \"Uitstroom overig\")"),
  aowUnknown: (name, exits) => err(`unknown state "${name}"`, `use one of the exit states: ${exits}`),
  aowNotExit: (name, exits) => err(`"${name}" is not an exit state`, `use one of the exit states: ${exits}`),
  ageBandOrder: (to, from) => err(`"to" (${to}) must lie above "from" (${from})`, "ages are in years; a band covers [from, to)"),
  ageBandAboveAow: (from, aow) => err(`${from} years is at or above the AOW age (${aow}): nobody in this band is on bijstand`, "drop the band or lower its start"),
  ageShares: (sum) => err(`the shares sum to ${sum}, not 1`, "make the age shares sum to 1"),
  tooManyHouseholds: (n) => err(`has ${n} types, at most 255 are supported`, "merge household types"),
  householdTwice: (name) => err(`household type "${name}" is declared twice`, "give every type a unique name"),
  householdShares: (sum) => err(`the shares sum to ${sum}, not 1`, "make the household shares sum to 1"),
  lagTooLong: (first, lag, need) => err(`starts in ${first}, but a lag of ${lag} months needs ${need}`, `add values back to ${need}`),
  scaledMoves: (factor, detail) => err(`with the moves out scaled by ${factor}: ${detail}`, "scale them less"),
  nonNegative: (v) => err(`must be a finite number of 0 or more (got ${v})`, "give 0 or more"),
  horizonRange: (years, max) => err(`a horizon of ${years} years is not within 1-${max}`, `choose 1 to ${max} years, or lengthen horizon_years in the file`),
  unknownScenarioRun: (name, names) => err(`unknown scenario "${name}"`, `use one of: ${names}`),
  unknownVariant: (name, names) =>
    err(`unknown intervention or combination "${name}"`, names ? `use one of: ${names}` : "the file declares no interventions: leave out --variant, or add an intervention (docs/scenario-format.md)"),
  unknownInterventionRun: (name, names) => err(`unknown intervention "${name}"`, `use one of: ${names || "(the file declares no interventions)"}`),
  rowOverflow: (state, total) => `the probabilities of leaving "${state}" add up to ${total}, more than 1`,
  effectOverflow: (intervention, state, total) => `intervention "${intervention}" pushes the probability of leaving "${state}" to ${total}, above 1`,
  multiplierNegative: (scenario, year, value) => err(`in scenario "${scenario}", ${year}, the multiplier is ${value} (it must be 0 or more)`, "lower the elasticity or use form \"power\""),
  effectRange: (message, scenario, year) =>
    err(`${message} (scenario "${scenario}", ${year})`, "use a hazard_ratio instead of a relative_risk (it cannot push a probability above 1), or lower the relative risk"),
  rowOverflowIn: (scenario, year, message) => err(`in scenario "${scenario}", ${year}: ${message}`, "lower the elasticities or the driver path, or the base probabilities out of that state"),
};

export const COMPILE = catalogue(nl, en);

/** The pre-flight check of a run's size (simulate/preflight.ts). */
const preflightNl = {
  tooBig: (what: string) => `is te groot om te rekenen: ${what}`,
  need: (need: string, limit: string) => `nodig ${need}; grens ${limit}`,
  memory: "geheugen",
  time: "rekentijd",
  output: (file: string) => `uitvoerbestand ${file}`,
  microsimStates: (n: string, limit: string) => `${n} toestanden voor de microsimulatie (grens ${limit})`,
  persons: (n: string, limit: string) => `${n} personen per populatie (grens ${limit})`,
  microsimNobody: (scale: string, least: string) => err(`${scale} laat in de microsimulatie niemand over (minder dan één persoon)`, `kies een schaal van ten minste ${least}`),
  microsimPersons: (n: string, limit: string) => `vraagt ${n} personen in de microsimulatie (grens ${limit})`,
  infinitelyMany: "oneindig veel",
  minutes: (n: number) => `${n} minuten`,
  hours: (h: string) => `${h} uur`,
  orJoin: ", of ",
  fixes: {
    horizon: "verlaag horizon_years (of --horizon)",
    layers: "verlaag duration_months of decay.months van de interventies",
    states: "gebruik minder toestanden of duurklassen, of een kortere herinstroomperiode (left_within_months, reinflow.cumulative)",
    runs: "verlaag --runs",
    draws: "laat --draws weg",
    persons: "gebruik --mode cohort, of --persons-scale (bijv. 0.1) voor een steekproef",
    scenarios: "kies minder scenario's met --scenario of minder varianten met --variant",
  },
};
const preflightEn: typeof preflightNl = {
  tooBig: (what) => `is too large to compute: ${what}`,
  need: (need, limit) => `needs ${need}; the limit is ${limit}`,
  memory: "memory",
  time: "computing time",
  output: (file) => `output file ${file}`,
  microsimStates: (n, limit) => `${n} states for the microsimulation (limit ${limit})`,
  persons: (n, limit) => `${n} persons per population (limit ${limit})`,
  microsimNobody: (scale, least) => err(`${scale} leaves nobody in the microsimulation (less than one person)`, `choose a scale of at least ${least}`),
  microsimPersons: (n, limit) => `asks for ${n} persons in the microsimulation (limit ${limit})`,
  infinitelyMany: "infinitely many",
  minutes: (n) => `${n} minutes`,
  hours: (h) => `${h} hours`,
  orJoin: ", or ",
  fixes: {
    horizon: "lower horizon_years (or --horizon)",
    layers: "lower duration_months or decay.months of the interventions",
    states: "use fewer states or duration bands, or a shorter re-inflow period (left_within_months, reinflow.cumulative)",
    runs: "lower --runs",
    draws: "leave out --draws",
    persons: "use --mode cohort, or --persons-scale (e.g. 0.1) for a sample",
    scenarios: "choose fewer scenarios with --scenario or fewer variants with --variant",
  },
};

export const PREFLIGHT = catalogue(preflightNl, preflightEn);
