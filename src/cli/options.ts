/** Option parsers shared by the commands: each refuses a bad value with a line that says what it takes. Also the help and usage errors in the run's language. */
import { Command, Help, InvalidArgumentError, Option } from "commander";
import { CSV_DIALECTS } from "../locale/csv.js";
import { CLI } from "../locale/messages-cli.js";
import { HELP } from "../locale/messages-help.js";

/** A whole number in [min, max]. */
export const wholeNumber = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => (value: string): number => {
  const n = Number(value);
  // 1.000 the Dutch way: say how to write it (Number would read one)
  if (/^\d{1,3}(\.\d{3})+$/.test(value.trim())) throw new InvalidArgumentError(CLI.wholeNumberDots(name, value, value.trim().replace(/\./g, "")));
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? CLI.wholeNumberFrom(name, min, value) : CLI.wholeNumberRange(name, min, max, value));
  }
  return n;
};

/** A number above 0. */
export const positiveNumber = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(CLI.positiveNumber(name, value));
  return n;
};

/** A four-digit year. */
export const year = (name: string) => (value: string): number => {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError(CLI.fourDigitYear(name, value));
  return Number(value);
};

/** A number from 0 up to (not including) 1. */
export const probability = (name: string) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n >= 1) throw new InvalidArgumentError(CLI.probability(name, value));
  return n;
};

/** A repeatable, comma-separated list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").map((s) => s.trim()).filter(Boolean)];

/**
 * `--states`, repeatable: a comma-separated list in which a name that holds a comma is
 * quoted, as in the panel itself: `"Trede 1, start",Werk:off` (a kind may follow the quote).
 */
export function collectStates(value: string, previous: string[] = []): string[] {
  const items: string[] = [];
  for (let i = 0; i <= value.length; ) {
    let item = "";
    while (value[i] === " ") i++;
    if (value[i] === '"') {
      const close = value.indexOf('"', i + 1);
      if (close < 0) return [...previous, ...collect(value)]; // no closing quote: as a plain list
      item = value.slice(i + 1, close);
      i = close + 1;
    }
    const comma = value.indexOf(",", i);
    item += comma < 0 ? value.slice(i) : value.slice(i, comma);
    items.push(item.trim());
    i = comma < 0 ? value.length + 1 : comma + 1;
  }
  return [...previous, ...items.filter(Boolean)];
}

/** `--csv tidy|nl`: the dialect of every CSV file a command writes (locale/csv.ts). */
export const csvOption = (): Option =>
  new Option("--csv <format>", HELP.csvFormat)
    .choices(CSV_DIALECTS)
    // NL as nl: the choices in any case (commander's own check compares exactly)
    .argParser((value) => {
      const dialect = value.trim().toLowerCase();
      if (!(CSV_DIALECTS as readonly string[]).includes(dialect)) throw new InvalidArgumentError(`Allowed choices are ${CSV_DIALECTS.join(", ")}.`);
      return dialect;
    })
    .default("tidy");
/**
 * commander's usage errors (English, from its source) in the run's language, on one
 * line: `error: unknown option '--rusn'\n(Did you mean --runs?)` becomes
 * `fout: onbekende optie '--rusn' (bedoelt u --runs?)`. A value our parsers refused
 * carries our own message. Anything not recognised keeps commander's words.
 */
export function translateUsageError(message: string): string {
  const text = message.trim().replace(/^error: /, "");
  const [first, ...rest] = text.split("\n");
  const mean = /^\(Did you mean (.+)\?\)$/.exec(rest.join(" ").trim());
  const hint = mean ? CLI.didYouMean(mean[1]) : "";
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^unknown option '(.+)'$/, (f) => CLI.unknownOption(f) + hint],
    [/^unknown command '(.+)'$/, (c) => CLI.unknownCommand(c) + hint],
    [/^missing required argument '(.+)'$/, (a) => CLI.missingArgument(a)],
    [/^option '(.+)' argument missing$/, (f) => CLI.optionMissingValue(f)],
    [/^required option '(.+)' not specified$/, (f) => CLI.requiredOption(f)],
    [/^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => CLI.tooManyArguments(c ?? "", e, g)],
    [/^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, (f, v, c) => CLI.invalidChoice(f, v, c)],
    [/^option '.+' argument '.*' is invalid\. (.+)$/, (own) => own],
    [/^option '(.+)' argument '(.*)' is invalid\.$/, (f, v) => CLI.invalidValue(f, v)],
    [/^(.+) cannot be used with (.+)$/, (a, b) => CLI.conflicting(a, b)],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(first);
    if (m) return `${CLI.errorPrefix}: ${say(...m.slice(1))}`;
  }
  return `${CLI.errorPrefix}: ${[first, ...rest].join(" ")}`;
}

/** The default of an option and its choices, as commander shows them, in the run's language. */
function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`${HELP.choicesWord}: ${option.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
  const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
  if (option.defaultValue !== undefined && shown) extra.push(`${HELP.defaultWord}: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  return extra.length ? `${option.description} (${extra.join(", ")})` : option.description;
}

/** `--help` headings, usage words and option details in the run's language (set before any command is added: they inherit it). */
export function configureDutchHelp(program: Command): void {
  const base = new Help();
  program.configureHelp({
    styleTitle: (s: string) => HELP.titles[s] ?? s,
    optionDescription,
    commandUsage: (cmd: Command) => base.commandUsage(cmd).replace("[options]", HELP.optionsWord).replace("[command]", HELP.commandWord),
    subcommandTerm: (cmd: Command) => base.subcommandTerm(cmd).replace("[options]", HELP.optionsWord).replace("[command]", HELP.commandWord),
  });
}

/** Option placeholders in the run's language (`--scenario <naam>`), on every command; call after the commands are added. */
export function localisePlaceholders(cmd: Command): void {
  for (const option of cmd.options) option.flags = option.flags.replace(/<([\w-]+)>/g, (m, p: string) => `<${HELP.placeholders[p] ?? p}>`);
  for (const sub of cmd.commands) localisePlaceholders(sub);
}
