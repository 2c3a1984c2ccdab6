-- DropForeignKey
ALTER TABLE "caregivers" DROP CONSTRAINT "caregivers_user_id_fkey";

-- DropIndex
DROP INDEX "caregivers_user_id_key";

-- DropIndex
DROP INDEX "caregivers_household_id_user_id_key";

-- AlterTable
ALTER TABLE "households" ADD COLUMN     "keep_former_names" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "caregivers" ADD COLUMN     "former_name" TEXT,
ADD COLUMN     "removed_at" TIMESTAMPTZ(3),
ALTER COLUMN "user_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "caregivers_user_id_idx" ON "caregivers"("user_id");

-- AddForeignKey
ALTER TABLE "caregivers" ADD CONSTRAINT "caregivers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One ACTIVE household per account (docs/decisions/0004, 0030): a removed
-- member's row stays for the household's history and does not count.
CREATE UNIQUE INDEX "caregivers_one_active_household_per_user" ON "caregivers" ("user_id") WHERE "removed_at" IS NULL;

-- Only a removed member may lose their account (account deletion removes first).
ALTER TABLE "caregivers" ADD CONSTRAINT "caregivers_account_or_removed" CHECK ("user_id" IS NOT NULL OR "removed_at" IS NOT NULL);
