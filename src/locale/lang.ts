/**
 * The language of everything a user reads: Dutch by default, English with the global
 * `--lang en` option or BIJSTANDSIM_LANG=en. Every text lives in a catalogue
 * (src/locale/messages-*.ts) that holds the Dutch and the English version side by side;
 * `catalogue(nl, en)` returns an object with the shape of `nl` whose members are read
 * from the current language's version at each access, so callers write `CLI.outputs(...)`
 * and get the language of the run. Codes (scenario, state and metric names, CSV columns)
 * are not translated.
 */

export type Lang = "nl" | "en";
export const LANGS: readonly Lang[] = ["nl", "en"];

export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/** BIJSTANDSIM_LANG as set in the environment (Node; in the browser there is none): "nl" unless it says "en". */
export function envLang(): Lang {
  const v = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.BIJSTANDSIM_LANG;
  return v?.trim().toLowerCase() === "en" ? "en" : "nl";
}

let current: Lang = envLang();

export const lang = (): Lang => current;

/** Sets the language for what follows (the CLI does, from --lang or BIJSTANDSIM_LANG); returns the previous one. */
export function setLang(l: Lang): Lang {
  const before = current;
  current = l;
  return before;
}

/**
 * A catalogue: the Dutch texts and the English ones in the same shape. Members are
 * strings, functions that return strings, or `[what, fix]` pairs (`Err`) for the
 * two halves of an error line.
 */
export function catalogue<T extends object>(nl: T, en: NoInfer<T>): T {
  return new Proxy(nl, { get: (_target, key) => Reflect.get(current === "en" ? en : nl, key) });
}

/** An error's two halves: what is wrong, and how to fix it ("" when there is nothing to say). */
export type Err = readonly [what: string, fix: string];
export const err = (what: string, fix = ""): Err => [what, fix];

/** "a, b en c" (Dutch) or "a, b and c" (English): a list in running text. */
export const listWith = (and: string) => (xs: readonly string[]): string => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} ${and} ${xs[xs.length - 1]}`);
