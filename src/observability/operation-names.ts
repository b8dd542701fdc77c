import { findOperationsDir, loadExampleOperations } from '../graphiql/example-operations';

/**
 * The operation-name label: a closed set, because an operation name is request text and a label must
 * never carry a customer id (a client may name an operation anything) nor grow without bound. Known
 * names are those of the example operations in operations/ (what GraphiQL and the typed client send)
 * plus METRICS_OPERATION_NAMES (the front ends' own); any other name is `other`, no name `anonymous`.
 */
export class OperationNames {
  private readonly known: ReadonlySet<string>;

  constructor(known: Iterable<string>) {
    this.known = new Set(known);
  }

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    return this.known.has(name) ? name : 'other';
  }
}

/** Reads operations/ once at start-up (absent in a slim deployment: then only the configured names). */
export function knownOperationNames(configured: readonly string[]): OperationNames {
  const dir = findOperationsDir();
  const examples = dir ? loadExampleOperations(dir) : [];
  return new OperationNames([...examples.flatMap((example) => (example.name ? [example.name] : [])), ...configured]);
}
