/**
 * The layout keeps its promises (docs/architecture.md): imports only point down the
 * flow random -> model -> macro -> engine -> finance -> outcomes -> simulate ->
 * analyses -> parallel -> calibrate / report -> explore / compare -> cli, no folder imports from a folder
 * beside or above it, and no function is longer than ~80 lines except the two
 * documented hot loops. Read from the source with the TypeScript compiler's parser.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Layers from the bottom; a folder may import from its own layer's folder or any lower layer. */
const LAYERS = ["random", "locale", "model", "macro", "engine", "finance", "outcomes", "simulate", "analyses", "parallel", "calibrate|report", "explore|compare", "cli"];
const rank = (folder: string): number => LAYERS.findIndex((l) => l.split("|").includes(folder));

/** Functions allowed past the limit: the hot loops, documented in their files. */
const HOT_LOOPS = new Set(["src/engine/microsim/step.ts:aliasBlock", "src/engine/cohort-step.ts:moveCohort"]);
const MAX_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles("src");
const parsed = new Map(files.map((f) => [f, ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true)]));
const folderOf = (file: string): string => relative("src", file).split("/")[0];

/** Relative imports of a file (static, dynamic and re-exports), resolved to src paths. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    let spec: ts.Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) spec = node.moduleSpecifier;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = node.arguments[0];
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) spec = node.argument.literal as ts.Expression;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith(".")) out.push(normalize(join(dirname(file), spec.text.replace(/\.js$/, ".ts"))));
    ts.forEachChild(node, visit);
  };
  visit(parsed.get(file)!);
  return out;
}

describe("architecture", () => {
  it("every folder of src/ has a place in the flow", () => {
    const folders = [...new Set(files.map(folderOf))].filter((f) => !f.endsWith(".ts"));
    for (const f of folders) expect(rank(f), `src/${f}/ is not in the layer list`).toBeGreaterThanOrEqual(0);
  });

  it("imports point down the flow only: no folder imports from a folder beside or above it", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to !== from && rank(to) >= rank(from)) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycle between files", () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => parsed.has(t))]));
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const walk = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "visiting") {
        cycles.push([...path.slice(path.indexOf(f)), f].join(" -> "));
        return;
      }
      state.set(f, "visiting");
      for (const t of graph.get(f)!) walk(t, [...path, f]);
      state.set(f, "done");
    };
    for (const f of files) walk(f, []);
    expect(cycles).toEqual([]);
  });

  it(`has no function over ${MAX_LINES} lines outside the documented hot loops`, () => {
    const long: string[] = [];
    for (const [file, sf] of parsed) {
      const visit = (node: ts.Node, name: string) => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
          const fnName = node.name && ts.isIdentifier(node.name) ? node.name.text : name;
          const lines = sf.getLineAndCharacterOfPosition(node.body.getEnd()).line - sf.getLineAndCharacterOfPosition(node.body.getStart()).line + 1;
          if (lines > MAX_LINES && !HOT_LOOPS.has(`${file}:${fnName}`)) long.push(`${file}:${fnName} (${lines} lines)`);
        }
        const childName = ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? node.name.text : ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) ? node.name.text : name;
        ts.forEachChild(node, (child) => visit(child, childName));
      };
      visit(sf, "(anonymous)");
    }
    expect(long).toEqual([]);
  });
});
