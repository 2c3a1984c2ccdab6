-- #14: each caregiver's language (null: follow the browser's Accept-Language),
-- and the household's conventions (clock, first day of the week) shared by both partners.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("locale" IN ('en-GB', 'en-US', 'de', 'es', 'en-XA'));
ALTER TABLE "households" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en-GB';
ALTER TABLE "households" ADD CONSTRAINT "households_locale_check" CHECK ("locale" IN ('en-GB', 'en-US', 'de', 'es', 'en-XA'));
