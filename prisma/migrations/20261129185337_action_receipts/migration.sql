-- CreateTable
CREATE TABLE "action_receipts" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "key" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "action_receipts_household_id_key_key" ON "action_receipts"("household_id", "key");

-- AddForeignKey
ALTER TABLE "action_receipts" ADD CONSTRAINT "action_receipts_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

