-- AlterTable
ALTER TABLE "households" ADD COLUMN     "deletion_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "deletion_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "deletion_requested_by_id" UUID;

-- CreateIndex
CREATE INDEX "households_deletion_due_at_idx" ON "households"("deletion_due_at");


-- Hand-written (Prisma cannot express it; the drift test ignores CHECKs):
-- a deletion request is whole or absent, whatever races write it.
ALTER TABLE "households" ADD CONSTRAINT "households_deletion_whole" CHECK (
  ("deletion_requested_at" IS NULL) = ("deletion_due_at" IS NULL)
  AND ("deletion_requested_at" IS NULL) = ("deletion_requested_by_id" IS NULL)
);
