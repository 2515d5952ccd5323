CREATE TYPE "public"."attempt_status" AS ENUM('open', 'finished');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('single', 'multiple', 'truefalse', 'numeric', 'shorttext', 'ordering', 'matching', 'essay', 'description');--> statement-breakpoint
CREATE TYPE "public"."quiz_review_policy" AS ENUM('after_attempt', 'after_pass', 'never');--> statement-breakpoint
CREATE TABLE "attempt_answers" (
	"attempt_id" uuid NOT NULL,
	"slot" smallint NOT NULL,
	"question_id" uuid NOT NULL,
	"page" smallint NOT NULL,
	"display_order" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"response" jsonb,
	"max_points" double precision NOT NULL,
	"fraction" double precision,
	"needs_grading" boolean DEFAULT false NOT NULL,
	"grader_comment" text,
	"graded_by" uuid,
	"graded_at" timestamp with time zone,
	CONSTRAINT "attempt_answers_attempt_id_slot_pk" PRIMARY KEY("attempt_id","slot")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quiz_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"type" "question_type" NOT NULL,
	"title" text NOT NULL,
	"prompt" jsonb NOT NULL,
	"prompt_html" text NOT NULL,
	"general_feedback" jsonb,
	"general_feedback_html" text,
	"image" text,
	"image_alt" text,
	"image_width" integer,
	"image_height" integer,
	"points" double precision DEFAULT 1 NOT NULL,
	"config" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questions_quiz_key_key" UNIQUE("quiz_id","key"),
	CONSTRAINT "questions_points_range" CHECK ("questions"."points" >= 0 and "questions"."points" <= 100),
	CONSTRAINT "questions_config_type" CHECK ("questions"."config"->>'type' = "questions"."type"::text),
	CONSTRAINT "questions_image_has_alt" CHECK ("questions"."image" is null or length(trim("questions"."image_alt")) > 0)
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quiz_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"status" "attempt_status" DEFAULT 'open' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"page_count" smallint NOT NULL,
	"points" double precision,
	"max_points" double precision NOT NULL,
	"percent" double precision,
	"passed" boolean,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"graded_at" timestamp with time zone,
	CONSTRAINT "quiz_attempts_user_number_key" UNIQUE("quiz_id","user_id","number"),
	CONSTRAINT "quiz_attempts_finished_complete" CHECK (("quiz_attempts"."status" = 'finished') = ("quiz_attempts"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "quizzes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro_markdown" text DEFAULT '' NOT NULL,
	"intro_html" text DEFAULT '' NOT NULL,
	"pass_percent" smallint DEFAULT 60 NOT NULL,
	"max_attempts" smallint,
	"shuffle_questions" boolean DEFAULT false NOT NULL,
	"shuffle_answers" boolean DEFAULT true NOT NULL,
	"draw_count" smallint,
	"per_page" smallint DEFAULT 3 NOT NULL,
	"review_policy" "quiz_review_policy" DEFAULT 'after_attempt' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quizzes_module_key" UNIQUE("module_id"),
	CONSTRAINT "quizzes_title_not_blank" CHECK (length(trim("quizzes"."title")) > 0),
	CONSTRAINT "quizzes_pass_percent_range" CHECK ("quizzes"."pass_percent" between 0 and 100),
	CONSTRAINT "quizzes_max_attempts_positive" CHECK ("quizzes"."max_attempts" is null or "quizzes"."max_attempts" > 0),
	CONSTRAINT "quizzes_draw_positive" CHECK ("quizzes"."draw_count" is null or "quizzes"."draw_count" > 0),
	CONSTRAINT "quizzes_per_page_range" CHECK ("quizzes"."per_page" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD CONSTRAINT "attempt_answers_attempt_id_quiz_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."quiz_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD CONSTRAINT "attempt_answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD CONSTRAINT "attempt_answers_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_module_id_course_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."course_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempt_answers_waiting_idx" ON "attempt_answers" USING btree ("attempt_id") WHERE "attempt_answers"."needs_grading";--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open_key" ON "quiz_attempts" USING btree ("quiz_id","user_id") WHERE "quiz_attempts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "quiz_attempts_user_quiz_idx" ON "quiz_attempts" USING btree ("user_id","quiz_id");