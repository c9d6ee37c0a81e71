import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { TABLES_WITHOUT_ENTITY } from './table-owners';

/**
 * Finds where the source of the libs and apps names a database table, so that
 * module-ownership.spec.ts can refuse SQL that names another module's table. Used by that test
 * only (it reads the TypeScript sources with the compiler's parser).
 */

export interface TableReference {
  file: string;
  line: number;
  table: string;
  how: 'SQL' | 'query builder' | 'entity';
}

export interface Violation extends TableReference {
  module: string;
  owner: string;
}

/** The tables a keyword of SQL names: from, join, into, update, (create/alter) table, truncate. */
const SQL_TABLE =
  /\b(?:from|join|into|update|table|truncate)\s+(?:only\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi;
/** Query-builder methods whose string argument is a table name. */
const BUILDER_METHODS = new Set([
  'from',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'into',
  'update',
  'delete',
  'insert',
  'getRepository',
]);

/** Files that must keep to the rule: lib and app sources, not tests, test helpers or migrations. */
export function ownedSourceFiles(root: string): string[] {
  const skipped = new Set(['node_modules', 'dist', 'migrations', 'test', 'e2e', 'testing']);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(path);
      } else if (entry.name.endsWith('.ts') && !/spec\.ts$|\.d\.ts$/.test(entry.name)) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  for (const top of ['libs', 'apps/api', 'apps/worker']) walk(join(root, top));
  return files.sort();
}

/** `libs/fairs/booth.service.ts` → `fairs`; `apps/api/…` → `apps/api` (an app owns no table). */
export function moduleOf(file: string): string {
  const [top, name] = file.split('/');
  return top === 'libs' ? name : `${top}/${name}`;
}

export interface OwnershipMap {
  /** table → owning module */
  owners: Map<string, string>;
  /** entity class name → its table */
  entities: Map<string, string>;
}

/** Entity tables belong to the lib that holds the entity; the rest are in TABLES_WITHOUT_ENTITY. */
export function ownershipMap(root: string, files: string[]): OwnershipMap {
  const owners = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  const entities = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    if (!source.includes('@Entity(')) continue;
    const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    parsed.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText() !== 'Entity') continue;
        const [name] = call.arguments;
        if (name && ts.isStringLiteral(name)) {
          entities.set(node.name.text, name.text);
          owners.set(name.text, moduleOf(file));
        }
      }
    });
  }
  return { owners, entities };
}

/** Tables the migrations create, so that a table without an owner is noticed. */
export function tablesCreatedByMigrations(root: string): Map<string, string> {
  const dir = join(root, 'libs/core/database/migrations');
  const created = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const m of source.matchAll(
      /create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?/gi,
    )) {
      created.set(m[1].toLowerCase(), name);
    }
  }
  return created;
}

/** Every place in one source file that names a known table. */
export function tableReferences(file: string, source: string, map: OwnershipMap): TableReference[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: TableReference[] = [];
  const at = (node: ts.Node, table: string, how: TableReference['how']): void => {
    const line = parsed.getLineAndCharacterOfPosition(node.getStart(parsed)).line + 1;
    found.push({ file, line, table, how });
  };
  const importedEntities = entityImports(parsed, map);

  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) {
      for (const m of text.matchAll(SQL_TABLE)) {
        const table = m[1].toLowerCase();
        if (map.owners.has(table)) at(node, table, 'SQL');
      }
      if (ts.isStringLiteral(node) && map.owners.has(node.text) && isBuilderArgument(node)) {
        at(node, node.text, 'query builder');
      }
    }
    if (ts.isIdentifier(node) && importedEntities.has(node.text) && isValueUse(node)) {
      at(node, importedEntities.get(node.text)!, 'entity');
    }
    node.forEachChild(visit);
  };
  visit(parsed);
  return found;
}

/** The text of a string or template literal, with `${…}` read as an opaque placeholder. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => ' ${…} ' + span.literal.text).join('');
  }
  return undefined;
}

function isBuilderArgument(node: ts.StringLiteral): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(node)) return false;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && BUILDER_METHODS.has(callee.name.text);
}

/** Local names of entity classes imported from other libs (`@jipin/<lib>`), with their tables. */
function entityImports(parsed: ts.SourceFile, map: OwnershipMap): Map<string, string> {
  const imported = new Map<string, string>();
  for (const statement of parsed.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    const bindings = statement.importClause?.namedBindings;
    if (!from.startsWith('@jipin/') || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const specifier of bindings.elements) {
      const table = map.entities.get((specifier.propertyName ?? specifier.name).text);
      if (table && !specifier.isTypeOnly) imported.set(specifier.name.text, table);
    }
  }
  return imported;
}

/** An entity class used as a value (a repository, a query, a relation), not as a type. */
function isValueUse(node: ts.Identifier): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isTypeNode(parent) || ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) {
      return false;
    }
  }
  return true;
}

/** The references of the given files that name a table another module owns. */
export function ownershipViolations(root: string, files: string[], map: OwnershipMap): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const module = moduleOf(file);
    for (const ref of tableReferences(file, readFileSync(join(root, file), 'utf8'), map)) {
      const owner = map.owners.get(ref.table)!;
      if (owner !== module) violations.push({ ...ref, module, owner });
    }
  }
  return violations;
}
