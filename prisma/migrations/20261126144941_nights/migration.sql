-- CreateEnum
CREATE TYPE "ShiftSource" AS ENUM ('manual', 'rota');

-- AlterTable
ALTER TABLE "households" ADD COLUMN     "rota_fairness_window" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "rota_max_consecutive" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "rota_template" JSONB;

-- CreateTable
CREATE TABLE "shifts" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "night_date" DATE NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "source" "ShiftSource" NOT NULL,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "shifts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unavailability" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unavailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "night_events" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "night_date" DATE NOT NULL,
    "actor_id" UUID,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "night_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "include_partner" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shifts_household_id_starts_at_idx" ON "shifts"("household_id", "starts_at");

-- CreateIndex
CREATE INDEX "shifts_household_id_night_date_idx" ON "shifts"("household_id", "night_date");

-- CreateIndex
CREATE INDEX "shifts_caregiver_id_starts_at_idx" ON "shifts"("caregiver_id", "starts_at");

-- CreateIndex
CREATE INDEX "unavailability_household_id_starts_at_idx" ON "unavailability"("household_id", "starts_at");

-- CreateIndex
CREATE INDEX "night_events_household_id_night_date_idx" ON "night_events"("household_id", "night_date");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_caregiver_id_key" ON "calendar_feeds"("caregiver_id");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feeds_household_id_idx" ON "calendar_feeds"("household_id");

-- AddForeignKey
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unavailability" ADD CONSTRAINT "unavailability_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unavailability" ADD CONSTRAINT "unavailability_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_events" ADD CONSTRAINT "night_events_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma cannot express these; the drift test leaves
-- exclusion and check constraints out of its comparison).

-- Two shifts of one household may not overlap in time, whoever holds them:
-- the database itself refuses the second of two concurrent saves.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "shifts" ADD CONSTRAINT "shifts_positive_length" CHECK ("ends_at" > "starts_at");
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_no_overlap"
  EXCLUDE USING gist ("household_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&);

ALTER TABLE "unavailability" ADD CONSTRAINT "unavailability_positive_length" CHECK ("ends_at" > "starts_at");
