/** The texts about a scenario file's form live in the message catalogue: src/locale/messages-form.ts. */
export { MSG } from "../locale/messages-form.js";
