/**
 * Routes may call only checked module operations. A module helper that takes a bare database
 * handle (`Database`, or a transaction) checks nothing — it trusts its caller — so routes must
 * not import it: they go through an operation that takes `ctx` and asks the permissions module.
 * This lint finds every function a route (or root.tsx) imports from app/modules and fails when one
 * of its parameters is a database handle. Run by `npm run lint`.
 */
import path from "node:path";
import ts from "typescript";

const root = process.cwd();
const configPath = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
if (!configPath) throw new Error("tsconfig.json not found");
const config = ts.parseJsonConfigFileContent(
  ts.readConfigFile(configPath, ts.sys.readFile).config,
  ts.sys,
  path.dirname(configPath),
);
const isRoute = (file: string) => {
  const relative = path.relative(root, file).split(path.sep).join("/");
  return relative.startsWith("app/routes/") || relative === "app/root.tsx";
};
const program = ts.createProgram(config.fileNames.filter(isRoute), config.options);
const checker = program.getTypeChecker();

/** A parameter type that is, or contains, a Drizzle database or transaction handle. */
function isDatabaseHandle(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    const name = (part.aliasSymbol ?? part.getSymbol())?.getName() ?? "";
    return /^(PgDatabase|PgTransaction|Database|Transaction)$/.test(name);
  });
}

const problems: string[] = [];
for (const source of program.getSourceFiles()) {
  if (!isRoute(source.fileName)) continue;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!from.startsWith("#app/modules/")) continue;
    const named = statement.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const element of named.elements) {
      if (element.isTypeOnly) continue;
      const symbol = checker.getSymbolAtLocation(element.name);
      if (!symbol) continue;
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const type = checker.getTypeOfSymbol(target);
      const unchecked = type
        .getCallSignatures()
        .some((signature) =>
          signature.parameters.some((parameter) =>
            isDatabaseHandle(checker.getTypeOfSymbolAtLocation(parameter, element)),
          ),
        );
      if (unchecked) {
        const { line } = source.getLineAndCharacterOfPosition(element.getStart());
        problems.push(
          `${path.relative(root, source.fileName)}:${line + 1}: "${element.name.text}" from ${from} takes a database handle and checks nothing; call a checked operation ({ ctx, input }) instead`,
        );
      }
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} unchecked module helper(s) imported by routes.`);
  process.exit(1);
}
console.log("Route boundary: every module function a route imports is a checked operation.");
