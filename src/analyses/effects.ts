/** The effects of an intervention as the analyses name and scale them. */
import { COMPILE } from "../locale/messages-compile.js";
import { InputError } from "../model/errors.js";
import type { Model } from "../model/model.js";

/** Each effect of intervention p with a label (its target and measure) and its assumed value. */
export function effectList(model: Model, p: number): { label: string; value: number }[] {
  const iv = model.interventions[p];
  switch (iv.kind) {
    case "prevention":
      return [{ label: "instroom (relatief risico)", value: iv.inflow!.value }];
    case "traject":
      return iv.effects.map((e) => ({
        label: `${e.target.kind === "cell" ? `${model.declared[e.target.from].name} -> ${model.declared[e.target.to].name}` : e.target.kind} (${e.measure === "hr" ? "hazard ratio" : "relatief risico"})`,
        value: e.value,
      }));
  }
}

/** Index of an intervention named on the command line. */
export function interventionIndex(model: Model, name: string): number {
  const p = model.interventions.findIndex((iv) => iv.name === name);
  if (p < 0) {
    throw new InputError(model.file, "--intervention", ...COMPILE.unknownInterventionRun(name, model.interventions.map((iv) => iv.name).join(", ")));
  }
  return p;
}
