/** The members of T that return a promise: a lazy port can answer them before its adapter is loaded. */
type AsyncKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/** The members a lazy port cannot defer (values, sync methods): given up front. */
export type EagerMembers<T> = Omit<T, AsyncKeys<T>>;

/**
 * A port whose adapter module is imported on its first call, not when the account is made: a cold
 * command then loads only the adapters it calls (a `list` never loads analytics, FSx or Globus).
 * Every async method waits for `load` (once; a failed load is retried by the next call); members
 * that are not async methods come from `eager`, which the compiler makes the caller supply.
 * Not for ports with optional methods: every method name answers as present.
 */
export function lazyPort<T extends object>(load: () => Promise<T>, eager: EagerMembers<T>): T {
  const adapter = loadOnce(load);
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy(eager as T, {
    get(target, key, receiver) {
      if (Reflect.has(target, key)) return Reflect.get(target, key, receiver);
      // Not a thenable (`await port` must give the port), and no Object.prototype member is a method.
      if (typeof key !== 'string' || key === 'then' || key in Object.prototype) return undefined;
      let method = methods.get(key);
      if (!method) {
        method = async (...args: unknown[]) => {
          const port = await adapter();
          const member: unknown = Reflect.get(port, key);
          if (typeof member !== 'function') throw new TypeError(`the adapter has no method ${key}`);
          return member.apply(port, args);
        };
        methods.set(key, method);
      }
      return method;
    },
  });
}

/** `load`, run on the first call and shared by the later ones; a failed load is retried by the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const pending = load();
      loading = pending;
      pending.catch(() => {
        if (loading === pending) loading = undefined;
      });
    }
    return loading;
  };
}
