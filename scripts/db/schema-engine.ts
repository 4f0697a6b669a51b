// Prisma's WebAssembly schema engine, driven through @prisma/adapter-pg. The stock CLI
// downloads a native engine on every start, which these machines cannot do.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // Node 20 cannot `import` a .wasm module: instantiate it with the bindings as imports.
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

export type SchemaFile = { path: string; content: string };

/** Runs `work` with an engine whose connections are closed afterwards. */
export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schemaFiles: SchemaFile[]; log?: (line: string) => void },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool, { schema: "public" }));
  const engine = await bindings.SchemaEngine.new(
    { datamodels: options.schemaFiles.map((file) => [file.path, file.content]) },
    options.log ?? (() => {}),
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

export { noFilters };
