-- CreateEnum
CREATE TYPE "SwapStatus" AS ENUM ('pending', 'accepted', 'declined', 'withdrawn', 'expired');

-- CreateEnum
CREATE TYPE "TapOutAnswer" AS ENUM ('coming', 'cant');

-- CreateTable
CREATE TABLE "wakings" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "baby_id" UUID NOT NULL,
    "night_date" DATE NOT NULL,
    "crying_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "responder_id" UUID NOT NULL,
    "helped" TEXT[],
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wakings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tap_outs" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "night_date" DATE NOT NULL,
    "requester_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" "TapOutAnswer",
    "answered_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "tap_outs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "swaps" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "shift_id" UUID NOT NULL,
    "shift_version" INTEGER NOT NULL,
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "night_date" DATE NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "message" TEXT,
    "status" "SwapStatus" NOT NULL DEFAULT 'pending',
    "responded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "swaps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wakings_household_id_started_at_idx" ON "wakings"("household_id", "started_at");

-- CreateIndex
CREATE INDEX "wakings_household_id_night_date_idx" ON "wakings"("household_id", "night_date");

-- CreateIndex
CREATE INDEX "tap_outs_household_id_requested_at_idx" ON "tap_outs"("household_id", "requested_at");

-- CreateIndex
CREATE INDEX "swaps_household_id_status_idx" ON "swaps"("household_id", "status");

-- CreateIndex
CREATE INDEX "swaps_shift_id_idx" ON "swaps"("shift_id");

-- AddForeignKey
ALTER TABLE "wakings" ADD CONSTRAINT "wakings_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wakings" ADD CONSTRAINT "wakings_baby_id_fkey" FOREIGN KEY ("baby_id") REFERENCES "babies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wakings" ADD CONSTRAINT "wakings_responder_id_fkey" FOREIGN KEY ("responder_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tap_outs" ADD CONSTRAINT "tap_outs_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tap_outs" ADD CONSTRAINT "tap_outs_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "swaps" ADD CONSTRAINT "swaps_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "swaps" ADD CONSTRAINT "swaps_shift_id_fkey" FOREIGN KEY ("shift_id") REFERENCES "shifts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "swaps" ADD CONSTRAINT "swaps_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "swaps" ADD CONSTRAINT "swaps_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma cannot express these; the drift test leaves partial
-- indexes and check constraints out of its comparison).

-- One open waking per baby: two partners pressing "I'm up" at the same moment
-- make one waking, and the second press finds (resumes) it.
CREATE UNIQUE INDEX "wakings_one_open_per_baby" ON "wakings" ("baby_id") WHERE "ended_at" IS NULL;
ALTER TABLE "wakings" ADD CONSTRAINT "wakings_end_after_start" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at");
ALTER TABLE "swaps" ADD CONSTRAINT "swaps_positive_length" CHECK ("ends_at" > "starts_at");
