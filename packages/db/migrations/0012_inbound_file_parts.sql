-- A large inbound file's bytes are stored in parts of 1 MiB, one statement each: one 47 MB bytea was seconds in one
-- statement (sending it, reading its hex), and in the embedded server (PGlite) nothing else ran meanwhile. Files up to
-- 1 MiB keep their bytes in "raw". Parts are stored uncompressed (STORAGE EXTERNAL): pglz is slow there too.
CREATE TABLE "clearinghouse_file_parts" (
	"file_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"bytes" bytea NOT NULL,
	CONSTRAINT "clearinghouse_file_parts_pkey" PRIMARY KEY("file_id","part")
);--> statement-breakpoint
ALTER TABLE "clearinghouse_file_parts" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "clearinghouse_file_parts" ADD CONSTRAINT "clearinghouse_file_parts_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "public"."clearinghouse_files"("id") ON DELETE cascade ON UPDATE no action;
