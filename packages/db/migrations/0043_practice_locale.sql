-- The practice's locale (BCP 47): every date and time the app shows is written the practice's way, in its zone.
ALTER TABLE "practices" ADD COLUMN "locale" text DEFAULT 'en-US' NOT NULL;
