-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('low', 'flat', 'okay', 'good', 'great');

-- CreateEnum
CREATE TYPE "PartOfDay" AS ENUM ('any', 'morning', 'afternoon', 'evening');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('once', 'daily', 'weekdays', 'days', 'every_n');

-- CreateEnum
CREATE TYPE "CheckOffStatus" AS ENUM ('done', 'skipped');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('note', 'handoff');

-- AlterTable
ALTER TABLE "households" ADD COLUMN     "support_text" TEXT,
ADD COLUMN     "warn_consecutive" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "warn_share_percent" INTEGER NOT NULL DEFAULT 65,
ADD COLUMN     "warn_sleep_minutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "warn_sleep_nights" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "caregivers" ADD COLUMN     "summary_seen_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "check_ins" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "sleepiness" INTEGER NOT NULL,
    "mood" "Mood",
    "note" TEXT,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activities" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "builtin_key" TEXT,
    "name" TEXT,
    "why" TEXT,
    "minutes" INTEGER,
    "suits" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archived_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_items" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "until_date" DATE,
    "recurrence" "Recurrence" NOT NULL DEFAULT 'once',
    "weekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "interval_days" INTEGER,
    "part_of_day" "PartOfDay" NOT NULL DEFAULT 'any',
    "assignee_id" UUID,
    "note" TEXT,
    "origin" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_offs" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "plan_item_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "status" "CheckOffStatus" NOT NULL DEFAULT 'done',
    "by_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "check_offs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_suggestions" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notes" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "author_id" UUID,
    "kind" "NoteKind" NOT NULL DEFAULT 'note',
    "body" TEXT NOT NULL,
    "pinned_at" TIMESTAMPTZ(3),
    "night_date" DATE,
    "shift_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note_reads" (
    "note_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_reads_pkey" PRIMARY KEY ("note_id","caregiver_id")
);

-- CreateTable
CREATE TABLE "appreciations" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "night_date" DATE NOT NULL,
    "message" TEXT,
    "seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appreciations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "check_ins_household_id_date_idx" ON "check_ins"("household_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_caregiver_id_date_key" ON "check_ins"("caregiver_id", "date");

-- CreateIndex
CREATE INDEX "activities_household_id_idx" ON "activities"("household_id");

-- CreateIndex
CREATE UNIQUE INDEX "activities_household_id_builtin_key_key" ON "activities"("household_id", "builtin_key");

-- CreateIndex
CREATE INDEX "plan_items_household_id_start_date_idx" ON "plan_items"("household_id", "start_date");

-- CreateIndex
CREATE INDEX "check_offs_household_id_date_idx" ON "check_offs"("household_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "check_offs_plan_item_id_date_key" ON "check_offs"("plan_item_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "plan_suggestions_household_id_date_kind_key" ON "plan_suggestions"("household_id", "date", "kind");

-- CreateIndex
CREATE INDEX "notes_household_id_created_at_idx" ON "notes"("household_id", "created_at");

-- CreateIndex
CREATE INDEX "notes_household_id_night_date_idx" ON "notes"("household_id", "night_date");

-- CreateIndex
CREATE INDEX "note_reads_caregiver_id_idx" ON "note_reads"("caregiver_id");

-- CreateIndex
CREATE INDEX "appreciations_household_id_created_at_idx" ON "appreciations"("household_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "appreciations_from_id_to_id_night_date_key" ON "appreciations"("from_id", "to_id", "night_date");

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_offs" ADD CONSTRAINT "check_offs_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_offs" ADD CONSTRAINT "check_offs_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_offs" ADD CONSTRAINT "check_offs_by_id_fkey" FOREIGN KEY ("by_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_reads" ADD CONSTRAINT "note_reads_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_reads" ADD CONSTRAINT "note_reads_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appreciations" ADD CONSTRAINT "appreciations_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appreciations" ADD CONSTRAINT "appreciations_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appreciations" ADD CONSTRAINT "appreciations_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma cannot express these; the drift test ignores CHECKs).
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_sleepiness_range" CHECK ("sleepiness" BETWEEN 1 AND 9);
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_interval_positive" CHECK ("interval_days" IS NULL OR "interval_days" >= 1);
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_until_after_start" CHECK ("until_date" IS NULL OR "until_date" >= "start_date");
