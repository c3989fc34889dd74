/**
 * What estimate refuses because of the kind of period (month numbers or calendar
 * months), checked when the panel's first period is read instead of after the whole
 * file: the kind is fixed by that first period (a row of the other kind is an error, or
 * skipped with --skip-invalid), so the refusal is certain from there on.
 *
 * Not checkable early: whether a calendar start year fits. The projection needs the
 * stock of December of the year before it, so the start year may be no earlier than the
 * year after the panel's *first* month (estimate.ts), and the first month is the
 * earliest period of the whole file: in a file sorted by client, a later client can
 * reach back further than the first rows. That check stays at the end.
 *
 * The messages are the ones estimateScenario (estimate.ts) and the estimate command give
 * at the end; test/calibrate-stream.test.ts checks that they are the same.
 */
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import type { PeriodKind } from "./period.js";

export interface KindChecks {
  /** The panel file, for messages. */
  file: string;
  startYear?: number;
  /** The template's start_year, when a template is given. */
  templateStartYear?: number;
  /** --series is given. */
  series: boolean;
}

/** Throws the InputError estimate would give at the end for a panel whose periods are of this kind. */
export function checkPeriodKind(kind: PeriodKind, checks: KindChecks): void {
  if (kind === "calendar") return;
  const startYear = checks.startYear ?? checks.templateStartYear ?? NaN;
  if (!Number.isInteger(startYear)) {
    throw new InputError(checks.file, "", ...CAL.monthNumbersNoStart);
  }
  if (checks.series) {
    throw new InputError("--series", "", ...CAL.seriesMonthNumbers);
  }
}
