/** A Storage backed by a Map, standing in for localStorage in Node. */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

/** A Storage that throws on every call, as Safari's private mode and blocked site data do. */
export function throwingStorage(name = 'SecurityError'): Storage {
  const fail = (): never => {
    throw new DOMException('The operation is insecure.', name);
  };
  return {
    get length() {
      return fail();
    },
    clear: fail,
    getItem: fail,
    key: fail,
    removeItem: fail,
    setItem: fail,
  };
}
