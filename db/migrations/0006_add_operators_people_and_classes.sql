CREATE TABLE "password_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_codes_code_hash_is_sha256_hex" CHECK ("password_codes"."code_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "password_codes_expiry_after_creation" CHECK ("password_codes"."expires_at" > "password_codes"."created_at"),
	CONSTRAINT "password_codes_purpose_known" CHECK ("password_codes"."purpose" in ('reset', 'first_password'))
);
--> statement-breakpoint
CREATE TABLE "organization_occupations" (
	"organization_id" uuid NOT NULL,
	"occupation_id" uuid NOT NULL,
	CONSTRAINT "organization_occupations_organization_id_occupation_id_pk" PRIMARY KEY("organization_id","occupation_id")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "platform_role" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "multi_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD COLUMN "actual_end_on" date;--> statement-breakpoint
ALTER TABLE "school_classes" ADD COLUMN "school_year" text;--> statement-breakpoint
ALTER TABLE "school_classes" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "password_codes" ADD CONSTRAINT "password_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_codes" ADD CONSTRAINT "password_codes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_occupations" ADD CONSTRAINT "organization_occupations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_occupations" ADD CONSTRAINT "organization_occupations_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "password_codes_code_hash_key" ON "password_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "password_codes_user_id_idx" ON "password_codes" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_platform_role_known" CHECK ("users"."platform_role" is null or "users"."platform_role" in ('operator'));--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_actual_end_from_start" CHECK ("apprenticeships"."actual_end_on" is null or "apprenticeships"."actual_end_on" >= "apprenticeships"."starts_on");--> statement-breakpoint
ALTER TABLE "school_classes" ADD CONSTRAINT "school_classes_school_year_shape" CHECK ("school_classes"."school_year" is null or "school_classes"."school_year" ~ '^[0-9]{4}/[0-9]{2}$');