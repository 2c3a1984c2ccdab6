import { defineConfig } from "prisma/config";

// The native engines cannot be downloaded on the build machines. `generate`
// only needs this variable to point at a file; /bin/false makes any command
// that really needs the engine fail loudly. Both stay overridable.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/attune" },
});
