/**
 * The questions `bijstandsim init` asks on a terminal without flags, one by one, with
 * defaults, in the run's language. Prompts come from @inquirer (input and select, pinned to 4.x: the
 * 5.x line needs Node 22); the questions themselves are plain data, so they are tested
 * with a scripted prompter.
 */
import input from "@inquirer/input";
import select from "@inquirer/select";
import { INIT } from "../locale/messages-init.js";
import { InputError } from "../model/errors.js";
import type { MacroSet } from "../model/macro-sets.js";
import { number, type InitOpts } from "./init-options.js";

export interface Prompter {
  text(message: string, options: { default?: string; validate?: (v: string) => true | string }): Promise<string>;
  choose(message: string, choices: { value: string; name: string }[], fallback: string): Promise<string>;
}

export function inquirerPrompter(): Prompter {
  return {
    text: (message, o) => input({ message, default: o.default, validate: o.validate }),
    // the key help under a choice in the run's language (select's own is English)
    choose: (message, choices, fallback) => select({ message, choices, default: fallback, theme: { style: { keysHelpTip: () => INIT.keysHelp } } }),
  };
}

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A validator from a flag's parser: true, or the problem in one line. */
const check = (key: string, o: Parameters<typeof number>[2] = {}, optional = false) => (v: string): true | string => {
  if (v.trim() === "") return optional ? true : INIT.qNeeded;
  try {
    number(key, v, o);
    return true;
  } catch (err) {
    // The parser speaks of flags (--lks-year 14500000); a question is answered without one.
    if (err instanceof InputError) return sentence(`${err.message}. ${sentence(err.fix.replace(/--[a-z-]+ /g, ""))}`);
    throw err;
  }
};

const slug = (v: string): true | string => (/^[a-z0-9][a-z0-9-]*$/.test(v) ? true : INIT.qNameForm);

/** Asks for every key figure; the answers are the same strings the flags take. */
export async function askInit(ask: Prompter, sets: { set: MacroSet }[], thisYear = new Date().getFullYear()): Promise<InitOpts> {
  const a: InitOpts = {};
  a.name = await ask.text(INIT.qName, { default: INIT.qNameDefault, validate: slug });
  a.label = await ask.text(INIT.qLabel, { default: INIT.labelDefault(`${a.name.charAt(0).toUpperCase()}${a.name.slice(1)}`) });
  a.startYear = await ask.text(INIT.qStartYear, { default: String(thisYear), validate: check("startYear", { whole: true }) });
  const before = Number(a.startYear) - 1;
  a.stock = await ask.text(INIT.qStock(before), { validate: check("stock", { min: 0 }) });
  const groups = await ask.text(INIT.qGroups, { default: "" });
  if (groups.trim() !== "") a.groups = groups;
  a.inflow = await ask.text(INIT.qInflow, { validate: check("inflow", { min: 0 }) });
  const reinflow = await ask.text(INIT.qReinflow, { default: "", validate: check("reinflow", { min: 0 }, true) });
  if (reinflow.trim() !== "") a.reinflow = reinflow;
  a.outflowWork = await ask.text(INIT.qOutflowWork, { validate: check("outflowWork", { min: 0 }) });
  a.outflowOther = await ask.text(INIT.qOutflowOther, { validate: check("outflowOther", { min: 0 }) });
  a.benefitMonth = await ask.text(INIT.qBenefit, { validate: check("benefitMonth", { above: 0 }) });
  const lks = await ask.text(INIT.qLks, { default: "0", validate: check("lksPersons", { min: 0 }) });
  if (Number(lks) > 0) {
    a.lksPersons = lks;
    a.lksYear = await ask.text(INIT.qLksYear, { validate: check("lksYear", { above: 0 }) });
  }
  a.budget = await ask.text(INIT.qBudget(a.startYear), { validate: check("budget", { above: 0 }) });
  a.budgetAfter = await ask.choose(INIT.qBudgetAfter, [{ value: "held", name: INIT.held }, { value: "indexed", name: INIT.indexed }], "held");
  // Published calendar paths are history, not an outlook: offered are the constant (neutral) sets first, then the stress tests.
  const offered = [...sets.filter((s) => s.set.kind === "constant"), ...sets.filter((s) => s.set.kind === "shapes")];
  const choices = offered.map((s) => ({ value: s.set.name, name: `${s.set.name}: ${s.set.label}` }));
  if (choices.length > 1) choices.push({ value: choices.map((c) => c.value).join(","), name: INIT.allAbove });
  a.macro = await ask.choose(INIT.qMacro, choices, "neutraal");
  a.out = await ask.text(INIT.qFile, { default: `${a.name}.json` });
  return a;
}
