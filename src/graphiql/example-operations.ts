import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from 'graphql';

/** A GraphiQL tab: one file of operations/, its text as written and the variables to start with. */
export interface ExampleOperation {
  /** Path relative to the operations folder, e.g. `scenarios/device-insights-in-progress.graphql`. */
  file: string;
  /** The first operation's name: GraphiQL titles the tab with it. */
  name?: string;
  query: string;
  /** Pretty JSON for the variables editor; undefined when the operation takes no variables. */
  variables?: string;
}

/**
 * The id put in the variables editor for a required `$id` without a default: an ordinary id, which
 * every simulator answers with complete data. Scenario examples carry their `sim-...` id as a default.
 */
export const EXAMPLE_CUSTOMER_ID = 'cust-1';

/**
 * The repo's operations/ folder, found from the package root (the nearest folder with a package.json),
 * so it is the same folder whether this runs from src/ under ts-jest or from dist/. Undefined when a
 * deployment ships without it: GraphiQL then opens on an empty tab.
 */
export function findOperationsDir(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const operations = join(dir, 'operations');
      return existsSync(operations) ? operations : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads every `.graphql` file under `dir` once, at start-up. Order: the folder's own files first (one
 * per vendor field), then subfolders by name (scenarios/, subgraph-only/), each sorted by name, so the
 * tabs read from plain fields to edge cases. A file that does not parse is skipped and reported through
 * `onSkip` rather than taking the server down: it is an example, not part of the API.
 */
export function loadExampleOperations(dir: string, onSkip: (file: string, reason: string) => void = () => undefined): ExampleOperation[] {
  const examples: ExampleOperation[] = [];
  for (const path of graphqlFiles(dir)) {
    const file = relative(dir, path).split('\\').join('/');
    const query = readFileSync(path, 'utf8');
    try {
      const operation = firstOperation(query);
      examples.push({ file, name: operation?.name?.value, query, variables: startingVariables(operation) });
    } catch (error) {
      onSkip(file, (error as Error).message);
    }
  }
  return examples;
}

function graphqlFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.graphql')).map((e) => join(dir, e.name));
  const nested = entries.filter((e) => e.isDirectory()).flatMap((e) => graphqlFiles(join(dir, e.name)));
  return [...files, ...nested];
}

function firstOperation(query: string): OperationDefinitionNode | undefined {
  return parse(query).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
}

/**
 * Variables of the file's first operation as the variables editor should show them: every default
 * value spelled out (so a newcomer sees what to change), and EXAMPLE_CUSTOMER_ID for a required `$id`.
 */
function startingVariables(operation: OperationDefinitionNode | undefined): string | undefined {
  const variables: Record<string, unknown> = {};
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
    else if (name === 'id' && definition.type.kind === Kind.NON_NULL_TYPE) variables[name] = EXAMPLE_CUSTOMER_ID;
  }
  return Object.keys(variables).length > 0 ? JSON.stringify(variables, null, 2) : undefined;
}
