/**
 * Where the command queue keeps what must survive a reload, a closed tab or a phone restart:
 * one IndexedDB record per command not yet acknowledged, keyed by its opId. A command sent again
 * after a restart keeps that opId, so the server applies it once.
 */
export interface StoredCommand {
  opId: string;
  /** Whose queue it belongs to (the session token's queue). */
  owner: string;
  name: string;
  payload: Record<string, unknown> & { opId: string };
  storedAt: number;
}

export interface CommandStore {
  /** The commands of `owner`, oldest first. */
  load(owner: string): Promise<StoredCommand[]>;
  put(command: StoredCommand): Promise<void>;
  remove(opId: string): Promise<void>;
}

const DB_NAME = 'palabre';
const STORE = 'commands';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The IndexedDB store, or null where there is none (old browsers, some private modes): the queue then lives in memory. */
export function indexedDbCommandStore(factory: IDBFactory | undefined = globalThis.indexedDB): CommandStore | null {
  if (!factory) return null;
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'opId' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB blocked'));
    });
    return db;
  };
  // Each write is its own transaction, created in call order: a put is never overtaken by its remove.
  const write = async (run: (store: IDBObjectStore) => void) => {
    const tx = (await open()).transaction(STORE, 'readwrite');
    run(tx.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    async load(owner) {
      const all = await request((await open()).transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<StoredCommand[]>);
      return all.filter((c) => c.owner === owner).sort((a, b) => a.storedAt - b.storedAt);
    },
    put: (command) => write((store) => store.put(command)),
    remove: (opId) => write((store) => store.delete(opId)),
  };
}
