import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";
process.env.CHECKPOINT_DISABLE ??= "1";

// Prisma 6's WebAssembly schema engine runs through a driver adapter.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../../prisma/schema.prisma",
  async adapter() {
    const url = process.env.PRISMA6_SHADOW_URL;
    if (!url) throw new Error("PRISMA6_SHADOW_URL must name a scratch database");
    return new PrismaPg({ connectionString: url });
  },
});
