-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT[],
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_household_id_idx" ON "api_tokens"("household_id");

-- CreateIndex
CREATE INDEX "api_tokens_caregiver_id_idx" ON "api_tokens"("caregiver_id");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Scopes are a small fixed set (lib/api/scopes.ts); at least one, no others.
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scopes_check"
  CHECK ("scopes" IS NOT NULL AND cardinality("scopes") >= 1 AND "scopes" <@ ARRAY['read', 'log:night']::TEXT[]);
