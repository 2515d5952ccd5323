CREATE TYPE "public"."record_rhythm" AS ENUM('weekly', 'daily');--> statement-breakpoint
CREATE TYPE "public"."record_event_action" AS ENUM('submitted', 'returned', 'approved', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."record_week_status" AS ENUM('draft', 'submitted', 'approved');--> statement-breakpoint
CREATE TABLE "record_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" "record_event_action" NOT NULL,
	"comment" text,
	"chain_id" uuid,
	"chain_position" integer,
	"previous_hash" text,
	"content_hash" text,
	"snapshot" jsonb,
	CONSTRAINT "record_events_chain_position_key" UNIQUE("chain_id","chain_position"),
	CONSTRAINT "record_events_approval_chained" CHECK (("record_events"."action" = 'approved') = ("record_events"."content_hash" is not null and "record_events"."snapshot" is not null and "record_events"."chain_id" is not null and "record_events"."chain_position" is not null)),
	CONSTRAINT "record_events_reason_given" CHECK ("record_events"."action" not in ('returned', 'reopened') or length(trim(coalesce("record_events"."comment", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "record_weeks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"apprenticeship_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"status" "record_week_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"dismissed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"return_comment" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"content_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" jsonb,
	CONSTRAINT "record_weeks_apprenticeship_week_key" UNIQUE("apprenticeship_id","week_start"),
	CONSTRAINT "record_weeks_starts_monday" CHECK (extract(isodow from "record_weeks"."week_start") = 1),
	CONSTRAINT "record_weeks_approval_complete" CHECK (("record_weeks"."status" = 'approved') = ("record_weeks"."approved_at" is not null and "record_weeks"."content_hash" is not null)),
	CONSTRAINT "record_weeks_submitted_dated" CHECK ("record_weeks"."status" = 'draft' or "record_weeks"."submitted_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "state" text DEFAULT 'ST' NOT NULL;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD COLUMN "record_rhythm" "record_rhythm" DEFAULT 'weekly' NOT NULL;--> statement-breakpoint
ALTER TABLE "record_events" ADD CONSTRAINT "record_events_week_id_record_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."record_weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_events" ADD CONSTRAINT "record_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_weeks" ADD CONSTRAINT "record_weeks_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_weeks" ADD CONSTRAINT "record_weeks_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_events_week_idx" ON "record_events" USING btree ("week_id","at");--> statement-breakpoint
CREATE INDEX "record_weeks_status_idx" ON "record_weeks" USING btree ("status","apprenticeship_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_state_known" CHECK ("organizations"."state" in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH'));--> statement-breakpoint
-- An approved week is final: its content, dates and hash cannot change and it cannot be deleted.
-- The only change allowed is a reopen: back to draft, content and submission untouched, and only
-- when the history already holds a "reopened" event (with the trainer's reason) since the approval.
CREATE FUNCTION "record_weeks_keep_approved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'approved' THEN
      RAISE EXCEPTION 'record week % is approved and cannot be deleted', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'approved' THEN
    RETURN NEW;
  END IF;
  IF NEW."content" IS DISTINCT FROM OLD."content"
    OR NEW."week_start" IS DISTINCT FROM OLD."week_start"
    OR NEW."apprenticeship_id" IS DISTINCT FROM OLD."apprenticeship_id"
    OR NEW."origin" IS DISTINCT FROM OLD."origin"
    OR NEW."submitted_at" IS DISTINCT FROM OLD."submitted_at"
    OR (NEW."approved_by" IS DISTINCT FROM OLD."approved_by" AND NEW."approved_by" IS NOT NULL)
    OR NEW."status" = 'submitted'
    OR (NEW."status" = 'approved' AND (
      NEW."content_hash" IS DISTINCT FROM OLD."content_hash"
      OR NEW."approved_at" IS DISTINCT FROM OLD."approved_at"))
  THEN
    RAISE EXCEPTION 'record week % is approved and cannot be changed', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."status" = 'draft' AND (OLD."origin" IS NOT NULL OR NOT EXISTS (
    SELECT 1 FROM "record_events" e
    WHERE e."week_id" = OLD."id" AND e."action" = 'reopened' AND e."at" >= OLD."approved_at"
  )) THEN
    RAISE EXCEPTION 'record week % can only be reopened with a reason in its history', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "record_weeks_keep_approved" BEFORE UPDATE OR DELETE ON "record_weeks"
  FOR EACH ROW EXECUTE FUNCTION "record_weeks_keep_approved"();
--> statement-breakpoint
-- The history is append-only: what was submitted, returned, approved or reopened stays. The one
-- change allowed is forgetting the account of a deleted user (the name stays).
CREATE FUNCTION "record_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actor_id" IS NULL
    AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the history of a record week cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "record_events_append_only" BEFORE UPDATE OR DELETE ON "record_events"
  FOR EACH ROW EXECUTE FUNCTION "record_events_append_only"();
