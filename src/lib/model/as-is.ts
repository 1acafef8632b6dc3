// A test made once from a schema: does a value pass it exactly as it is, every field valid and
// none the schema lacks? Then valibot's output would be a copy of the value, so check() hands
// back the value itself and builds nothing. FOSDEM 2015's 551 talks took valibot 2 to 4 ms on
// a 25 ms parse, and 1.3 ms more of garbage collection for the copies; they take 1.5 ms here,
// and no collection. Any other value (a flaw, a field to drop) goes to valibot, which names the
// flaw; so does any schema made of parts not read here: they are compiled to no test at all,
// never to a looser one.
//
// The values checked are data: JSON, the structured clones IndexedDB returns, and our parsers'
// plain objects. Only plain objects and arrays pass here; any other goes to valibot.
import type * as v from 'valibot';

export type AsIs = (value: unknown) => boolean;

/** The parts of a valibot schema or action read here (valibot's own field names). */
interface Part {
  kind: string;
  type: string;
  pipe?: Part[];
  entries?: Record<string, Part>;
  item?: Part;
  wrapped?: Part;
  options?: unknown[];
  literal?: unknown;
  requirement?: unknown;
  default?: unknown;
  fallback?: unknown;
}

const OBJECT = Object.prototype;
const ARRAY = Array.prototype;

/** The test for `schema`, or undefined when it holds a part this file does not read. */
export function compileAsIs(schema: v.GenericSchema): AsIs | undefined {
  return schemaTest(schema);
}

function schemaTest(part: Part): AsIs | undefined {
  if (part.fallback !== undefined) return undefined;
  if (part.pipe) return pipeTest(part.pipe);
  switch (part.type) {
    case 'string':
      return (x) => typeof x === 'string';
    case 'number':
      return (x) => typeof x === 'number' && !Number.isNaN(x);
    case 'boolean':
      return (x) => typeof x === 'boolean';
    case 'literal': {
      // valibot compares with SameValueZero, as includes() does.
      const literal = [part.literal];
      return (x) => literal.includes(x);
    }
    case 'picklist': {
      const options = part.options;
      return options && ((x) => options.includes(x));
    }
    case 'optional': {
      // A default would put a value where the input has none: not the value as it is.
      if (part.default !== undefined || !part.wrapped) return undefined;
      const inner = schemaTest(part.wrapped);
      return inner && ((x) => x === undefined || inner(x));
    }
    case 'array': {
      // An optional item would take a hole for undefined, which the copy would not keep.
      if (!part.item || part.item.type === 'optional') return undefined;
      const item = schemaTest(part.item);
      return item && arrayTest(item);
    }
    case 'object':
      return part.entries && objectTest(part.entries);
    default:
      return undefined;
  }
}

function arrayTest(item: AsIs): AsIs {
  return (x) => {
    if (!Array.isArray(x) || Object.getPrototypeOf(x) !== ARRAY) return false;
    // Walked by index, holes too: valibot checks a hole as undefined (every() would skip it).
    for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
    return true;
  };
}

function objectTest(entries: Record<string, Part>): AsIs | undefined {
  // Side by side and walked by index: the loop runs for every field of every record.
  const keys = Object.keys(entries);
  const tests: AsIs[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const test = schemaTest(entries[key]!);
    if (!test) return undefined;
    tests.push(test);
    optional.push(entries[key]!.type === 'optional');
  }
  return (x) => {
    if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== OBJECT) return false;
    const record = x as Record<string, unknown>;
    // Every key the value has is one the schema names: valibot would drop any other.
    for (const key in record) if (!Object.hasOwn(entries, key)) return false;
    for (let i = 0; i < keys.length; i++) {
      const value = record[keys[i]!];
      // Missing or undefined is the same to an optional field, and fails a required one.
      if (value === undefined) {
        if (!optional[i]) return false;
      } else if (!tests[i]!(value)) return false;
    }
    return true;
  };
}

/** A pipe: its schema, then each check on the value; a transformation changes it, so none. */
function pipeTest([root, ...actions]: Part[]): AsIs | undefined {
  // The first item is the schema as it was before the pipe (a pipe of its own, if nested).
  const first = root && schemaTest(root);
  if (!first) return undefined;
  const tests = [first];
  for (const action of actions) {
    if (action.kind === 'metadata') continue;
    const test = actionTest(action);
    if (!test) return undefined;
    tests.push(test);
  }
  return all(tests);
}

function actionTest(action: Part): AsIs | undefined {
  if (action.kind !== 'validation') return undefined;
  const need = action.requirement;
  switch (action.type) {
    case 'max_length':
      return typeof need === 'number' ? (x) => (x as string).length <= need : undefined;
    case 'min_length':
      return typeof need === 'number' ? (x) => (x as string).length >= need : undefined;
    case 'min_value':
      return typeof need === 'number' ? (x) => (x as number) >= need : undefined;
    case 'max_value':
      return typeof need === 'number' ? (x) => (x as number) <= need : undefined;
    case 'regex':
      // A global or sticky expression keeps state from one test to the next.
      return need instanceof RegExp && !need.global && !need.sticky
        ? (x) => need.test(x as string)
        : undefined;
    case 'check':
    case 'safe_integer':
    case 'finite':
    case 'integer':
      return typeof need === 'function'
        ? (x) => Boolean((need as (x: unknown) => unknown)(x))
        : undefined;
    default:
      return undefined;
  }
}

/** Every test, as one: the usual pipes (two or three tests) without a loop. */
function all(tests: AsIs[]): AsIs {
  const [a, b, c] = tests;
  if (tests.length === 1) return a!;
  if (tests.length === 2) return (x) => a!(x) && b!(x);
  if (tests.length === 3) return (x) => a!(x) && b!(x) && c!(x);
  return (x) => tests.every((test) => test(x));
}
