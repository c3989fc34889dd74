/**
 * A word of a command line as a POSIX shell reads it back: as it is when it holds only
 * safe characters, else in single quotes. For the commands that reproduce a run, a
 * comparison or a what-if page (shown in report.html, vergelijking.html, verkenner.html).
 *
 * @example
 * shellWord("output/mijn run"); // "'output/mijn run'"
 */
export const shellWord = (s: string): string => (/^[\w./,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
