/**
 * A zod schema built on first use rather than at import: a cold command imports dozens of schema
 * modules it never parses with (building them was most of zod's cost in `list`). The value stands
 * in for the schema everywhere, property by property, including inside other schemas.
 */
export function lazySchema<Schema extends object>(build: () => Schema): Schema {
  let built: Schema | undefined;
  const schema = (): Schema => {
    built ??= build();
    return built;
  };
  return new Proxy({} as Schema, {
    get: (_target, property) => Reflect.get(schema(), property),
    has: (_target, property) => Reflect.has(schema(), property),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), property);
      // A proxy may only report a property as non-configurable when its target has it too.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    set: (_target, property, value) => Reflect.set(schema(), property, value),
    defineProperty: (_target, property, descriptor) => Reflect.defineProperty(schema(), property, descriptor),
  });
}
